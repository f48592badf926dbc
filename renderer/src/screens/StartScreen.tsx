import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/index.ts';
import { newProjectText, projectFileName, summariseProject } from '../project/project-file.ts';
import { useProject } from '../project/ProjectContext.tsx';

type Status = { kind: 'info' | 'error'; text: string } | null;

export function StartScreen() {
  const { t } = useTranslation();
  const { project, setProject } = useProject();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const parsed = project ? summariseProject(project.text) : null;

  async function run(action: () => Promise<Status>) {
    setBusy(true);
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: 'error', text: t('common.error', { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  function create(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setStatus({ kind: 'error', text: t('start.nameRequired') });
    setProject({ fileName: null, text: newProjectText(trimmed) });
    setStatus(null);
  }

  const open = () =>
    run(async () => {
      const file = await api.openProject();
      if (!file) return { kind: 'info', text: t('start.cancelled') };
      setProject(file);
      return null;
    });

  const save = () =>
    run(async () => {
      if (!project) return null;
      const suggested =
        project.fileName ?? projectFileName(parsed && 'summary' in parsed ? parsed.summary.name : '');
      const { fileName } = await api.saveProject({ fileName: suggested, text: project.text });
      if (fileName === null) return { kind: 'info', text: t('start.cancelled') };
      setProject({ ...project, fileName });
      return { kind: 'info', text: t('start.saved', { fileName }) };
    });

  return (
    <section className="screen start">
      <h1>{t('app.tagline')}</h1>
      <p className="lead">{t('app.basis')}</p>

      <div className="panels">
        <form className="panel" onSubmit={create}>
          <h2>{t('start.newProject')}</h2>
          <label>
            {t('start.projectName')}
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('start.projectNamePlaceholder')}
              maxLength={150}
            />
          </label>
          <button type="submit">{t('start.create')}</button>
        </form>

        <div className="panel">
          <h2>{t('start.current')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void open()} disabled={busy}>
              {t('start.open')}
            </button>
            <button type="button" onClick={() => void save()} disabled={busy || !project}>
              {t('start.save')}
            </button>
          </div>
          {!project && <p className="muted">{t('start.none')}</p>}
          {project && parsed && 'problem' in parsed && (
            <p className="error" role="alert">
              {project.fileName}: {t(parsed.problem.key, parsed.problem.values)}
            </p>
          )}
          {project && parsed && 'summary' in parsed && (
            <>
              <dl className="facts" data-testid="project-summary">
                <dt>{t('start.projectName')}</dt>
                <dd>{parsed.summary.name}</dd>
                <dt>{t('start.fileName')}</dt>
                <dd>{project.fileName ?? t('start.unsaved')}</dd>
                <dt>{t('start.formatVersion')}</dt>
                <dd>{parsed.summary.version}</dd>
                <dt>{t('start.installations')}</dt>
                <dd>{parsed.summary.installations}</dd>
                <dt>{t('start.targets')}</dt>
                <dd>{parsed.summary.targets}</dd>
              </dl>
              <p className="muted">
                {t('start.editorPending')} <Link to="/site">{t('nav.site')}</Link>
              </p>
            </>
          )}
          {status && (
            <p className={status.kind === 'error' ? 'error' : 'muted'} role="status">
              {status.text}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
