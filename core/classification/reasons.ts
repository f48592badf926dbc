/**
 * Why classification decided what it did: a stable key and its parameters, so that the UI can word it in
 * zh-CN or en and a report can quote it. `describeReason` gives the English wording for the CLI.
 */
export interface Reason {
  key: ReasonKey;
  params: Readonly<Record<string, string | number>>;
}

export type ReasonKey =
  | 'q.table-1'
  | 'q.table-2'
  | 'q.library'
  | 'q.library-differs'
  | 'q.outside'
  | 'beta.table-3'
  | 'beta.table-4'
  | 'beta.from-hazard'
  | 'beta.default'
  | 'alpha.entered'
  | 'alpha.estimated'
  | 'unit.major-hazard'
  | 'unit.not-major-hazard'
  | 'method.consequence'
  | 'method.qra'
  | 'method.code-distance'
  | 'enterprise.whole-qra';

/** English wording of each reason, with `{param}` placeholders (the report reuses it for its English text). */
export const REASON_TEMPLATES: Readonly<Record<ReasonKey, string>> = {
  'q.table-1': '{substance}: Q = {tonnes} t, GB 18218 Table 1 row {row} ({name})',
  'q.table-2': '{substance}: Q = {tonnes} t, GB 18218 Table 2 category {category}',
  'q.library':
    '{substance}: Q = {tonnes} t from the substance library (no Table 1 row or Table 2 category matched)',
  'q.library-differs':
    '{substance}: the substance library gives Q = {libraryTonnes} t, the rule set {ruleSetTonnes} t; the rule set is used',
  'q.outside': '{substance}: not a GB 18218 substance; adds nothing to Σq/Q',
  'beta.table-3': '{substance}: β = {beta}, GB 18218 Table 3 ({name})',
  'beta.table-4': '{substance}: β = {beta}, GB 18218 Table 4 category {category}',
  'beta.from-hazard':
    '{substance}: β = {beta} of category {category}, implied by its hazard {hazard} (no category given; check)',
  'beta.default': '{substance}: β = {beta}, the rule set default (no Table 3 entry or category; check)',
  'alpha.entered': 'α = {alpha}: {people} people within 500 m of the plant boundary, as entered',
  'alpha.estimated':
    'α = {alpha}: {people} people within 500 m of the {reference}, estimated from the population areas (enter site.residentsWithin500m to fix it)',
  'unit.major-hazard': 'Σq/Q = {sum} ≥ {threshold}: a major hazard (GB 18218 §4.2)',
  'unit.not-major-hazard': 'Σq/Q = {sum} < {threshold}: not a major hazard (GB 18218 §4.2)',
  'method.consequence': 'explosives present ({substances}): consequence method (GB/T 37243 §4, §5)',
  'method.qra':
    'toxic or flammable gas with Σq/Q = {sum} ≥ {threshold} ({substances}): quantitative risk assessment (GB/T 37243 §4, §6)',
  'method.code-distance':
    'no explosives; toxic or flammable gas Σq/Q = {sum} < {threshold}: distances of the design codes (GB/T 37243 §4)',
  'enterprise.whole-qra':
    'units {units} need a QRA: the whole enterprise is assessed together (GB/T 37243 §4)',
};

/** English wording of a reason, e.g. "chlorine: Q = 5 t, GB 18218 Table 1 row 12 (氯)". */
export function describeReason(reason: Reason): string {
  return REASON_TEMPLATES[reason.key].replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = reason.params[name];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** Up to 4 significant digits, no trailing zeros. */
function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
