import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildReportHtml } from '../../../core/report/index.ts';
import { api } from '../api/index.ts';
import { PlanPanel } from '../plan/PlanPanel.tsx';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { useAssessment, type Assessment } from './AssessmentContext.tsx';
import { downloadBlob, fileStem, resultsDxf, resultsGeoJson, resultsKml, svgToPng } from './export.ts';
import { FnChart } from './FnChart.tsx';
import { ClassificationPanel, EsdTable, TargetsTable, VerdictPanel } from './panels.tsx';
import { ResultMap, type ResultMapHandle } from './ResultMap.tsx';
import { ThreeView } from './ThreeView.tsx';
import './results.css';

/**
 * Run & results: classification first, then the assessment on Web Workers with progress and cancel; the
 * results on the map (or in 3D), the targets table, the F-N chart, the verdicts and the exports. F5 or Ctrl+R
 * runs, Esc cancels.
 */
export function ResultsScreen() {
  const { t, i18n } = useTranslation();
  const { doc } = useProjectState();
  const engine = useAssessment();
  const [view, setView] = useState<'map' | '3d'>('map');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mapRef = useRef<ResultMapHandle>(null);
  const { run, cancel, status } = engine;
  const busy = status === 'preparing' || status === 'running';

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const runKey =
        event.key === 'F5' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'r');
      if (runKey) {
        event.preventDefault();
        run();
      } else if (event.key === 'Escape' && busy) {
        event.preventDefault();
        cancel();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, cancel, busy]);

  if (!doc)
    return (
      <section className="screen">
        <h1>{t('results.title')}</h1>
        <p className="muted">{t('results.noProject')}</p>
      </section>
    );

  const assessment = engine.assessment;
  const progress = engine.progress;
  const percent =
    progress?.stage === 'layers' && progress.total > 0
      ? Math.floor((100 * progress.done) / progress.total)
      : 0;

  async function exportReport(a: Assessment) {
    const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
    const html = buildReportHtml({
      lang,
      project: a.prepared.project,
      result: a.result,
      classification: a.prepared.classification,
      rules: a.prepared.rules,
      inputHash: a.prepared.inputHash,
      engineVersion: a.prepared.engineVersion,
      issued: new Date().toISOString().slice(0, 10),
    });
    const offered = `${fileStem(a.prepared.project.name)}-report.pdf`;
    const { fileName } = await api.exportReportPdf({ fileName: offered, html });
    if (fileName === null) return;
    setNotice(
      fileName.endsWith('.html')
        ? t('results.export.reportWeb', { fileName })
        : t('results.export.done', { fileName }),
    );
  }

  function exportGeoJson(a: Assessment) {
    const fileName = `${fileStem(a.prepared.project.name)}-results.geojson`;
    const json = JSON.stringify(resultsGeoJson(a.prepared.project, a.result));
    downloadBlob(fileName, new Blob([json], { type: 'application/geo+json' }));
    setNotice(t('results.export.done', { fileName }));
  }

  function exportKml(a: Assessment) {
    const fileName = `${fileStem(a.prepared.project.name)}-results.kml`;
    const kml = resultsKml(a.prepared.project, a.result);
    downloadBlob(fileName, new Blob([kml], { type: 'application/vnd.google-earth.kml+xml' }));
    setNotice(t('results.export.done', { fileName }));
  }

  function exportDxf(a: Assessment) {
    const fileName = `${fileStem(a.prepared.project.name)}-results.dxf`;
    downloadBlob(fileName, new Blob([resultsDxf(a.prepared.project, a.result)], { type: 'image/vnd.dxf' }));
    setNotice(t('results.export.done', { fileName }));
  }

  /** A row of the targets table chosen: the target is highlighted and brought into view on the map. */
  function selectFromTable(id: string) {
    setSelected(id);
    if (view === 'map') mapRef.current?.focus(id);
  }

  async function exportPng(a: Assessment) {
    const svg = mapRef.current?.svg();
    if (!svg) return;
    const fileName = `${fileStem(a.prepared.project.name)}-map.png`;
    downloadBlob(fileName, await svgToPng(svg));
    setNotice(t('results.export.done', { fileName }));
  }

  function guarded(action: () => void | Promise<void>) {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) =>
        setNotice(t('results.failed', { message: error instanceof Error ? error.message : String(error) })),
      );
  }

  return (
    <div className="rs-screen">
      <div className="rs-toolbar" role="toolbar">
        <button type="button" onClick={run} disabled={busy} title={t('results.runHint')} data-testid="run">
          ▶ {t('results.run')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={cancel}
          disabled={!busy}
          title={t('results.cancelHint')}
          data-testid="cancel"
        >
          ■ {t('results.cancel')}
        </button>
        <div className="rs-progress-area" aria-live="polite">
          {status === 'preparing' && <span>{t('results.preparing')}</span>}
          {status === 'running' && (
            <>
              {progress?.stage === 'layers' ? (
                <progress max={100} value={percent} data-testid="progress" />
              ) : (
                <progress data-testid="progress" />
              )}
              <span data-testid="stage">
                {progress && progress.stage !== 'layers'
                  ? t(`results.stages.${progress.stage}`)
                  : t('results.computing', {
                      percent,
                      done: progress?.done ?? 0,
                      total: progress?.total ?? 0,
                    })}
              </span>
            </>
          )}
          {status === 'cancelled' && <span>{t('results.cancelled')}</span>}
          {status === 'error' && (
            <span className="error" data-testid="run-error">
              {t('results.failed', { message: engine.error })}
            </span>
          )}
          {status === 'done' && assessment && (
            <span data-testid="elapsed">
              {t('results.tookMs', {
                seconds: (assessment.elapsedMs / 1000).toFixed(2),
                computed: assessment.computed,
                layers: assessment.layers.length,
                workers: assessment.workers,
              })}
            </span>
          )}
        </div>
        {assessment && (
          <div className="rs-group">
            <div className="rs-segmented" role="radiogroup">
              {(['map', '3d'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  role="radio"
                  aria-checked={view === name}
                  className={view === name ? 'active' : ''}
                  onClick={() => setView(name)}
                  data-testid={`view-${name}`}
                >
                  {name === 'map' ? t('results.view2d') : t('results.view3d')}
                </button>
              ))}
            </div>
            <span className="rs-export-label">{t('results.export.title')}</span>
            <button
              type="button"
              className="secondary"
              onClick={() => guarded(() => exportReport(assessment))}
              title={t('results.export.reportHint')}
              data-testid="export-report"
            >
              {t('results.export.report')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => guarded(() => exportGeoJson(assessment))}
              data-testid="export-geojson"
            >
              {t('results.export.geojson')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => guarded(() => exportKml(assessment))}
              disabled={!assessment.prepared.project.site.origin}
              title={
                assessment.prepared.project.site.origin
                  ? t('results.export.kmlHint')
                  : t('results.export.kmlNoOrigin')
              }
              data-testid="export-kml"
            >
              {t('results.export.kml')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => guarded(() => exportDxf(assessment))}
              title={t('results.export.dxfHint')}
              data-testid="export-dxf"
            >
              {t('results.export.dxf')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => guarded(() => exportPng(assessment))}
              disabled={view !== 'map'}
              data-testid="export-png"
            >
              {t('results.export.png')}
            </button>
          </div>
        )}
      </div>
      {notice && (
        <div className="rs-notice" role="status" data-testid="notice">
          {notice}
          <button type="button" className="link" onClick={() => setNotice(null)} aria-label="×">
            ×
          </button>
        </div>
      )}
      {engine.stale && <div className="rs-stale">{t('results.stale')}</div>}
      <div className="rs-body">
        {!assessment && !engine.prepared && <p className="muted rs-empty">{t('results.notRun')}</p>}
        {(assessment || engine.prepared) && (
          <div className="rs-grid">
            <div className="rs-main">
              {assessment ? (
                view === 'map' ? (
                  <ResultMap
                    ref={mapRef}
                    assessment={assessment}
                    selectedTarget={selected}
                    onSelectTarget={setSelected}
                  />
                ) : (
                  <ThreeView assessment={assessment} />
                )
              ) : (
                <div className="rs-placeholder">
                  {busy ? t('results.state.computing') : t('results.notRun')}
                </div>
              )}
              {assessment && (
                <section className="panel">
                  <h2>{t('results.tabs.targets')}</h2>
                  <TargetsTable result={assessment.result} selected={selected} onSelect={selectFromTable} />
                </section>
              )}
            </div>
            <aside className="rs-side">
              {(engine.prepared ?? assessment?.prepared) && (
                <ClassificationPanel
                  classification={(engine.prepared ?? assessment!.prepared).classification}
                />
              )}
              {assessment && (
                <>
                  <section className="panel">
                    <h2>{t('results.tabs.verdicts')}</h2>
                    <VerdictPanel result={assessment.result} />
                  </section>
                  <PlanPanel assessment={assessment} />
                  <section className="panel">
                    <h2>{t('results.map.esdTitle')}</h2>
                    <EsdTable result={assessment.result} />
                  </section>
                  <section className="panel">
                    <FnChart result={assessment.result} rules={assessment.prepared.rules} />
                  </section>
                </>
              )}
            </aside>
          </div>
        )}
      </div>
    </div>
  );
}
