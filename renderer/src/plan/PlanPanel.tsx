import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallationPlan, Measure, PlanLang, ProjectPlan } from '../../../core/plan/index.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { ProjectDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { useAssessment, type Assessment } from '../results/AssessmentContext.tsx';
import { downloadBlob, fileStem } from '../results/export.ts';
import { formatRisk } from '../results/risk-field.ts';
import { BeforeAfterMap } from './BeforeAfterMap.tsx';
import { sessionOf, type PlanSession, type VariantJob } from './session.ts';
import { variantDoc } from './variant-doc.ts';
import './plan.css';

const langOf = (language: string | undefined): PlanLang => (language === 'en' ? 'en' : 'zh-CN');
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
/** A share in whole per cent; a share that rounds to 0 but is not 0 reads "<1". */
const percent = (share: number) => (share > 0 && share < 0.005 ? '<1' : (100 * share).toFixed(0));

/**
 * "What makes it comply" (如何达标): the rectification-or-relocation plan of the assessed project (core/plan,
 * docs/plan.md) computed on request in a Web Worker; per non-compliant installation the recommendation with
 * its reason, the ranked measures in the user's terms and the relocation distances; for the measure selected,
 * the variant assessed by the engine and shown BEFORE/AFTER (contours, targets, verdicts), to open as the
 * current project or download.
 */
export function PlanPanel({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const { stale } = useAssessment();
  const session = sessionOf(assessment);
  useSyncExternalStore(session.subscribe, session.snapshot);
  const job = session.plan;
  const running = job?.status === 'running';
  const [now, setNow] = useState(() => performance.now());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(performance.now()), 500);
    return () => window.clearInterval(timer);
  }, [running]);

  const failing = assessment.result.installations.filter((i) => i.verdict === 'non-compliant');

  return (
    <section className="panel pl-panel" data-testid="plan-panel">
      <h2>{t('plan.title')}</h2>
      {failing.length === 0 ? (
        <p className="muted" data-testid="plan-all-comply">
          {t('plan.allComply')}
        </p>
      ) : (
        <>
          <p className="pl-intro">{t('plan.intro')}</p>
          <div className="pl-actions">
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                session.startPlan();
              }}
              disabled={running}
              data-testid="plan-compute"
            >
              {job?.status === 'done' ? t('plan.recompute') : t('plan.compute')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => session.stopPlan()}
              disabled={!running}
              data-testid="plan-cancel"
            >
              {t('plan.cancel')}
            </button>
            <span className="pl-status" aria-live="polite" data-testid="plan-status">
              {running && (
                <>
                  <progress data-testid="plan-progress" />
                  {t('plan.running', { seconds: seconds(Math.max(0, now - job.started)) })}
                </>
              )}
              {job?.status === 'done' && t('plan.took', { seconds: seconds(job.elapsedMs ?? 0) })}
              {job?.status === 'cancelled' && t('plan.cancelled')}
              {job?.status === 'error' && (
                <span className="error" data-testid="plan-error">
                  {t('plan.failed', { message: job.error })}
                </span>
              )}
            </span>
          </div>
          {stale && job?.plan && <p className="pl-stale">{t('plan.stale')}</p>}
          {notice && (
            <p className="pl-notice" role="status" data-testid="plan-notice">
              {notice}
            </p>
          )}
          {job?.plan && (
            <PlanBody assessment={assessment} plan={job.plan} session={session} onNotice={setNotice} />
          )}
        </>
      )}
    </section>
  );
}

function PlanBody(props: {
  assessment: Assessment;
  plan: ProjectPlan;
  session: PlanSession;
  onNotice(text: string): void;
}) {
  const { t } = useTranslation();
  const { plan, session } = props;
  const variant = session.variant;
  return (
    <div className="pl-body" data-testid="plan-body">
      <p className="pl-overall">
        {t('plan.verdictNow')}
        <VerdictBadge verdict={plan.verdict} />
        <span className="pl-arrow">→</span>
        {t('plan.combined')}
        <VerdictBadge verdict={plan.combined.verdict} testId="plan-combined-verdict" />
      </p>
      {plan.installations.map((p) => (
        <InstallationCard
          key={p.id}
          plan={p}
          result={props.assessment.result}
          selected={variant?.installationId === p.id ? variant.measure : null}
          onSelect={(m) => session.showVariant(p.id, m)}
        />
      ))}
      {variant ? (
        <VariantView
          assessment={props.assessment}
          plan={plan}
          variant={variant}
          session={session}
          onNotice={props.onNotice}
        />
      ) : (
        <p className="muted pl-hint">{t('plan.select')}</p>
      )}
    </div>
  );
}

