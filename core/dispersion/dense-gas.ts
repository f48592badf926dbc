import {
  GRAVITY,
  type CubicMetres,
  type CubicMetresPerSecond,
  type KilogramsPerCubicMetre,
  type MetresPerSecond,
} from '../units/index.ts';

/**
 * Reduced gravity g0 = g·(ρ_c − ρ_a)/ρ_a, m/s² (BMQ (1988); spec/models.md §4.1). Positive for a cloud denser than air.
 * @param cloudDensity ρ_c, kg/m³ (> 0); @param ambientDensity ρ_a, kg/m³ (> 0)
 */
export function reducedGravity(
  cloudDensity: KilogramsPerCubicMetre,
  ambientDensity: KilogramsPerCubicMetre,
): number {
  if (!(cloudDensity > 0)) throw new RangeError(`cloudDensity: ${cloudDensity} kg/m³ given, must be > 0`);
  if (!(ambientDensity > 0))
    throw new RangeError(`ambientDensity: ${ambientDensity} kg/m³ given, must be > 0`);
  return (GRAVITY * (cloudDensity - ambientDensity)) / ambientDensity;
}

/** Outcome of a dense-gas screening criterion. */
export interface DenseGasCriterion {
  /** The criterion number (a cube- or square-rooted Richardson number). */
  value: number;
  /** The value at and above which the release must be treated as dense. */
  threshold: number;
  /** value ≥ threshold. */
  dense: boolean;
}

/**
 * Britter-McQuaid criterion for a continuous release: (g0·Q0/(u³·D))^(1/3) ≥ 0.15 with D = √(Q0/u)
 * (BMQ (1988); CCPS99; spec/models.md §4.1). It is the cube root of a source Richardson number; below 0.15 a
 * passive (Gaussian) model applies. A cloud lighter than air gives value 0.
 * @param volumeRate Q0, m³/s at source density (> 0); @param windSpeed u10, m/s (> 0)
 */
export function denseGasCriterionContinuous(
  volumeRate: CubicMetresPerSecond,
  cloudDensity: KilogramsPerCubicMetre,
  ambientDensity: KilogramsPerCubicMetre,
  windSpeed: MetresPerSecond,
): DenseGasCriterion {
  if (!(volumeRate > 0)) throw new RangeError(`volumeRate: ${volumeRate} m³/s given, must be > 0`);
  if (!(windSpeed > 0)) throw new RangeError(`windSpeed: ${windSpeed} m/s given, must be > 0`);
  const g0 = Math.max(0, reducedGravity(cloudDensity, ambientDensity));
  const d = Math.sqrt(volumeRate / windSpeed);
  const value = Math.cbrt((g0 * volumeRate) / (windSpeed ** 3 * d));
  return { value, threshold: 0.15, dense: value >= 0.15 };
}

/**
 * Britter-McQuaid criterion for an instantaneous release: √(g0·V0^(1/3))/u ≥ 0.2 (BMQ (1988); CCPS99;
 * spec/models.md §4.1). A cloud lighter than air gives value 0.
 * @param initialVolume V0, m³ (> 0); @param windSpeed u10, m/s (> 0)
 */
export function denseGasCriterionInstantaneous(
  initialVolume: CubicMetres,
  cloudDensity: KilogramsPerCubicMetre,
  ambientDensity: KilogramsPerCubicMetre,
  windSpeed: MetresPerSecond,
): DenseGasCriterion {
  if (!(initialVolume > 0)) throw new RangeError(`initialVolume: ${initialVolume} m³ given, must be > 0`);
  if (!(windSpeed > 0)) throw new RangeError(`windSpeed: ${windSpeed} m/s given, must be > 0`);
  const g0 = Math.max(0, reducedGravity(cloudDensity, ambientDensity));
  const value = Math.sqrt(g0 * Math.cbrt(initialVolume)) / windSpeed;
  return { value, threshold: 0.2, dense: value >= 0.2 };
}
