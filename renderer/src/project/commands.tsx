import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import demoJson from '../../../examples/demo-enterprise.json';
import type { AutosaveRecord, ProjectFile, RecentProject } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';
import { readProjectFile } from '../api/http-client.ts';
import {
  newProject,
  parseProjectText,
  serialiseProject,
  type ProjectDoc,
} from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { projectFileName } from './project-file.ts';

/** Quiet time after the last edit before the autosave is written, ms. */
export const AUTOSAVE_DEBOUNCE_MS = 1500;
/** Longest time edits stay unwritten while the user keeps editing, ms. */
export const AUTOSAVE_MAX_WAIT_MS = 10_000;

/** What a command reported, as an i18n key and its values, so it follows a change of language. */
export interface Notice {
  kind: 'info' | 'error';
  key: string;
  values?: Record<string, string> | undefined;
  /** The file the notice is about, shown before the message. */
  fileName?: string;
}
export type SaveFormat = 'json' | 'sdp';

/** The application's file commands, shared by the Start screen, the keyboard shortcuts and drag-and-drop. */
export interface ProjectCommands {
  /** The last thing a command reported (saved as…, cancelled, an error), shown in the status bar. */
  notice: Notice | null;
  /** Unsaved edits of the last session, while the user has not chosen to recover or discard them. */
  recovery: AutosaveRecord | null;
  /** When the autosave was last written in this session. */
  autosavedAt: Date | null;
  recent: RecentProject[];
  newProject(name?: string): void;
  open(): Promise<void>;
  /** Opens a file dropped on the window or picked elsewhere (.json or .sdp). */
  openFile(file: File): Promise<void>;
  openRecent(id: string): Promise<void>;
  loadDemo(): void;
  /** Saves; `format` picks the suggested file type (the current file's, or JSON, by default). */
  save(format?: SaveFormat): Promise<void>;
  recover(): void;
  discardRecovery(): void;
}

const Context = createContext<ProjectCommands | null>(null);

/** A file-name stem from a file or project name: no extension, no characters file systems refuse. */
function stemOf(fileName: string): string {
  return fileName.replace(/(\.safedist)?\.(json|sdp)$/i, '');
}

/**
 * The file commands and the crash protection: every change of an edited project is written to the autosave
 * (AUTOSAVE_DEBOUNCE_MS after the last edit, at least every AUTOSAVE_MAX_WAIT_MS while editing); saving, or
 * replacing the project after the user agreed to drop its edits, removes it. At start the autosave of the
 * last session is offered for recovery, and nothing is autosaved until the user has decided, so the offer
 * cannot be overwritten by accident.
 */
