import { useContext, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Installation, LocCatalogueChoice } from '../../../core/project/types.ts';
import type { LocRules } from '../../../core/qra/loc/index.ts';
import { api } from '../api/index.ts';
import type { EquipmentDoc, InstallationDoc, ProjectDoc } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { getIn, setIn, type Path } from '../project-state/paths.ts';
import { IssuesContext, issueText, useDraft } from './fields.tsx';
import { locRows, OVERRIDE_FREQUENCY, staleOverrideKeys, type LocRow } from './loc-rows.ts';
import { formatSi, storedValue } from './quantity.ts';

/** What the LOC lists of one installation are computed from. */
export type PreparedInstallation =
  | { state: 'incomplete' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; installation: Installation; rules: LocRules; choice: LocCatalogueChoice };

/** Fields whose entries do not change which LOC cases an item draws (or are the overrides themselves). */
const IGNORED = /\.(scenarios|outline|frequencies|disable|reason)(\.|$)/;

/**
 * The installation in SI and the rule set, read by data/ through api.prepareAssessment from a project holding
 * only this installation with its overrides taken off (so an override being typed cannot stop the list).
 * Asked only once the installation's own fields are complete, and 400 ms after the last edit.
 */
export function usePreparedInstallation(index: number): PreparedInstallation {
  const { doc } = useProjectState();
  const issues = useContext(IssuesContext);
  const prefix = `installations.${index}.`;
  let complete = true;
  for (const key of issues.keys()) if (key.startsWith(prefix) && !IGNORED.test(key)) complete = false;
  const inst = getIn(doc, ['installations', index]) as InstallationDoc | undefined;
  const choice: LocCatalogueChoice =
    doc?.settings?.locCatalogue === 'hole-size' ? 'hole-size' : 'purple-book';
  const text = useMemo(
    () => (complete && inst && (inst.equipment?.length ?? 0) > 0 && doc ? miniProject(doc, inst) : null),
    [complete, inst, doc],
  );
  const [result, setResult] = useState<{ text: string; value: PreparedInstallation } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.prepareAssessment({ fileName: inst?.id || 'installation', text }).then(
        (ready) => {
          const installation = ready.project.installations[0];
          if (!live) return;
          setResult({
            text,
            value: installation
              ? { state: 'ready', installation, rules: ready.rules, choice }
              : { state: 'error', message: 'no installation' },
          });
        },
        (error: Error) => live && setResult({ text, value: { state: 'error', message: error.message } }),
      );
    }, 400);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, inst?.id, choice]);
  if (text === null) return { state: 'incomplete' };
  // A list computed for an earlier entry stays on show while the new one is asked for: no flicker per key.
  if (result === null) return { state: 'loading' };
  return result.value;
}

/** The project data/ reads for the LOC list: this installation alone, catalogue as the project chooses. */
function miniProject(doc: ProjectDoc, inst: InstallationDoc): string {
  const equipment = (inst.equipment ?? []).map((item) => {
    const { frequencies: _f, disable: _d, reason: _r, ...rest } = item;
    return rest;
  });
  const { scenarios: _s, outline: _o, ...rest } = inst;
  return JSON.stringify({
    format: doc.format,
    version: doc.version,
    name: doc.name,
    installations: [{ ...rest, equipment }],
    // The Purple Book choice lets data/ read items that give no hole-size frequencies yet; the list applies
    // the project's own choice (locRows).
    settings: { ...(doc.settings ?? {}), locCatalogue: 'purple-book' },
  });
}

/**
 * The LOC cases of one equipment item: catalogue frequency with its basis, source and confidence; a field to
 * override it (in the same basis) and a switch to leave the case out; the frequency per year the engine will
 * use, and where it comes from. Overrides and their reason are written to the item's `frequencies`,
 * `disable` and `reason` (spec/project-format.md "Equipment").
 */
