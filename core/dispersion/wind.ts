import type { Metres, MetresPerSecond } from '../units/index.ts';
import { stabilityIndex, type StabilityClass, type Terrain } from './stability.ts';

/** von Kármán constant used by the YB profiles. */
export const VON_KARMAN = 0.4;

// Irwin (1979) exponents as given by CCPS99 for classes A–F.
const POWER_LAW_RURAL = [0.07, 0.07, 0.1, 0.15, 0.35, 0.55] as const;
const POWER_LAW_URBAN = [0.15, 0.15, 0.2, 0.25, 0.4, 0.6] as const;

/** Wind-profile power-law exponent p for a class and terrain (Irwin 1979 as in CCPS99; spec/models.md §3.5). */
export function windProfileExponent(stability: StabilityClass, terrain: Terrain): number {
  const i = stabilityIndex(stability);
  return (terrain === 'rural' ? POWER_LAW_RURAL : POWER_LAW_URBAN)[i]!;
}

/**
 * Wind speed at height z from a reference speed by the power law u(z) = u_r·(z/z_r)^p (Irwin 1979,
 * CCPS99; spec/models.md §3.5).
 * @param referenceSpeed u_r at the reference height, m/s
 * @param referenceHeight z_r, m (> 0), usually 10 m
 * @param height z, m (> 0)
 */
export function windSpeedPowerLaw(
  referenceSpeed: MetresPerSecond,
  referenceHeight: Metres,
  height: Metres,
  stability: StabilityClass,
  terrain: Terrain,
): MetresPerSecond {
  if (!(referenceHeight > 0))
    throw new RangeError(`referenceHeight: ${referenceHeight} m given, must be > 0`);
  if (!(height > 0)) throw new RangeError(`height: ${height} m given, must be > 0`);
  return (referenceSpeed *
    (height / referenceHeight) ** windProfileExponent(stability, terrain)) as MetresPerSecond;
}

// YB (2005) fits of 1/L against z0 (Bakkum & Duijm): L = k / log10(z0 / z_ref) for each class; D is neutral.
const MO_FIT: readonly (readonly [number, number])[] = [
  [33.162, 1117],
  [32.258, 11.46],
  [51.787, 1.324],
  [Number.NaN, Number.NaN],
  [-48.33, 1.262],
  [-31.325, 19.36],
];

/**
 * Monin-Obukhov length L, m, from the Pasquill class and the roughness length (YB (2005) §4, fits by
 * Bakkum & Duijm; spec/models.md §3.5, confidence "likely"). L < 0 unstable (A–C), ∞ neutral (D), > 0 stable
 * (E, F). The fit uses min(z0, 0.5 m), as YB does.
 * @param roughnessLength z0, m (> 0)
 */
export function moninObukhovLength(stability: StabilityClass, roughnessLength: Metres): Metres {
  if (!(roughnessLength > 0))
    throw new RangeError(`roughnessLength: ${roughnessLength} m given, must be > 0`);
  const i = stabilityIndex(stability);
  if (i === 3) return Number.POSITIVE_INFINITY as Metres;
  const [k, zRef] = MO_FIT[i]!;
  return (k / Math.log10(Math.min(roughnessLength, 0.5) / zRef)) as Metres;
}

// Businger-Dyer stability correction for unstable air, YB eq. 4.32 form.
function psiUnstable(z: number, length: number): number {
  const a = (1 - (16 * z) / length) ** 0.25;
  return 2 * Math.log((1 + a) / 2) + Math.log((1 + a * a) / 2) - 2 * Math.atan(a) + Math.PI / 2;
}

/** k·u(z)/u*: the shape of the log-linear profile at height z. */
function logProfileShape(z: number, z0: number, length: number): number {
  const neutral = Math.log(z / z0);
  if (!Number.isFinite(length)) return neutral;
  if (length > 0) return neutral + (5 * (z - z0)) / length;
  return neutral - psiUnstable(z, length) + psiUnstable(z0, length);
}

/**
 * Wind speed at height z by the YB log-linear profile with the Monin-Obukhov length of the class
 * (YB (2005) eq. 4.32; spec/models.md §3.5): u(z) = (u* / k)·[ln(z/z0) − Ψ(z/L) + Ψ(z0/L)], with
 * Ψ = −5z/L when stable; u* is fixed by the reference speed.
 * @param referenceSpeed u_a at the reference height, m/s
 * @param referenceHeight z_a, m (> z0)
 * @param height z, m (> z0)
 * @param roughnessLength z0, m
 */
export function windSpeedLogProfile(
  referenceSpeed: MetresPerSecond,
  referenceHeight: Metres,
  height: Metres,
  roughnessLength: Metres,
  stability: StabilityClass,
): MetresPerSecond {
  if (!(referenceHeight > roughnessLength)) {
    throw new RangeError(`referenceHeight: ${referenceHeight} m given, must exceed roughnessLength`);
  }
  if (!(height > roughnessLength))
    throw new RangeError(`height: ${height} m given, must exceed roughnessLength`);
  const length = moninObukhovLength(stability, roughnessLength);
  const frictionVelocity =
    (VON_KARMAN * referenceSpeed) / logProfileShape(referenceHeight, roughnessLength, length);
  return ((frictionVelocity / VON_KARMAN) *
    logProfileShape(height, roughnessLength, length)) as MetresPerSecond;
}