function VerdictBadge({ verdict, testId }: { verdict: 'compliant' | 'non-compliant'; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`rs-badge ${verdict === 'compliant' ? 'pass' : 'fail'}`} data-testid={testId}>
      {t(`plan.verdict.${verdict}`)}
    </span>
  );
}

function InstallationCard(props: {
  plan: InstallationPlan;
  result: AssessmentResult;
  selected: Measure | null;
  onSelect(measure: Measure): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const p = props.plan;
  const targetName = (id: string | undefined) => {
    const target = props.result.targets.find((x) => x.id === id);
    return target ? `${target.name} (${target.id})` : (id ?? '');
  };
  const violations = p.violations.map((v) =>
    v.kind === 'target'
      ? v.share === undefined
        ? t('plan.violation.targetNoShare', { target: targetName(v.target) })
        : t('plan.violation.target', { target: targetName(v.target), share: percent(v.share) })
      : t(`plan.violation.${v.kind}`, { target: targetName(v.target), code: v.code ?? '' }),
  );
  const first = p.measures.find((m) => !m.changes.some((c) => c.kind === 'remove'));
  // Complies once the others' first measures are taken: no search of its own (core/plan ownMeasureNeeded).
  const needsNothing = !p.ownMeasureNeeded;
  const recommendation = needsNothing ? 'none' : p.recommendation;
  return (
    <article className="pl-installation" data-testid={`plan-installation-${p.id}`}>
      <header>
        <strong>
          {p.id} {p.name}
        </strong>
        <span className={`pl-recommendation ${recommendation}`} data-testid={`plan-recommendation-${p.id}`}>
          {t(`plan.recommendation.${recommendation}`)}
        </span>
        <span className="pl-judged">{t(`plan.judged.${p.judgedWith}`)}</span>
      </header>
      <p className="pl-violations">
        {t('plan.violations')}
        {violations.join(lang === 'en' ? '; ' : '；')}
      </p>
      <p className="pl-why" data-testid={`plan-why-${p.id}`}>
        {needsNothing
          ? t('plan.why.none')
          : p.recommendation === 'rectify' && first
            ? t('plan.why.rectify', { measure: first.text[lang] })
            : t('plan.why.relocate')}
      </p>
      {!needsNothing && <h3>{t('plan.measures')}</h3>}
      {needsNothing ? null : p.measures.length === 0 ? (
        <p className="muted">{t('plan.noMeasure')}</p>
      ) : (
        <ol className="pl-measures">
          {p.measures.map((m, k) => {
            const active = props.selected === m;
            return (
              <li key={m.id}>
                <button
                  type="button"
                  className={`pl-measure${active ? ' active' : ''}`}
                  aria-pressed={active}
                  onClick={() => props.onSelect(m)}
                  data-testid={`plan-measure-${p.id}-${k + 1}`}
                >
                  <span className="pl-rank">{k + 1}</span>
                  <span className="pl-measure-text">{m.text[lang]}</span>
                  <span className="pl-margin" title={t('plan.marginHint')}>
                    {t('plan.margin', {
                      margin: Number.isFinite(m.check.margin) ? m.check.margin.toPrecision(3) : '∞',
                    })}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {p.relocation.length > 0 && (
        <>
          <h3>{t('plan.relocation')}</h3>
          <table className="rs-table compact" data-testid={`plan-relocation-${p.id}`}>
            <thead>
              <tr>
                <th>{t('plan.target')}</th>
                <th className="number">{t('plan.now')}</th>
                <th className="number">{t('plan.need')}</th>
              </tr>
            </thead>
            <tbody>
              {p.relocation.map((r) => (
                <tr key={r.target}>
                  <td>{targetName(r.target)}</td>
                  <td className="number">{r.currentDistance.toFixed(0)}</td>
                  <td className="number">
                    {r.compliesAlone
                      ? t('plan.compliesAlone')
                      : r.requiredDistance === null
                        ? t('plan.beyond')
                        : r.requiredDistance.toFixed(0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {p.notApplicable.length > 0 && (
        <details className="pl-skipped">
          <summary>{t('plan.notApplicable', { count: p.notApplicable.length })}</summary>
          <ul>
            {p.notApplicable.map((n) => (
              <li key={n.measure}>
                <code>{n.measure}</code>: {n.reason[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

function VariantView(props: {
  assessment: Assessment;
  plan: ProjectPlan;
  variant: VariantJob;
  session: PlanSession;
  onNotice(text: string): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const { doc, dirty, load } = useProjectState();
  const { assessment, variant } = props;
  const before = assessment.result;
  const after = variant.result ?? null;
  const percent = variant.progress
    ? Math.floor((100 * variant.progress.done) / Math.max(1, variant.progress.total))
    : 0;
  const source = useMemo(() => JSON.parse(assessment.text) as ProjectDoc, [assessment.text]);
  const name = t('plan.variantName', {
    name: source.name,
    id: variant.installationId,
    measure: variant.measure.text[lang],
  });
  const rank = props.plan.installations
    .find((p) => p.id === variant.installationId)!
    .measures.indexOf(variant.measure);
  const buildDoc = () => variantDoc(source, props.plan, variant.installationId, variant.measure, name);
  const canWrite = variant.project.installations.length > 0;

  function open() {
    if (doc && dirty && !window.confirm(t('plan.confirmReplace'))) return;
    load(buildDoc(), null);
    props.onNotice(t('plan.opened', { name }));
  }

  function download() {
    const fileName = `${fileStem(source.name)}-${safeName(variant.installationId)}-${rank + 1}-${safeName(variant.measure.id)}.json`;
    downloadBlob(
      fileName,
      new Blob([`${JSON.stringify(buildDoc(), null, 2)}\n`], { type: 'application/json' }),
    );
  }

  const afterTarget = new Map(after?.targets.map((x) => [x.id, x]) ?? []);
  const done = variant.status === 'done';
  return (
    <section className="pl-variant" data-testid="plan-variant">
      <h3>{t('plan.beforeAfter', { measure: variant.measure.text[lang] })}</h3>
      {variant.status === 'running' && (
        <p className="pl-status">
          <progress max={100} value={percent} />
          {variant.progress ? t('plan.variantProgress', { percent }) : t('plan.computingVariant')}
          <button type="button" className="secondary" onClick={() => props.session.stopVariant()}>
            {t('plan.cancel')}
          </button>
        </p>
      )}
      {variant.status === 'cancelled' && <p className="muted">{t('plan.variantCancelled')}</p>}
      {variant.status === 'error' && (
        <p className="error">{t('plan.variantFailed', { message: variant.error })}</p>
      )}
      {done && !after && <p className="muted">{t('plan.nothingLeft')}</p>}
      {done && (
        <>
          <BeforeAfterMap
            before={{ project: assessment.prepared.project, result: before }}
            after={{ project: variant.project, result: after }}
          />
          <table className="rs-table compact pl-compare" data-testid="plan-compare">
            <thead>
              <tr>
                <th>{t('plan.table.target')}</th>
                <th className="number">{t('plan.table.threshold')}</th>
                <th className="number">{t('plan.table.before')}</th>
                <th className="number">{t('plan.table.after')}</th>
                <th>{t('plan.table.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {before.targets.map((b) => {
                const a = afterTarget.get(b.id);
                const afterComplies = a ? a.complies : true;
                return (
                  <tr key={b.id} data-testid={`plan-compare-${b.id}`}>
                    <td>
                      {b.name} ({b.id})
                    </td>
                    <td className="number">{formatRisk(a?.threshold ?? b.threshold, 1)}</td>
                    <td className="number">{formatRisk(b.individualRisk)}</td>
                    <td className="number" data-testid={`plan-after-risk-${b.id}`}>
                      {formatRisk(a?.individualRisk ?? 0)}
                    </td>
                    <td className="pl-verdicts">
                      <VerdictBadge verdict={b.complies ? 'compliant' : 'non-compliant'} />
                      <span className="pl-arrow">→</span>
                      <VerdictBadge
                        verdict={afterComplies ? 'compliant' : 'non-compliant'}
                        testId={`plan-after-verdict-${b.id}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="pl-overall">
            {t('plan.enterprise')}
            <VerdictBadge verdict={before.verdict} />
            <span className="pl-arrow">→</span>
            <VerdictBadge verdict={after?.verdict ?? 'compliant'} testId="plan-after-enterprise" />
            <span className="pl-sep" />
            {t('plan.societal')}
            <span data-testid="plan-before-societal">{t(`plan.regions.${before.societalRisk.verdict}`)}</span>
            <span className="pl-arrow">→</span>
            <span data-testid="plan-after-societal">
              {t(`plan.regions.${after?.societalRisk.verdict ?? 'acceptable'}`)}
            </span>
          </p>
          {canWrite && (
            <div className="pl-actions">
              <button type="button" onClick={open} title={t('plan.openHint')} data-testid="plan-open-variant">
                {t('plan.open')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={download}
                data-testid="plan-download-variant"
              >
                {t('plan.download')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
