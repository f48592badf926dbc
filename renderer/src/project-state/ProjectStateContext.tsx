import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  type ReactNode,
} from 'react';
import { useProject } from '../project/ProjectContext.tsx';
import type { ProjectProblem } from '../project/project-file.ts';
import { parseProjectText, serialiseProject, type ProjectDoc } from './document.ts';
import {
  canRedo,
  canUndo,
  historyReducer,
  initialHistory,
  isDirty,
  type History,
  type HistoryAction,
} from './history.ts';
import { setIn, type Path } from './paths.ts';

/**
 * The project being edited: the document with its undo history, shared by every screen. The Start screen's
 * project (ProjectContext: file name and text) stays the one source the other screens read: every edit is
 * written back to it as text, and a text put there by the Start screen (new, open) is loaded here.
 */
export interface ProjectStateApi {
  doc: ProjectDoc | null;
  /** Why the open project's text cannot be edited, when it cannot. */
  problem: ProjectProblem | null;
  fileName: string | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Replace the project (new, open, demo); `fileName` null for a project never saved. A project with a file
   * name is clean, unless `edited` says it holds edits not in that file (recovered from the autosave).
   */
  load(doc: ProjectDoc, fileName: string | null, options?: { edited?: boolean }): void;
  /** An immutable update; edits with the same `key` in a row make one undo step. */
  edit(update: (doc: ProjectDoc) => ProjectDoc, key?: string): void;
  /** Set one field; consecutive writes to the same field make one undo step. */
  setField(path: Path, value: unknown): void;
  undo(): void;
  redo(): void;
  /** Close the current undo step (a field lost focus, a drag ended). */
  commit(): void;
  /** The document was saved under `fileName`. */
  markSaved(fileName: string): void;
}

type State = { history: History<ProjectDoc> | null; fileName: string | null };
type Action =
  | HistoryAction<ProjectDoc>
  | { type: 'replace'; doc: ProjectDoc | null; fileName: string | null; edited?: boolean }
  | { type: 'savedAs'; fileName: string };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'replace':
      return {
        history: action.doc ? initialHistory(action.doc, action.fileName !== null && !action.edited) : null,
        fileName: action.fileName,
      };
    case 'savedAs':
      return state.history
        ? { history: historyReducer(state.history, { type: 'saved' }), fileName: action.fileName }
        : state;
    default:
      return state.history ? { ...state, history: historyReducer(state.history, action) } : state;
  }
}

const Context = createContext<ProjectStateApi | null>(null);

export function ProjectStateProvider({ children }: { children: ReactNode }) {
  const { project, setProject } = useProject();
  const [state, dispatch] = useReducer(reducer, { history: null, fileName: null });
  /** What this provider last wrote to ProjectContext, to tell its own writes from another screen's. */
  const written = useRef<{ text: string; fileName: string | null } | null>(null);

  // A project put in ProjectContext by another screen (new, open): load it, unless it is our own echo.
  const incomingText = project?.text ?? null;
  const incomingName = project?.fileName ?? null;
  const parsed = useMemo(
    () => (incomingText === null ? null : parseProjectText(incomingText)),
    [incomingText],
  );
  useEffect(() => {
    if (incomingText === null) {
      if (written.current !== null) {
        written.current = null;
        dispatch({ type: 'replace', doc: null, fileName: null });
      }
      return;
    }
    if (incomingText === written.current?.text) {
      // The same text under another name: the Start screen saved it.
      if (incomingName !== null && incomingName !== written.current.fileName) {
        written.current = { text: incomingText, fileName: incomingName };
        dispatch({ type: 'savedAs', fileName: incomingName });
      }
      return;
    }
    written.current = { text: incomingText, fileName: incomingName };
    dispatch({ type: 'replace', doc: parsed && 'doc' in parsed ? parsed.doc : null, fileName: incomingName });
  }, [incomingText, incomingName, parsed]);

  // Every change of the document (or of its file name) goes back to ProjectContext as text.
  const present = state.history?.present ?? null;
  useEffect(() => {
    if (!present) return;
    const text = serialiseProject(present);
    if (text === written.current?.text && state.fileName === written.current.fileName) return;
    written.current = { text, fileName: state.fileName };
    setProject({ fileName: state.fileName, text });
  }, [present, state.fileName, setProject]);

  const load = useCallback((doc: ProjectDoc, fileName: string | null, options?: { edited?: boolean }) => {
    dispatch({ type: 'replace', doc, fileName, edited: options?.edited ?? false });
  }, []);
  const edit = useCallback((update: (doc: ProjectDoc) => ProjectDoc, key?: string) => {
    dispatch({ type: 'edit', update, ...(key === undefined ? {} : { key }) });
  }, []);
  const setField = useCallback((path: Path, value: unknown) => {
    dispatch({ type: 'edit', update: (doc) => setIn(doc, path, value), key: `field:${path.join('.')}` });
  }, []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const commit = useCallback(() => dispatch({ type: 'commit' }), []);
  const markSaved = useCallback((fileName: string) => dispatch({ type: 'savedAs', fileName }), []);

  const history = state.history;
  const value = useMemo<ProjectStateApi>(
    () => ({
      doc: history?.present ?? null,
      problem: !history && parsed && 'problem' in parsed ? parsed.problem : null,
      fileName: state.fileName,
      dirty: history ? isDirty(history) : false,
      canUndo: history ? canUndo(history) : false,
      canRedo: history ? canRedo(history) : false,
      load,
      edit,
      setField,
      undo,
      redo,
      commit,
      markSaved,
    }),
    [history, parsed, state.fileName, load, edit, setField, undo, redo, commit, markSaved],
  );
  return <Context value={value}>{children}</Context>;
}

export function useProjectState(): ProjectStateApi {
  const value = useContext(Context);
  if (!value) throw new Error('useProjectState outside ProjectStateProvider');
  return value;
}

/** The undo actions the shortcut listener calls, and how many mounted components asked for it. */
const undoShortcuts: { actions: Pick<ProjectStateApi, 'undo' | 'redo' | 'commit'> | null; users: number } = {
  actions: null,
  users: 0,
};

function onUndoKey(event: KeyboardEvent) {
  const actions = undoShortcuts.actions;
  if (!actions || !(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    actions.commit();
    actions.undo();
  } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
    event.preventDefault();
    actions.redo();
  }
}

/**
 * Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (⌘ on macOS), also while typing in a field. The app shell and a
 * screen may both ask for them; one listener serves them all, so one key press is one undo.
 */
export function useUndoShortcuts(): void {
  const { undo, redo, commit } = useProjectState();
  useEffect(() => {
    undoShortcuts.actions = { undo, redo, commit };
    undoShortcuts.users += 1;
    if (undoShortcuts.users === 1) window.addEventListener('keydown', onUndoKey);
    return () => {
      undoShortcuts.users -= 1;
      if (undoShortcuts.users === 0) {
        window.removeEventListener('keydown', onUndoKey);
        undoShortcuts.actions = null;
      }
    };
  }, [undo, redo, commit]);
}
