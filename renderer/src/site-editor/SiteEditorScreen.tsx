import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import demoJson from '../../../examples/demo-enterprise.json';
import { api } from '../api/index.ts';
import { AreaForm } from '../forms/AreaForm.tsx';
import { IssuesContext, TextField } from '../forms/fields.tsx';
import { InstallationForm } from '../forms/InstallationForm.tsx';
import { formatSi } from '../forms/quantity.ts';
import { validateProject, type Issues } from '../forms/validate.ts';
import { WeatherForm } from '../forms/WeatherForm.tsx';
import { projectFileName } from '../project/project-file.ts';
import {
  newProject,
  nextId,
  parseProjectText,
  serialiseProject,
  type AreaDoc,
  type Collection,
  type InstallationDoc,
  type ProjectDoc,
  type TargetDoc,
  type XY,
} from '../project-state/document.ts';
import { setIn } from '../project-state/paths.ts';
import { useProjectState, useUndoShortcuts } from '../project-state/ProjectStateContext.tsx';
import { BackdropPanel } from './BackdropPanel.tsx';
import { DxfPanel, type DxfBackdrop } from './DxfPanel.tsx';
import { centroid, roundTo } from './geometry.ts';
import { SiteMap, type Backdrop, type Selection, type Tool } from './SiteMap.tsx';
import './site-editor.css';

const TOOLS: Tool[] = ['select', 'installation', 'target', 'population', 'measure', 'georef'];
const TOOL_KEYS: Record<string, Tool> = {
  v: 'select',
  i: 'installation',
  t: 'target',
  p: 'population',
  m: 'measure',
};
type Tab = 'objects' | 'weather' | 'backdrop';
type Status = { kind: 'info' | 'error'; text: string } | null;

/** A new object as drawn: every field the user must fill in is present and empty, so the form asks for it. */
function newObject(
  collection: Collection,
  points: XY[],
  doc: ProjectDoc,
): InstallationDoc | TargetDoc | AreaDoc {
  const areaIds = [...(doc.targets ?? []), ...(doc.population ?? [])].map((a) => a.id);
  if (collection === 'installations') {
    const [x, y] = points.length === 1 ? (points[0] as XY) : centroid(points);
    return {
      id: nextId(
        'INS-',
        doc.installations.map((i) => i.id),
      ),
      name: '',
      kind: '',
      status: '',
      position: { x: roundTo(x), y: roundTo(y) },
      ...(points.length >= 3 ? { outline: points } : {}),
      substance: '',
      inventory: '',
      temperature: '',
      pressure: '',
      phase: '',
      equipment: [],
    };
  }
  const area: AreaDoc = {
    id: nextId(collection === 'targets' ? 'T-' : 'A-', areaIds),
    name: '',
    polygon: points,
    population: { day: '', night: '' },
  };
  return collection === 'targets' ? { ...area, category: '' } : area;
}

