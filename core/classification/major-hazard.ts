import type { MajorHazardGradeName, MajorHazardRules, Provenance } from '../rules/types.ts';
import type { Substance } from '../substance/index.ts';
import type { Kilograms } from '../units/index.ts';
import type { Reason } from './reasons.ts';

/** The substance facts classification reads (a core/substance `Substance` is one). */
export type SubstanceFacts = Pick<Substance, 'id' | 'nameZh' | 'nameEn' | 'cas' | 'hazards'> & {
  gb18218?: Pick<NonNullable<Substance['gb18218']>, 'criticalQuantity' | 'table1Row' | 'category'>;
};

/** The GB 18218 critical quantity Q of a substance and where it comes from. */
export interface CriticalQuantity {
  /** Q, kg; undefined when the substance is outside GB 18218 (it then adds nothing to Σq/Q). */
  value?: Kilograms;
  provenance?: Provenance;
  reasons: Reason[];
}

/**
 * GB 18218-2018 §4.2 / Tables 1–2: the critical quantity of a substance. A substance named in Table 1
 * (by row, else by a CAS number that only one row carries) takes that row's Q; otherwise its Table 2
 * category's Q; otherwise the library's own Q; otherwise it is outside the standard. The rule set is
 * authoritative: a library value that differs is reported, not used.
 */
export function criticalQuantity(rules: MajorHazardRules, s: SubstanceFacts): CriticalQuantity {
  const reasons: Reason[] = [];
  const libraryQ = s.gb18218?.criticalQuantity;
  const noteDifference = (q: number) => {
    if (libraryQ !== undefined && Math.abs(libraryQ - q) > 1e-9 * q)
      reasons.push({
        key: 'q.library-differs',
        params: { substance: s.id, libraryTonnes: libraryQ / 1000, ruleSetTonnes: q / 1000 },
      });
  };
  const byRow = s.gb18218?.table1Row;
  const byCas = rules.named.filter((n) => s.cas !== '' && n.cas.includes(s.cas));
  const named =
    byRow !== undefined
      ? rules.named.find((n) => n.row === byRow)
      : byCas.length === 1
        ? byCas[0]
        : undefined;
  if (named) {
    reasons.push({
      key: 'q.table-1',
      params: {
        substance: s.id,
        row: named.row,
        name: named.nameZh,
        tonnes: named.criticalQuantity.value / 1000,
      },
    });
    noteDifference(named.criticalQuantity.value);
    return { value: named.criticalQuantity.value, provenance: named.criticalQuantity, reasons };
  }
  const code = s.gb18218?.category;
  const category = code === undefined ? undefined : rules.categories.find((c) => c.code === code);
  if (category) {
    reasons.push({
      key: 'q.table-2',
      params: { substance: s.id, category: category.code, tonnes: category.criticalQuantity.value / 1000 },
    });
    noteDifference(category.criticalQuantity.value);
    return { value: category.criticalQuantity.value, provenance: category.criticalQuantity, reasons };
  }
  if (libraryQ !== undefined) {
    reasons.push({ key: 'q.library', params: { substance: s.id, tonnes: libraryQ / 1000 } });
    return {
      value: libraryQ,
      provenance: {
        source: 'substance library (no Table 1 row or Table 2 category matched)',
        confidence: 'unsure',
      },
      reasons,
    };
  }
  reasons.push({ key: 'q.outside', params: { substance: s.id } });
  return { reasons };
}

/** β of GB 18218 §4.3 and where it comes from. */
export interface BetaFactor {
  value: number;
  provenance: Provenance;
  reason: Reason;
}

/**
 * Table 2 category whose β stands for a hazard flag when a substance named in Table 1 carries no category:
 * all explosive divisions share β = 2, flammable gases are W2 (β = 1.5), pyrophorics W8 (β = 1).
 */
const CATEGORY_OF_HAZARD: readonly (readonly [Substance['hazards'][number], string])[] = [
  ['explosive', 'W1.1'],
  ['flammable_gas', 'W2'],
  ['pyrophoric', 'W8'],
];

/**
 * GB 18218-2018 §4.3 correction factor β: Table 3 for the named toxic gases (by CAS), else Table 4 by the
 * substance's category, else the category its hazard flags imply (largest β), else the rule set's default.
 */
export function betaFactor(rules: MajorHazardRules, s: SubstanceFacts): BetaFactor {
  const toxic = s.cas === '' ? undefined : rules.toxicGasBeta.find((t) => t.cas.includes(s.cas));
  if (toxic)
    return {
      value: toxic.beta.value,
      provenance: toxic.beta,
      reason: {
        key: 'beta.table-3',
        params: { substance: s.id, name: toxic.nameZh, beta: toxic.beta.value },
      },
    };
  const code = s.gb18218?.category;
  const category = code === undefined ? undefined : rules.categories.find((c) => c.code === code);
  if (category)
    return {
      value: category.beta.value,
      provenance: category.beta,
      reason: {
        key: 'beta.table-4',
        params: { substance: s.id, category: category.code, beta: category.beta.value },
      },
    };
  let implied: { value: number; provenance: Provenance; hazard: string; category: string } | undefined;
  for (const [hazard, categoryCode] of CATEGORY_OF_HAZARD) {
    const c = rules.categories.find((x) => x.code === categoryCode);
    if (c && s.hazards.includes(hazard) && (!implied || c.beta.value > implied.value))
      implied = { value: c.beta.value, provenance: c.beta, hazard, category: c.code };
  }
  if (implied)
    return {
      value: implied.value,
      provenance: { ...implied.provenance, confidence: 'unsure' },
      reason: {
        key: 'beta.from-hazard',
        params: { substance: s.id, hazard: implied.hazard, category: implied.category, beta: implied.value },
      },
    };
  return {
    value: rules.defaultBeta.value,
    provenance: rules.defaultBeta,
    reason: { key: 'beta.default', params: { substance: s.id, beta: rules.defaultBeta.value } },
  };
}

/**
 * GB 18218-2018 §4.3 Table 5: α from the number of people exposed within 500 m of the plant boundary.
 * @throws RangeError when no band covers the number (a rule set with a gap, or a negative count)
 */
export function alphaFactor(
  rules: MajorHazardRules,
  people: number,
): { value: number; provenance: Provenance } {
  const band = rules.alpha.find(
    (b) => people >= b.minPeople && (b.maxPeople === undefined || people < b.maxPeople + 1),
  );
  if (!band) throw new RangeError(`people: no α band of the rule set covers ${people}`);
  return { value: band.alpha.value, provenance: band.alpha };
}

/**
 * GB 18218-2018 §4.3 Table 6: the grade of a major hazard from R (一级 R ≥ 100, 二级 50 ≤ R < 100,
 * 三级 10 ≤ R < 50, 四级 R < 10 with the built-in bounds).
 */
export function majorHazardGrade(rules: MajorHazardRules, r: number): MajorHazardGradeName {
  const bound = rules.grades.find((g) => r >= g.minR.value);
  // The lowest grade's bound is 0 and R ≥ 0, so a bound is always found with a valid rule set.
  return (bound ?? rules.grades[rules.grades.length - 1]!).grade;
}