export function ProjectCommandsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const state = useProjectState();
  const { doc, dirty, fileName, load, markSaved } = state;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [recovery, setRecovery] = useState<AutosaveRecord | null>(null);
  const [recoveryChecked, setRecoveryChecked] = useState(false);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const autosaveExists = useRef(false);
  const firstUnwritten = useRef<number | null>(null);

  const fail = useCallback(
    (error: unknown) =>
      setNotice({ kind: 'error', key: 'common.error', values: { message: (error as Error).message } }),
    [],
  );
  const refreshRecent = useCallback(() => {
    api.listRecentProjects().then(setRecent, fail);
  }, [fail]);

  useEffect(() => {
    refreshRecent();
    api.readAutosave().then(
      (record) => {
        setRecovery(record);
        setRecoveryChecked(true);
      },
      (error: unknown) => {
        setRecoveryChecked(true);
        fail(error);
      },
    );
  }, [refreshRecent, fail]);

  const text = useMemo(() => (doc ? serialiseProject(doc) : null), [doc]);
  const autosaving = recoveryChecked && recovery === null;
  useEffect(() => {
    if (!autosaving) return;
    if (text === null || !dirty) {
      firstUnwritten.current = null;
      if (autosaveExists.current) {
        autosaveExists.current = false;
        api.discardAutosave().catch(fail);
      }
      return;
    }
    const now = Date.now();
    firstUnwritten.current ??= now;
    const delay = Math.max(
      0,
      Math.min(AUTOSAVE_DEBOUNCE_MS, firstUnwritten.current + AUTOSAVE_MAX_WAIT_MS - now),
    );
    const timer = window.setTimeout(() => {
      firstUnwritten.current = null;
      api.writeAutosave({ text }).then(() => {
        autosaveExists.current = true;
        setAutosavedAt(new Date());
      }, fail);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [autosaving, text, dirty, fail]);

  // A browser asks before leaving a page with unsaved edits (the desktop app asks in electron/main).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  /** True when there is nothing to lose, or the user agreed to drop the unsaved edits. */
  const mayReplace = useCallback(() => !dirty || window.confirm(t('shell.discardEdits')), [dirty, t]);

  const loadFile = useCallback(
    (file: ProjectFile) => {
      const parsed = parseProjectText(file.text);
      if ('problem' in parsed) {
        setNotice({
          kind: 'error',
          key: parsed.problem.key,
          values: parsed.problem.values,
          fileName: file.fileName,
        });
        return;
      }
      load(parsed.doc, file.fileName);
      setNotice({ kind: 'info', key: 'shell.opened', values: { fileName: file.fileName } });
      refreshRecent();
    },
    [load, refreshRecent],
  );

  const commands = useMemo<ProjectCommands>(
    () => ({
      notice,
      recovery,
      autosavedAt,
      recent,
      newProject: (name) => {
        if (!mayReplace()) return;
        load(newProject(name?.trim() || t('shell.untitled')), null);
        setNotice(null);
      },
      open: async () => {
        if (!mayReplace()) return;
        try {
          const file = await api.openProject();
          if (file) loadFile(file);
          else setNotice({ kind: 'info', key: 'shell.cancelled' });
        } catch (error) {
          fail(error);
        }
      },
      openFile: async (file) => {
        if (!mayReplace()) return;
        try {
          loadFile(await readProjectFile(file, api));
        } catch (error) {
          fail(error);
        }
      },
      openRecent: async (id) => {
        if (!mayReplace()) return;
        try {
          loadFile(await api.openRecentProject({ id }));
        } catch (error) {
          fail(error);
          refreshRecent();
        }
      },
      loadDemo: () => {
        if (!mayReplace()) return;
        load(structuredClone(demoJson) as unknown as ProjectDoc, null);
        setNotice({ kind: 'info', key: 'shell.demoLoaded' });
      },
      save: async (format) => {
        if (!doc) return;
        const current = fileName ?? projectFileName(doc.name);
        const suggested =
          format === 'sdp'
            ? `${stemOf(current)}.sdp`
            : format === 'json'
              ? `${stemOf(current)}.safedist.json`
              : current;
        try {
          const { fileName: savedAs } = await api.saveProject({
            fileName: suggested,
            text: serialiseProject(doc),
          });
          if (savedAs === null) return setNotice({ kind: 'info', key: 'shell.cancelled' });
          markSaved(savedAs);
          setNotice({ kind: 'info', key: 'shell.saved', values: { fileName: savedAs } });
          refreshRecent();
        } catch (error) {
          fail(error);
        }
      },
      recover: () => {
        if (!recovery) return;
        const parsed = parseProjectText(recovery.text);
        if ('problem' in parsed) {
          setNotice({ kind: 'error', key: parsed.problem.key, values: parsed.problem.values });
          return;
        }
        // Recovered edits are not in any file yet: they stay "edited" until saved.
        load(parsed.doc, null, { edited: true });
        autosaveExists.current = true;
        setRecovery(null);
        setNotice({ kind: 'info', key: 'shell.recovered' });
      },
      discardRecovery: () => {
        setRecovery(null);
        api.discardAutosave().catch(fail);
      },
    }),
    [
      notice,
      recovery,
      autosavedAt,
      recent,
      mayReplace,
      load,
      t,
      loadFile,
      fail,
      refreshRecent,
      doc,
      fileName,
      markSaved,
    ],
  );
  return <Context value={commands}>{children}</Context>;
}

export function useProjectCommands(): ProjectCommands {
  const value = useContext(Context);
  if (!value) throw new Error('useProjectCommands outside ProjectCommandsProvider');
  return value;
}
