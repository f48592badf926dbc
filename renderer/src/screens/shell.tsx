import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useProjectCommands } from '../project/commands.tsx';
import { projectFileName } from '../project/project-file.ts';
import { useProjectState, useUndoShortcuts } from '../project-state/ProjectStateContext.tsx';
import { useAssessment } from '../results/AssessmentContext.tsx';

/** The keyboard shortcuts, as the shortcut list shows them (keys, i18n key of what they do). */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl+N / Alt+N', action: 'shell.keys.new' },
  { keys: 'Ctrl+O', action: 'shell.keys.open' },
  { keys: 'Ctrl+S', action: 'shell.keys.save' },
  { keys: 'Ctrl+Shift+S', action: 'shell.keys.saveSdp' },
  { keys: 'Ctrl+Z', action: 'shell.keys.undo' },
  { keys: 'Ctrl+Y / Ctrl+Shift+Z', action: 'shell.keys.redo' },
  { keys: 'F5 / Ctrl+R', action: 'shell.keys.run' },
  { keys: 'Esc', action: 'shell.keys.cancel' },
  { keys: '? / F1', action: 'shell.keys.help' },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable);

/**
 * The app-wide shortcuts (⌘ for Ctrl on macOS). Browsers keep Ctrl+N for a new window, so Alt+N also makes a
 * new project. F5 and Ctrl+R run the assessment instead of reloading the page; the Run & results screen
 * handles them itself (with Esc to cancel), elsewhere they run and go there.
 */
export function useAppShortcuts(onHelp: () => void): void {
  const commands = useProjectCommands();
  const { run } = useAssessment();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useUndoShortcuts();
  const latest = useRef({ commands, run, navigate, pathname, onHelp });
  useEffect(() => {
    latest.current = { commands, run, navigate, pathname, onHelp };
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { commands, run, navigate, pathname, onHelp } = latest.current;
      const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      const act = (action: () => unknown) => {
        event.preventDefault();
        void action();
      };
      if (ctrl && key === 's') act(() => commands.save(event.shiftKey ? 'sdp' : undefined));
      else if (ctrl && key === 'o' && !event.shiftKey) act(commands.open);
      else if ((ctrl && key === 'n' && !event.shiftKey) || (event.altKey && !event.ctrlKey && key === 'n'))
        act(() => commands.newProject());
      else if ((event.key === 'F5' || (ctrl && key === 'r')) && pathname !== '/results')
        act(() => {
          run();
          void navigate('/results');
        });
      else if (event.key === 'F1' || (event.key === '?' && !isTyping(event.target))) act(onHelp);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The shortcut list (? or F1), a modal dialog closed by Esc, its button or a click outside. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) ref.current.close();
      }}
      data-testid="shortcuts"
    >
      <h2 id="shortcuts-title">{t('shell.keys.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(({ keys, action }) => (
            <tr key={keys}>
              <td>
                {keys.split(' / ').map((combo, k) => (
                  <span key={combo}>
                    {k > 0 && ' / '}
                    {combo.split('+').map((part, j) => (
                      <span key={part}>
                        {j > 0 && '+'}
                        <kbd>{part}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{t(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('shell.keys.note')}</p>
      <button type="button" onClick={() => ref.current?.close()} autoFocus>
        {t('shell.close')}
      </button>
    </dialog>
  );
}

/** Files dragged over the window: an overlay says where they go; a dropped .json or .sdp file is opened. */
export function DropZone() {
  const { t } = useTranslation();
  const { openFile } = useProjectCommands();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    function onEnter(event: DragEvent) {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setOver(true);
    }
    function onLeave(event: DragEvent) {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    }
    function onOver(event: DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onDrop(event: DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    }
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <p>{t('shell.dropHere')}</p>
    </div>
  );
}

/** Unsaved edits of the last session: recover them or discard them (shown on every screen until chosen). */
export function RecoveryBanner() {
  const { t, i18n } = useTranslation();
  const { recovery, recover, discardRecovery } = useProjectCommands();
  if (!recovery) return null;
  let name = '';
  try {
    name = String((JSON.parse(recovery.text) as { name?: unknown }).name ?? '');
  } catch {
    name = '';
  }
  const at = new Date(recovery.at);
  const when = Number.isNaN(at.getTime()) ? recovery.at : at.toLocaleString(i18n.resolvedLanguage);
  return (
    <div className="recovery" role="alert" data-testid="recovery">
      <span>{t('shell.recoveryFound', { name: name || t('shell.untitled'), when })}</span>
      <button type="button" onClick={recover} data-testid="recover">
        {t('shell.recover')}
      </button>
      <button type="button" className="secondary" onClick={discardRecovery}>
        {t('shell.discard')}
      </button>
    </div>
  );
}

/** The status bar: project name and file, saved / edited / new, the autosave, the engine, the last notice. */
export function StatusBar({ onHelp }: { onHelp: () => void }) {
  const { t } = useTranslation();
  const { doc, dirty, fileName } = useProjectState();
  const { notice, autosavedAt } = useProjectCommands();
  const engine = useAssessment();
  const projectState = !doc ? 'none' : dirty ? (fileName === null ? 'new' : 'edited') : 'saved';
  const computing = engine.status === 'preparing' || engine.status === 'running';
  // Only the per-installation layers have a known total; the other stages are short.
  const progress = engine.progress;
  const percent =
    progress?.stage === 'layers' && progress.total > 0
      ? Math.floor((100 * progress.done) / progress.total)
      : null;
  const engineState = computing
    ? 'computing'
    : engine.assessment
      ? engine.stale
        ? 'stale'
        : 'current'
      : engine.status === 'error'
        ? 'failed'
        : 'none';
  return (
    <footer className="statusbar" data-testid="app-status">
      <span className={`doc-state ${projectState}`} data-testid="app-doc-state">
        {t(`shell.state.${projectState}`)}
      </span>
      {doc && (
        <span className="doc-name" title={fileName ?? undefined}>
          {doc.name || t('shell.untitled')} · {fileName ?? projectFileName(doc.name)}
        </span>
      )}
      {doc && dirty && autosavedAt && (
        <span className="muted" data-testid="autosaved">
          {t('shell.autosavedAt', { time: autosavedAt.toLocaleTimeString() })}
        </span>
      )}
      <span className={`engine-state ${engineState}`} data-testid="app-engine-state">
        {computing && percent !== null
          ? t('shell.engine.computingPercent', { percent })
          : t(`shell.engine.${engineState}`)}
      </span>
      <span className="spacer" />
      {notice && (
        <span
          className={notice.kind === 'error' ? 'error notice' : 'notice'}
          role="status"
          data-testid="app-notice"
        >
          {notice.fileName && `${notice.fileName}: `}
          {t(notice.key, notice.values)}
        </span>
      )}
      <button type="button" className="link" onClick={onHelp} title={t('shell.keys.title')}>
        {t('shell.keys.hint')}
      </button>
    </footer>
  );
}
