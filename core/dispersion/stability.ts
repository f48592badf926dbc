import type { MetresPerSecond } from '../units/index.ts';

/** Pasquill-Gifford-Turner atmospheric stability classes, A (very unstable) to F (moderately stable). */
export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

/** Surface type for the Briggs dispersion coefficients and the wind-profile exponents. */
export const TERRAINS = ['rural', 'urban'] as const;
export type Terrain = (typeof TERRAINS)[number];

/** True when `value` is one of the classes A–F (upper case, as the sources print them). */
export function isStabilityClass(value: unknown): value is StabilityClass {
  return typeof value === 'string' && (STABILITY_CLASSES as readonly string[]).includes(value);
}

/**
 * Position of a class in A–F (A = 0 … F = 5); tables in this folder are indexed by it.
 * @throws RangeError naming `field` when the class is not one of A–F.
 */
export function stabilityIndex(stability: string, field = 'stability'): number {
  const i = (STABILITY_CLASSES as readonly string[]).indexOf(stability);
  if (i < 0) throw new RangeError(`${field}: "${stability}" is not a stability class; valid classes are A–F`);
  return i;
}

/** Daytime insolation or night-time cloud cover, the columns of the Turner table (CCPS99). */
export type Insolation = 'strong' | 'moderate' | 'slight' | 'night-overcast' | 'night-clear';

// Rows: 10 m wind < 2, 2–3, 3–5, 5–6, > 6 m/s. Columns: strong, moderate, slight, night ≥ 4/8 cloud, ≤ 3/8.
// "A–B" is written as both classes; the spec's "F (E)" (calm, overcast night) as F first, E as the alternative.
const TURNER_TABLE: readonly (readonly (readonly StabilityClass[])[])[] = [
  [['A'], ['A', 'B'], ['B'], ['F', 'E'], ['F']],
  [['A', 'B'], ['B'], ['C'], ['E'], ['F']],
  [['B'], ['B', 'C'], ['C'], ['D'], ['E']],
  [['C'], ['C', 'D'], ['D'], ['D'], ['D']],
  [['C'], ['D'], ['D'], ['D'], ['D']],
];
const INSOLATION_COLUMN: Record<Insolation, number> = {
  strong: 0,
  moderate: 1,
  slight: 2,
  'night-overcast': 3,
  'night-clear': 4,
};

/**
 * Pasquill stability class from the 10 m wind speed and the insolation or night cloud cover
 * (Pasquill/Turner table as in CCPS99; spec/models.md §3.4, confidence "likely").
 * Returns the class(es) the table gives: two classes for an intermediate cell such as "A–B"
 * (the first is the more unstable, or for the calm overcast night "F (E)" the table's primary entry).
 * Row limits: < 2, [2, 3), [3, 5), [5, 6], > 6 m/s.
 * @param windSpeed10 wind speed at 10 m, m/s (≥ 0)
 */
export function pasquillStability(
  windSpeed10: MetresPerSecond,
  insolation: Insolation,
): readonly StabilityClass[] {
  if (!(windSpeed10 >= 0)) throw new RangeError(`windSpeed10: ${windSpeed10} m/s given, valid range ≥ 0`);
  const row = windSpeed10 < 2 ? 0 : windSpeed10 < 3 ? 1 : windSpeed10 < 5 ? 2 : windSpeed10 <= 6 ? 3 : 4;
  return TURNER_TABLE[row]![INSOLATION_COLUMN[insolation]]!;
}