export function LocCases(props: { itemPath: Path; equipmentIndex: number; prepared: PreparedInstallation }) {
  const { t } = useTranslation();
  const { doc } = useProjectState();
  const item = getIn(doc, props.itemPath) as EquipmentDoc | undefined;
  const { prepared } = props;
  let body;
  if (prepared.state === 'incomplete') body = <p className="muted small">{t('loc.incomplete')}</p>;
  else if (prepared.state === 'loading') body = <p className="muted small">{t('loc.loading')}</p>;
  else if (prepared.state === 'error')
    body = <p className="error small">{t('loc.error', { message: prepared.message })}</p>;
  else if (!item || props.equipmentIndex >= prepared.installation.equipment.length)
    body = <p className="muted small">{t('loc.loading')}</p>;
  else {
    let rows: LocRow[];
    try {
      rows = locRows(prepared.installation, props.equipmentIndex, prepared.rules, prepared.choice, item);
    } catch (error) {
      return <p className="error small">{t('loc.error', { message: (error as Error).message })}</p>;
    }
    body = <LocTable itemPath={props.itemPath} rows={rows} choice={prepared.choice} item={item} />;
  }
  return (
    <div className="se-loc" data-testid={`loc-cases-${props.equipmentIndex}`}>
      <h4>{t('loc.title')}</h4>
      {body}
    </div>
  );
}

