import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../../../core/classification/index.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import { reasonText } from '../../../core/report/index.ts';
import { formatRisk } from './risk-field.ts';

type Lang = 'zh-CN' | 'en';
const langOf = (language: string | undefined): Lang => (language === 'en' ? 'en' : 'zh-CN');

/** Step 1 of a run: GB 18218 units with Σq/Q, R and grade, the GB/T 37243 method, and every reason. */
export function ClassificationPanel({ classification }: { classification: Classification }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  return (
    <section className="panel rs-classification" data-testid="classification">
      <h2>{t('results.classification.title')}</h2>
      <table className="rs-table compact">
        <thead>
          <tr>
            <th>{t('results.classification.unit')}</th>
            <th>{t('results.classification.installations')}</th>
            <th className="number">{t('results.classification.sumQ')}</th>
            <th>{t('results.classification.majorHazard')}</th>
            <th className="number">{t('results.classification.R')}</th>
            <th>{t('results.classification.grade')}</th>
            <th>{t('results.classification.method')}</th>
          </tr>
        </thead>
        <tbody>
          {classification.units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.id}</td>
              <td>{unit.installations.join(', ')}</td>
              <td className="number" data-testid={`sumq-${unit.id}`}>
                {unit.sumQOverQ.toPrecision(3)}
              </td>
              <td>{unit.majorHazard ? t('results.classification.yes') : t('results.classification.no')}</td>
              <td className="number">{unit.majorHazard ? unit.R.toPrecision(3) : '—'}</td>
              <td>{unit.grade ?? '—'}</td>
              <td>{t(`results.classification.methods.${unit.method}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rs-method" data-testid="method">
        {t('results.classification.enterprise', {
          method: t(`results.classification.methods.${classification.method}`),
        })}
      </p>
      <details>
        <summary>{t('results.classification.reasons')}</summary>
        <ul className="rs-reasons">
          {[...classification.reasons, ...classification.units.flatMap((u) => u.reasons)].map((reason, i) => (
            <li key={i}>{reasonText(lang, reason)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

type SortKey = 'id' | 'category' | 'individualRisk' | 'threshold' | 'ratio' | 'complies';

/** Each protection target's maximum individual risk against its GB 36894 criterion; sortable, linked to the map. */
export function TargetsTable(props: {
  result: AssessmentResult;
  selected: string | null;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'ratio', descending: true });
  const selectedRow = useRef<HTMLTableRowElement>(null);
  // A target chosen on the map: its row comes into view. Braces: Chromium's scrollIntoView now returns a
  // promise, which React would take for a clean-up function.
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [props.selected]);
  const rows = useMemo(() => {
    const value = (row: AssessmentResult['targets'][number]) =>
      sort.key === 'complies' ? Number(row.complies) : row[sort.key];
    return [...props.result.targets].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }, [props.result, sort]);
  if (rows.length === 0) return <p className="muted">{t('results.targets.none')}</p>;
  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      className={numeric ? 'number' : undefined}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="link rs-sort"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : numeric }))}
        data-testid={`sort-${key}`}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <table className="rs-table" data-testid="targets-table">
      <thead>
        <tr>
          {header('id', t('results.targets.name'))}
          {header('category', t('results.targets.category'))}
          {header('individualRisk', t('results.targets.risk'), true)}
          {header('threshold', t('results.targets.threshold'), true)}
          {header('ratio', t('results.targets.ratio'), true)}
          {header('complies', t('results.targets.verdict'))}
          <th>{t('results.targets.contributors')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className={props.selected === row.id ? 'selected' : undefined}
            ref={props.selected === row.id ? selectedRow : undefined}
            aria-selected={props.selected === row.id}
            onClick={() => props.onSelect(row.id)}
            data-testid={`target-row-${row.id}`}
          >
            <td>
              <strong>{row.name}</strong> <span className="muted">{row.id}</span>
            </td>
            <td>{t(`results.categories.${row.category}`)}</td>
            <td className="number" data-testid={`target-risk-${row.id}`}>
              {formatRisk(row.individualRisk)}
            </td>
            <td className="number">{formatRisk(row.threshold, 1)}</td>
            <td className="number">{row.ratio.toPrecision(3)}</td>
            <td>
              <span
                className={`rs-badge ${row.complies ? 'pass' : 'fail'}`}
                data-testid={`target-verdict-${row.id}`}
              >
                {row.complies ? t('results.verdict.pass') : t('results.verdict.fail')}
              </span>
            </td>
            <td className="rs-contributors">
              {row.contributors
                .slice(0, 3)
                .map(
                  (c) =>
                    `${c.installation}/${c.scenario} · ${t(`results.outcome.${c.outcome}`, { defaultValue: c.outcome })} ${(100 * c.share).toFixed(0)}%`,
                )
                .join('；') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The external safety distance per target class and installation status: the reach of each criterion's contour. */
export function EsdTable({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  const statuses = new Set(result.installations.map((i) => i.status));
  const rows = result.externalSafetyDistance.filter((row) => statuses.has(row.installationStatus));
  return (
    <table className="rs-table compact" data-testid="esd-table">
      <thead>
        <tr>
          <th>{t('results.esd.class')}</th>
          <th>{t('results.esd.status')}</th>
          <th className="number">{t('results.esd.threshold')}</th>
          <th className="number">{t('results.esd.distance')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.installationStatus}-${row.targetClass}`}>
            <td>{t(`results.categories.${row.targetClass}`)}</td>
            <td>{t(`results.status.${row.installationStatus}`)}</td>
            <td className="number">{formatRisk(row.threshold, 1)}</td>
            <td className="number" data-testid={`esd-${row.installationStatus}-${row.targetClass}`}>
              {row.distance.toFixed(0)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The enterprise verdict and each installation's, with why it fails and the factor by which its individual
 * risk must fall for every target to meet its criterion (GB 36894 per installation; core/risk/judge.ts). That
 * factor covers the targets only: for an unacceptable F-N curve the enterprise line gives how far the curve
 * lies above the unacceptable line.
 */
export function VerdictPanel({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  const reductionText = (inst: AssessmentResult['installations'][number]) => {
    if (inst.verdict === 'compliant') return t('results.verdicts.none');
    if (inst.violations.some((v) => v.kind === 'target'))
      return inst.requiredRiskReduction === null
        ? t('results.verdicts.reductionImpossible')
        : `× ${inst.requiredRiskReduction.toPrecision(3)}`;
    return t('results.verdicts.reductionNotTargets');
  };
  const ok = result.verdict === 'compliant';
  return (
    <section data-testid="verdicts">
      <div className={`rs-enterprise ${ok ? 'pass' : 'fail'}`} data-testid="enterprise-verdict">
        {t('results.verdicts.enterprise')}：<strong>{t(`results.verdict.${result.verdict}`)}</strong>
      </div>
      {result.societalRisk.verdict === 'unacceptable' && (
        <p className="rs-societal-reduction" data-testid="societal-reduction">
          {t('results.verdicts.societalReduction', {
            ratio: result.societalRisk.worstRatioToUnacceptable.toPrecision(3),
            n: result.societalRisk.worstN?.toPrecision(3) ?? '—',
          })}
        </p>
      )}
      <table className="rs-table compact">
        <thead>
          <tr>
            <th>{t('results.verdicts.installation')}</th>
            <th>{t('results.verdicts.status')}</th>
            <th>{t('results.verdicts.verdict')}</th>
            <th>{t('results.verdicts.violations')}</th>
            <th className="number">{t('results.verdicts.reduction')}</th>
          </tr>
        </thead>
        <tbody>
          {result.installations.map((inst) => (
            <tr key={inst.id} data-testid={`installation-verdict-${inst.id}`}>
              <td>{inst.id}</td>
              <td>{t(`results.status.${inst.status}`)}</td>
              <td>
                <span className={`rs-badge ${inst.verdict === 'compliant' ? 'pass' : 'fail'}`}>
                  {t(`results.verdict.${inst.verdict}`)}
                </span>
              </td>
              <td>
                {inst.violations
                  .map((v) =>
                    t(`results.verdicts.kinds.${v.kind}`, { target: v.target ?? '', code: v.code ?? '' }),
                  )
                  .join('；') || t('results.verdicts.none')}
              </td>
              <td className="number" data-testid={`reduction-${inst.id}`}>
                {reductionText(inst)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
