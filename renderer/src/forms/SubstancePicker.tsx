import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubstanceDetail, SubstanceSummary } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, type Path } from '../project-state/paths.ts';
import { FieldRow, usePathIssue } from './fields.tsx';

/** Most matches listed under the search box. */
const MATCHES = 12;

/**
 * The installation's substance, picked from the library (window.safedist.searchSubstances) by Chinese name,
 * English name or CAS number; the document keeps the library id.
 */
export function SubstancePicker({ path }: { path: Path }) {
  const { t } = useTranslation();
  const { doc, setField, commit } = useProjectState();
  const id = useId();
  const value = getIn(doc, path);
  const substanceId = typeof value === 'string' ? value : '';
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<SubstanceSummary[]>([]);
  const [chosen, setChosen] = useState<{ id: string; detail: SubstanceDetail | null } | null>(null);
  const issue = usePathIssue(path);

  useEffect(() => {
    if (substanceId === '') return;
    let live = true;
    api.getSubstance({ id: substanceId }).then(
      (detail) => live && setChosen({ id: substanceId, detail }),
      () => live && setChosen({ id: substanceId, detail: null }),
    );
    return () => {
      live = false;
    };
  }, [substanceId]);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.searchSubstances({ query: trimmed, limit: MATCHES }).then(
        (found) => live && setMatches(found),
        () => live && setMatches([]),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const current = chosen?.id === substanceId ? chosen : null;
  const unknown = substanceId !== '' && current !== null && current.detail === null;
  return (
    <FieldRow id={id} label={t('field.substance')} issue={issue}>
      <div className="se-substance" data-testid="substance-current">
        {substanceId === '' ? (
          <span className="muted">{t('field.substanceNone')}</span>
        ) : current?.detail ? (
          <>
            <strong>{current.detail.nameZh}</strong> {current.detail.nameEn}{' '}
            <span className="muted">CAS {current.detail.cas}</span>
          </>
        ) : unknown ? (
          <span className="error">{t('field.substanceUnknown', { id: substanceId })}</span>
        ) : (
          <span>{substanceId}</span>
        )}
      </div>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('field.substanceSearch')}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="substance-picker"
      />
      {query.trim() !== '' && matches.length > 0 && (
        <ul className="se-matches" role="listbox">
          {matches.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                className="link"
                role="option"
                aria-selected={match.id === substanceId}
                onClick={() => {
                  setField(path, match.id);
                  commit();
                  setQuery('');
                  setMatches([]);
                }}
              >
                <strong>{match.nameZh}</strong> {match.nameEn} <span className="muted">{match.cas}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </FieldRow>
  );
}
