/**
 * Kinney & Graham (1985), "Explosive Shocks in Air", 2nd ed.: closed-form peak overpressure of a free-air
 * spherical TNT burst, ΔP/Pa = 808·[1 + (Z/4.5)²] / (√(1 + (Z/0.048)²)·√(1 + (Z/0.32)²)·√(1 + (Z/1.35)²)),
 * Z in m/kg^(1/3) (models.md §6.1). The original constants 808 and 0.048 are used: 800 and 0.049 are
 * misprints found in secondary sources (models.md §9).
 */

/**
 * Peak overpressure of a free-air TNT burst divided by the ambient pressure (Kinney & Graham 1985).
 * A free-air curve: for a ground-level charge use the Kingery-Bulmash surface burst, or this curve with 2W.
 * Monotone decreasing for all Z > 0; tends to 808 as Z → 0 and to 1/Z far away. Allocation-free.
 * @param scaledDistance Z = R/W^(1/3), m/kg^(1/3) (≥ 0)
 */
export function kinneyGrahamOverpressureRatio(scaledDistance: number): number {
  const z = scaledDistance;
  const a = z / 0.048;
  const b = z / 0.32;
  const c = z / 1.35;
  const d = z / 4.5;
  return (808 * (1 + d * d)) / Math.sqrt((1 + a * a) * (1 + b * b) * (1 + c * c));
}

/** Largest overpressure ratio of the curve (its Z → 0 limit). */
export const KINNEY_GRAHAM_MAX_RATIO = 808;

/**
 * Inverse of `kinneyGrahamOverpressureRatio`: the scaled distance at which ΔP/Pa falls to `ratio`,
 * m/kg^(1/3). Bisection in ln Z on [1e-4, 1e7] (the curve is monotone); allocation-free.
 * @param ratio ΔP/Pa, 0 < ratio < 808
 * @throws RangeError naming `ratio` when outside (0, 808) or below the curve's value at Z = 1e7
 */
export function kinneyGrahamScaledDistance(ratio: number): number {
  let lo = Math.log(1e-4);
  let hi = Math.log(1e7);
  if (!(ratio > kinneyGrahamOverpressureRatio(Math.exp(hi)) && ratio < KINNEY_GRAHAM_MAX_RATIO)) {
    throw new RangeError(`overpressure ratio ${ratio} is outside the Kinney-Graham range (0, 808)`);
  }
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (kinneyGrahamOverpressureRatio(Math.exp(mid)) >= ratio) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}