/** The site editor: the map with its tools, and beside it the form of the selected object, weather, backdrop. */
export function SiteEditorScreen() {
  const { t } = useTranslation();
  const state = useProjectState();
  const { doc, edit, load, undo, redo, markSaved, dirty, fileName } = state;
  useUndoShortcuts();
  const [tool, setTool] = useState<Tool>('select');
  const [snap, setSnap] = useState(true);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [tab, setTab] = useState<Tab>('objects');
  const [fitKey, setFitKey] = useState(0);
  const [backdrop, setBackdrop] = useState<Backdrop | null>(null);
  const [dxf, setDxf] = useState<DxfBackdrop | null>(null);
  const [picks, setPicks] = useState<XY[]>([]);
  const [cursor, setCursor] = useState<XY | null>(null);
  const [measured, setMeasured] = useState<{ length: number | null; segments: number }>({
    length: null,
    segments: 0,
  });
  const [status, setStatus] = useState<Status>(null);
  const issues: Issues = useMemo(() => (doc ? validateProject(doc) : new Map()), [doc]);

  // A selection that no longer exists (undo of a creation, another project) is dropped.
  const selectionValid =
    selection !== null && doc !== null && (doc[selection.collection]?.length ?? 0) > selection.index;
  const current = selectionValid ? selection : null;

  const replace = (next: ProjectDoc, name: string | null) => {
    if (dirty && !window.confirm(t('editor.discard'))) return;
    load(next, name);
    setSelection(null);
    setFitKey((key) => key + 1);
    setStatus(null);
  };

  async function open() {
    if (dirty && !window.confirm(t('editor.discard'))) return;
    try {
      const file = await api.openProject();
      if (!file) return setStatus({ kind: 'info', text: t('editor.cancelled') });
      const parsed = parseProjectText(file.text);
      if ('problem' in parsed)
        return setStatus({
          kind: 'error',
          text: `${file.fileName}: ${t(parsed.problem.key, parsed.problem.values)}`,
        });
      load(parsed.doc, file.fileName);
      setSelection(null);
      setFitKey((key) => key + 1);
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: t('common.error', { message: (error as Error).message }) });
    }
  }

  async function save() {
    if (!doc) return;
    try {
      const { fileName: savedAs } = await api.saveProject({
        fileName: fileName ?? projectFileName(doc.name),
        text: serialiseProject(doc),
      });
      if (savedAs === null) return setStatus({ kind: 'info', text: t('editor.cancelled') });
      markSaved(savedAs);
      setStatus({
        kind: 'info',
        text:
          issues.size > 0
            ? t('editor.savedWithIssues', { fileName: savedAs, count: issues.size })
            : t('editor.saved', { fileName: savedAs }),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: t('common.error', { message: (error as Error).message }) });
    }
  }

  const onCreate = useCallback(
    (collection: Collection, points: XY[]) => {
      if (!doc) return;
      const index = doc[collection]?.length ?? 0;
      edit((d) => setIn(d, [collection, d[collection]?.length ?? 0], newObject(collection, points, d)));
      setSelection({ collection, index });
      setTab('objects');
      setTool('select');
    },
    [doc, edit],
  );

  const onDelete = useCallback(() => {
    if (!current) return;
    edit((d) => setIn(d, [current.collection, current.index], undefined));
    setSelection(null);
  }, [current, edit]);

  const onGeorefPick = useCallback(
    (pixel: XY) => setPicks((p) => (p.length >= 2 ? [pixel] : [...p, pixel])),
    [],
  );
  const onMeasure = useCallback(
    (length: number | null, segments: number) => setMeasured({ length, segments }),
    [],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const next = TOOL_KEYS[event.key.toLowerCase()];
      if (next) setTool(next);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toolbar = (
    <div className="se-toolbar" role="toolbar">
      <div className="se-group">
        <button
          type="button"
          className="secondary"
          onClick={() => replace(newProject(t('editor.untitled')), null)}
        >
          {t('editor.newProject')}
        </button>
        <button type="button" className="secondary" onClick={() => void open()}>
          {t('editor.open')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => replace(structuredClone(demoJson) as unknown as ProjectDoc, null)}
          data-testid="load-demo"
        >
          {t('editor.demo')}
        </button>
        <button type="button" onClick={() => void save()} disabled={!doc}>
          {t('editor.save')}
        </button>
      </div>
      {doc && (
        <>
          <div className="se-group">
            <button
              type="button"
              className="secondary"
              onClick={undo}
              disabled={!state.canUndo}
              title={t('editor.undoHint')}
            >
              ↶ {t('editor.undo')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={redo}
              disabled={!state.canRedo}
              title={t('editor.redoHint')}
            >
              ↷ {t('editor.redo')}
            </button>
          </div>
          <div className="se-group se-tools" role="radiogroup">
            {TOOLS.map((name) => (
              <button
                key={name}
                type="button"
                role="radio"
                aria-checked={tool === name}
                className={tool === name ? 'tool active' : 'tool'}
                onClick={() => setTool(name)}
                disabled={name === 'georef' && !backdrop}
                data-testid={`tool-${name}`}
              >
                {t(`tool.${name}`)}
              </button>
            ))}
          </div>
          <div className="se-group">
            <label className="se-check" title={t('editor.snapHint')}>
              <input type="checkbox" checked={snap} onChange={(event) => setSnap(event.target.checked)} />
              {t('editor.snap')}
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => setFitKey((key) => key + 1)}
              title={t('editor.fitHint')}
            >
              {t('editor.fit')}
            </button>
          </div>
        </>
      )}
    </div>
  );

  if (!doc) {
    return (
      <section className="se-screen">
        {toolbar}
        <div className="se-empty">
          <h1>{t('editor.title')}</h1>
          <p className="muted">{t('editor.noProject')}</p>
          {state.problem && (
            <p className="error" role="alert">
              {t(state.problem.key, state.problem.values)}
            </p>
          )}
          {status && <p className={status.kind === 'error' ? 'error' : 'muted'}>{status.text}</p>}
        </div>
      </section>
    );
  }

  const toolHint =
    tool === 'select'
      ? t('tool.selectHint')
      : tool === 'installation'
        ? t('tool.installationHint')
        : tool === 'measure'
          ? t('tool.measureHint')
          : tool === 'georef'
            ? t('tool.georefHint')
            : t('tool.drawHint');

  return (
    <IssuesContext value={issues}>
      <section className="se-screen">
        {toolbar}
        <div className="se-body">
          <div className="se-map-wrap">
            <SiteMap
              tool={tool}
              snap={snap}
              selection={current}
              onSelect={setSelection}
              onCreate={onCreate}
              onDelete={onDelete}
              backdrop={backdrop}
              dxf={dxf}
              georefPicks={picks}
              onGeorefPick={onGeorefPick}
              fitKey={fitKey}
              onCursor={setCursor}
              onMeasure={onMeasure}
            />
            <div className="se-hint">{toolHint}</div>
          </div>
          <aside className="se-side">
            <div className="se-tabs" role="tablist">
              {(['objects', 'weather', 'backdrop'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  className={tab === name ? 'active' : undefined}
                  onClick={() => setTab(name)}
                >
                  {t(`editor.tab${name[0]?.toUpperCase()}${name.slice(1)}`)}
                </button>
              ))}
            </div>
            <div className="se-panel">
              {tab === 'objects' &&
                (current ? (
                  <SelectedObject selection={current} onBack={() => setSelection(null)} onDelete={onDelete} />
                ) : (
                  <ObjectLists doc={doc} issues={issues} onSelect={setSelection} />
                ))}
              {tab === 'weather' && <WeatherForm />}
              {tab === 'backdrop' && (
                <BackdropPanel
                  backdrop={backdrop}
                  onBackdrop={(next) => {
                    // Reference points belong to an image: a new image (or none) starts over.
                    if (next?.url !== backdrop?.url) setPicks([]);
                    setBackdrop(next);
                  }}
                  picks={picks}
                />
              )}
              {tab === 'backdrop' && (
                <div className="se-form">
                  <DxfPanel
                    dxf={dxf}
                    onDxf={(next) => {
                      // A new drawing is shown whole; moving or rescaling one keeps the view.
                      if (next && next.drawing !== dxf?.drawing) setFitKey((key) => key + 1);
                      setDxf(next);
                    }}
                  />
                </div>
              )}
            </div>
          </aside>
        </div>
        {/* The document's state and file are in the app's status bar below; this line is the editor's own. */}
        <footer className="se-status" data-testid="status-bar">
          <span className={issues.size > 0 ? 'issues' : 'ok'} data-testid="issue-count">
            {issues.size > 0 ? t('editor.issues', { count: issues.size }) : t('editor.noIssues')}
          </span>
          {measured.length !== null && (
            <span data-testid="measure-result">
              {t('editor.measureResult', { length: formatSi(measured.length), segments: measured.segments })}
            </span>
          )}
          {status && (
            <span className={status.kind === 'error' ? 'error' : undefined} role="status">
              {status.text}
            </span>
          )}
          <span className="cursor">
            {cursor
              ? t('editor.cursor', {
                  x: formatSi(roundTo(cursor[0], 0.1)),
                  y: formatSi(roundTo(cursor[1], 0.1)),
                })
              : ''}
          </span>
        </footer>
      </section>
    </IssuesContext>
  );
}

