import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENCES, type Confidence } from '../../../core/rules/types.ts';
import type { RuleSetDocument, RuleSetSummary } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';
import { filterRows, ruleRows, type RuleRow } from './rule-rows.ts';

/**
 * The rule-set viewer: every value of a built-in rule set as its file writes it (units as written), with its
 * source and confidence mark, grouped by the file's sections, searchable and filterable by confidence.
 */
export function RuleSetsScreen() {
  const { t, i18n } = useTranslation();
  const [ruleSets, setRuleSets] = useState<RuleSetSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ key: string; document: RuleSetDocument } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [confidence, setConfidence] = useState<Confidence | 'all'>('all');

  useEffect(() => {
    api.listRuleSets().then(
      (list) => {
        setRuleSets(list);
        const first = list[0];
        if (first) setChosen(`${first.id} v${first.version}`);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  useEffect(() => {
    const summary = ruleSets?.find((r) => `${r.id} v${r.version}` === chosen);
    if (!summary) return;
    const key = `${summary.id} v${summary.version}`;
    api.getRuleSet({ id: summary.id, version: summary.version }).then(
      (document) => setLoaded({ key, document }),
      (e: Error) => setError(e.message),
    );
  }, [ruleSets, chosen]);

  const document = loaded?.key === chosen ? loaded.document : null;
  const rows = useMemo(() => (document ? ruleRows(document.document) : []), [document]);
  const label = (row: RuleRow) =>
    [t(`ruleView.group.${row.group}`, row.group), ...row.path.map((p) => segment(p))].join(' ');
  const segment = (key: string) => (i18n.exists(`ruleView.key.${key}`) ? t(`ruleView.key.${key}`) : key);
  const shown = filterRows(rows, query, confidence, label);
  const groups = [...new Set(rows.map((r) => r.group))];
  const counts = Object.fromEntries(
    CONFIDENCES.map((c) => [c, rows.filter((r) => r.confidence === c).length]),
  );

  return (
    <section className="screen rules">
      <h1>{t('rules.title')}</h1>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!ruleSets && !error && <p className="muted">{t('common.loading')}</p>}
      {ruleSets && (
        <table className="rule-sets" data-testid="rule-sets">
          <thead>
            <tr>
              <th>{t('rules.id')}</th>
              <th>{t('rules.version')}</th>
              <th>{t('rules.name')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.map((ruleSet) => {
              const key = `${ruleSet.id} v${ruleSet.version}`;
              return (
                <tr
                  key={key}
                  className={key === chosen ? 'selected' : undefined}
                  onClick={() => setChosen(key)}
                >
                  <td>{ruleSet.id}</td>
                  <td>{ruleSet.version}</td>
                  <td>{ruleSet.title}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {chosen && !document && !error && <p className="muted">{t('common.loading')}</p>}
      {document && (
        <>
          <p className="rule-description">{document.description}</p>
          <div className="rule-tools">
            <input
              type="search"
              className="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={t('ruleView.searchPlaceholder')}
              aria-label={t('ruleView.search')}
              data-testid="rule-search"
            />
            <label className="inline">
              {t('ruleView.confidence')}
              <select
                value={confidence}
                onChange={(event) => setConfidence(event.target.value as Confidence | 'all')}
                data-testid="rule-confidence"
              >
                <option value="all">{t('ruleView.all', { count: rows.length })}</option>
                {CONFIDENCES.map((c) => (
                  <option key={c} value={c}>
                    {t(`ruleView.mark.${c}`)} ({counts[c]})
                  </option>
                ))}
              </select>
            </label>
            <span className="muted" data-testid="rule-count">
              {t('ruleView.count', { shown: shown.length, total: rows.length })}
            </span>
          </div>
          <p className="muted legend">
            {CONFIDENCES.map((c) => (
              <span key={c}>
                <span className={`mark ${c}`}>{t(`ruleView.mark.${c}`)}</span> {t(`ruleView.markHint.${c}`)}
              </span>
            ))}
          </p>
          <nav className="rule-toc" aria-label={t('ruleView.sections')}>
            {groups.map((group) => {
              const n = shown.filter((r) => r.group === group).length;
              return (
                <a key={group} href={`#rules-${group}`} className={n === 0 ? 'empty' : undefined}>
                  {t(`ruleView.group.${group}`, group)} <span className="muted">({n})</span>
                </a>
              );
            })}
          </nav>
          {shown.length === 0 && <p className="muted">{t('ruleView.noMatch')}</p>}
          {groups.map((group) => {
            const inGroup = shown.filter((r) => r.group === group);
            if (inGroup.length === 0) return null;
            return (
              <section
                key={group}
                id={`rules-${group}`}
                className="rule-group"
                data-testid={`rule-group-${group}`}
              >
                <h2>
                  {t(`ruleView.group.${group}`, group)} <code>{group}</code>
                </h2>
                <table className="rule-table">
                  <thead>
                    <tr>
                      <th>{t('ruleView.item')}</th>
                      <th>{t('ruleView.value')}</th>
                      <th>{t('ruleView.confidence')}</th>
                      <th>{t('ruleView.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inGroup.map((row) => (
                      <tr key={row.jsonPath}>
                        <td>
                          {row.path.map(segment).join(' › ')}
                          {row.context && <div className="context">{row.context}</div>}
                          <div className="json-path">{row.jsonPath}</div>
                        </td>
                        <td className="value">{row.value}</td>
                        <td>
                          <span className={`mark ${row.confidence}`}>
                            {t(`ruleView.mark.${row.confidence}`)}
                          </span>
                        </td>
                        <td>
                          {row.source}
                          {row.note && <div className="note">{t('ruleView.note', { note: row.note })}</div>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
