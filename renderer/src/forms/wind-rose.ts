/**
 * Wind roses as the weather form edits them: one rose for all weather classes (`windRose.probabilities`) or
 * one per class (`windRose.byClass`), spec/project-format.md "weather". Pure functions on plain numbers.
 */

/** A rose with `count` sectors: the first values kept, new sectors at 0 (the sum check then asks for a fix). */
export function resizeRose<T>(values: readonly T[], count: number): (T | number)[] {
  return Array.from({ length: count }, (_, k) => values[k] ?? 0);
}

/**
 * The rose of all weather together from one rose per class: P(sector) = Σ_c P(c)·P(sector | c) / Σ_c P(c),
 * the law of total probability (the division only absorbs class shares that do not sum exactly to 1). Values
 * are rounded to six significant digits, like the editor's normalisation.
 * @param roses per class id, the sector probabilities (all of the same length)
 * @param classes class ids with their share of time
 * @returns null when a class has no rose, the roses differ in length, or the shares sum to 0
 */
export function marginalRose(
  roses: Readonly<Record<string, readonly number[]>>,
  classes: readonly { id: string; probability: number }[],
): number[] | null {
  const first = classes[0] ? roses[classes[0].id] : undefined;
  if (!first) return null;
  const n = first.length;
  const total = classes.reduce((s, c) => s + c.probability, 0);
  if (!(total > 0)) return null;
  const out = new Array<number>(n).fill(0);
  for (const c of classes) {
    const rose = roses[c.id];
    if (!rose || rose.length !== n) return null;
    rose.forEach((p, k) => (out[k] = (out[k] as number) + (c.probability * p) / total));
  }
  return out.map((v) => Number(v.toPrecision(6)));
}