function SelectedObject({
  selection,
  onBack,
  onDelete,
}: {
  selection: Selection;
  onBack(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const title =
    selection.collection === 'installations'
      ? t('tool.installation')
      : selection.collection === 'targets'
        ? t('tool.target')
        : t('tool.population');
  return (
    <div>
      <div className="se-panel-head">
        <button type="button" className="link" onClick={onBack}>
          ← {t('editor.back')}
        </button>
        <h2>{title}</h2>
        <button type="button" className="danger" onClick={onDelete} title={t('editor.deleteHint')}>
          {t('editor.deleteSelected')}
        </button>
      </div>
      {selection.collection === 'installations' ? (
        <InstallationForm key={selection.index} index={selection.index} />
      ) : (
        <AreaForm
          key={`${selection.collection}-${selection.index}`}
          collection={selection.collection}
          index={selection.index}
        />
      )}
    </div>
  );
}

function ObjectLists({
  doc,
  issues,
  onSelect,
}: {
  doc: ProjectDoc;
  issues: Issues;
  onSelect(selection: Selection): void;
}) {
  const { t } = useTranslation();
  const flagged = (collection: Collection, index: number) => {
    const prefix = `${collection}.${index}.`;
    for (const key of issues.keys()) if (key.startsWith(prefix)) return true;
    return false;
  };
  const lists: [Collection, string, { id: string; name?: string; detail: string }[]][] = [
    [
      'installations',
      t('editor.installations'),
      doc.installations.map((i) => ({ id: i.id, name: i.name, detail: i.kind ? t(`kind.${i.kind}`) : '' })),
    ],
    [
      'targets',
      t('editor.targets'),
      (doc.targets ?? []).map((a) => ({
        id: a.id,
        ...(a.name ? { name: a.name } : {}),
        detail: a.category ? t(`category.${a.category}`) : '',
      })),
    ],
    [
      'population',
      t('editor.population'),
      (doc.population ?? []).map((a) => ({ id: a.id, ...(a.name ? { name: a.name } : {}), detail: '' })),
    ],
  ];
  return (
    <div className="se-form">
      <TextField path={['name']} label={t('editor.projectName')} required />
      <p className="muted small">{t('editor.select')}</p>
      {lists.map(([collection, title, items]) => (
        <fieldset className="se-section" key={collection}>
          <legend>
            {title} ({items.length})
          </legend>
          {items.length === 0 && <p className="muted small">{t('editor.none')}</p>}
          <ul className="se-list" data-testid={`list-${collection}`}>
            {items.map((item, index) => (
              <li key={index}>
                <button type="button" className="link" onClick={() => onSelect({ collection, index })}>
                  <span className="id">{item.id}</span> {item.name}{' '}
                  <span className="muted small">{item.detail}</span>
                  {flagged(collection, index) && (
                    <span className="flag" aria-label="!">
                      !
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
