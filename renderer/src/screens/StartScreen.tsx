import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProjectCommands } from '../project/commands.tsx';
import { projectFileName } from '../project/project-file.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';

/**
 * The Start screen: a new project, the demo enterprise, open a file (.sdp or .json, also by dropping it on
 * the window), the recent projects, and the current project with its save commands.
 */
export function StartScreen() {
  const { t, i18n } = useTranslation();
  const commands = useProjectCommands();
  const { doc, dirty, fileName, problem } = useProjectState();
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);

  function create(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setNameMissing(!trimmed);
    if (trimmed) commands.newProject(trimmed);
  }

  const state = !doc ? null : dirty ? (fileName === null ? 'new' : 'edited') : 'saved';

  return (
    <section className="screen start">
      <h1>{t('app.tagline')}</h1>
      <p className="lead">{t('app.basis')}</p>

      <div className="panels">
        <div className="panel">
          <form onSubmit={create}>
            <h2>{t('start.newProject')}</h2>
            <label>
              {t('start.projectName')}
              <input
                value={name}
                onChange={(event) => setName(event.target.value)}
                placeholder={t('start.projectNamePlaceholder')}
                maxLength={150}
                aria-invalid={nameMissing}
              />
            </label>
            {nameMissing && <p className="error">{t('start.nameRequired')}</p>}
            <div className="actions">
              <button type="submit">{t('start.create')}</button>
              <button type="button" className="secondary" onClick={commands.loadDemo} data-testid="open-demo">
                {t('start.demo')}
              </button>
            </div>
          </form>
          <p className="muted">{t('start.demoHint')}</p>
        </div>

        <div className="panel">
          <h2>{t('start.openTitle')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void commands.open()}>
              {t('start.open')}
            </button>
          </div>
          <p className="muted">{t('start.dropHint')}</p>
          <h3>{t('start.recent')}</h3>
          {commands.recent.length === 0 ? (
            <p className="muted">{t('start.noRecent')}</p>
          ) : (
            <ul className="recent" data-testid="recent">
              {commands.recent.map((entry) => (
                <li key={entry.id}>
                  <button type="button" className="link" onClick={() => void commands.openRecent(entry.id)}>
                    {entry.fileName}
                  </button>
                  <span className="muted">{new Date(entry.at).toLocaleString(i18n.resolvedLanguage)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="panel">
          <h2>{t('start.current')}</h2>
          {!doc && !problem && <p className="muted">{t('start.none')}</p>}
          {problem && (
            <p className="error" role="alert">
              {t(problem.key, problem.values)}
            </p>
          )}
          {doc && (
            <>
              <dl className="facts" data-testid="project-summary">
                <dt>{t('start.projectName')}</dt>
                <dd>{doc.name}</dd>
                <dt>{t('start.fileName')}</dt>
                <dd>{fileName ?? t('start.unsaved')}</dd>
                <dt>{t('start.state')}</dt>
                <dd>{state && t(`shell.state.${state}`)}</dd>
                <dt>{t('start.installations')}</dt>
                <dd>{doc.installations.length}</dd>
                <dt>{t('start.targets')}</dt>
                <dd>{doc.targets?.length ?? 0}</dd>
                <dt>{t('start.population')}</dt>
                <dd>{doc.population?.length ?? 0}</dd>
              </dl>
              <div className="actions">
                <button type="button" onClick={() => void commands.save()} title="Ctrl+S">
                  {t('start.save')}
                </button>
                <button type="button" className="secondary" onClick={() => void commands.save('sdp')}>
                  {t('start.saveSdp')}
                </button>
                <button type="button" className="secondary" onClick={() => void commands.save('json')}>
                  {t('start.saveJson')}
                </button>
              </div>
              <p className="muted">
                {t('start.suggested', { fileName: fileName ?? projectFileName(doc.name) })}{' '}
                <Link to="/site">{t('start.toEditor')}</Link>
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