function LocTable(props: { itemPath: Path; rows: LocRow[]; choice: LocCatalogueChoice; item: EquipmentDoc }) {
  const { t } = useTranslation();
  const { setField, commit, edit } = useProjectState();
  const reasonId = useId();
  const { itemPath, rows, item } = props;
  const anyOverride = rows.some((r) => r.override !== null || r.disabled);
  // Keys naming no case of this item (left from another equipment type, or a typo in the file): data/
  // refuses them when computing, so they are shown with a way to drop them.
  const known = new Set(rows.map((r) => r.locId));
  const stale = staleOverrideKeys(item, known);
  const dropStale = () =>
    edit((d) => {
      const overrides = (getIn(d, [...itemPath, 'frequencies']) as Record<string, unknown> | undefined) ?? {};
      const kept = Object.fromEntries(Object.entries(overrides).filter(([key]) => known.has(key)));
      const disabled = ((getIn(d, [...itemPath, 'disable']) as unknown[] | undefined) ?? []).filter((key) =>
        known.has(String(key)),
      );
      const next = setIn(d, [...itemPath, 'frequencies'], Object.keys(kept).length > 0 ? kept : undefined);
      return setIn(next, [...itemPath, 'disable'], disabled.length > 0 ? disabled : undefined);
    });
  const toggle = (locId: string, on: boolean) =>
    edit((d) => {
      const current = ((getIn(d, [...itemPath, 'disable']) as unknown[] | undefined) ?? []).filter(
        (id) => id !== locId,
      );
      const next = on ? current : [...current, locId];
      return setIn(d, [...itemPath, 'disable'], next.length > 0 ? next : undefined);
    });
  const setOverride = (locId: string, text: string): unknown => {
    const stored = storedValue(text, OVERRIDE_FREQUENCY);
    edit(
      (d) => {
        const current = { ...((getIn(d, [...itemPath, 'frequencies']) as Record<string, unknown>) ?? {}) };
        if (stored === undefined) delete current[locId];
        else current[locId] = stored;
        return setIn(d, [...itemPath, 'frequencies'], Object.keys(current).length > 0 ? current : undefined);
      },
      `override:${itemPath.join('.')}:${locId}`,
    );
    return stored;
  };
  return (
    <>
      <table className="se-loc-table">
        <thead>
          <tr>
            <th>{t('loc.case')}</th>
            <th>{t('loc.catalogue')}</th>
            <th>{t('loc.override')}</th>
            <th>{t('loc.used')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.locId}
              className={row.disabled ? 'disabled' : row.override ? 'overridden' : undefined}
              data-testid={`loc-${row.locId}`}
            >
              <td>
                <label className="se-loc-case" title={t('loc.use')}>
                  <input
                    type="checkbox"
                    checked={!row.disabled}
                    onChange={(event) => toggle(row.locId, event.target.checked)}
                    aria-label={t('loc.useCase', { id: row.locId })}
                  />
                  <code>{row.locId}</code>
                </label>
                {row.catalogueCase && <div className="muted small">{row.catalogueCase.description}</div>}
              </td>
              <td>
                {row.catalogue ? (
                  <>
                    {formatSi(row.catalogue.frequency)} {t(`locBasis.${row.catalogue.basis}`)}
                    <div className="muted small" title={row.catalogue.note}>
                      {row.catalogue.source} · {t(`locConfidence.${row.catalogue.confidence}`)}
                    </div>
                  </>
                ) : (
                  <span className="muted small">{t('loc.projectGives')}</span>
                )}
              </td>
              <td>
                <OverrideInput
                  row={row}
                  onText={(text) => setOverride(row.locId, text)}
                  label={t('loc.overrideOf', { id: row.locId })}
                />
                {row.override?.issue && (
                  <div className="se-message" role="alert">
                    {issueText(t, row.override.issue)}
                  </div>
                )}
              </td>
              <td data-testid={`loc-used-${row.locId}`}>
                {row.disabled ? (
                  <span className="muted">{t('loc.disabled')}</span>
                ) : row.used ? (
                  <>
                    <strong className="nowrap">
                      {formatSi(row.used.frequency)} {t('locBasis.per-year')}
                    </strong>
                    <div className="muted small">
                      {row.used.frequencyOrigin.kind === 'override'
                        ? t('loc.fromOverride', {
                            replaced: formatSi(row.used.frequencyOrigin.replaced?.frequency ?? Number.NaN),
                          })
                        : row.used.frequencyOrigin.kind === 'user'
                          ? t('loc.fromProject')
                          : t('loc.fromCatalogue')}
                      {row.used.frequencyOrigin.scale !== 1 &&
                        ` ${row.used.frequencyOrigin.scaleDescription}`}
                    </div>
                  </>
                ) : (
                  <span className="muted">{t('loc.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('loc.note')}</p>
      {stale.length > 0 && (
        <p className="se-message" role="alert" data-testid="loc-stale">
          {t('loc.stale', { keys: stale.join(', '), known: [...known].join(', ') })}{' '}
          <button type="button" className="link" onClick={dropStale}>
            {t('loc.dropStale')}
          </button>
        </p>
      )}
      {(anyOverride || item.reason !== undefined) && (
        <div className="se-field">
          <label htmlFor={reasonId}>{t('loc.reason')}</label>
          <input
            id={reasonId}
            value={typeof item.reason === 'string' ? item.reason : ''}
            onChange={(event) =>
              setField([...itemPath, 'reason'], event.target.value === '' ? undefined : event.target.value)
            }
            onBlur={commit}
            placeholder={t('loc.reasonHint')}
            data-testid="loc-reason"
          />
        </div>
      )}
    </>
  );
}

/** An override as typed: the text stays as the user types it ("1.", "3e-") while the document holds its value. */
function OverrideInput(props: { row: LocRow; onText(text: string): unknown; label: string }) {
  const { commit } = useProjectState();
  const { row } = props;
  const [shown, setDraftText, endDraft] = useDraft(row.override?.text);
  return (
    <input
      className="se-loc-input"
      value={shown}
      placeholder={row.catalogue ? formatSi(row.catalogue.frequency) : ''}
      onChange={(event) => setDraftText(event.target.value, props.onText(event.target.value))}
      onBlur={() => {
        endDraft();
        commit();
      }}
      aria-label={props.label}
      aria-invalid={Boolean(row.override?.issue)}
      spellCheck={false}
    />
  );
}
