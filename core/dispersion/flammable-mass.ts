import type {
  Kilograms,
  KilogramsPerCubicMetre,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
} from '../units/index.ts';
import { DEFAULT_MAX_DISTANCE, type GaussianPlumeSource } from './gaussian-plume.ts';
import { erf } from '../math/erf.ts';
import { thresholdExtent } from './numeric.ts';
import type { PowerLawSigmas } from './sigmas.ts';

/** Mass of a steady plume held where the concentration is at or above a level. */
export interface PlumeMassResult {
  /** m, kg. */
  mass: Kilograms;
  /** Farthest downwind distance at which the level is reached anywhere in the plume (an upper bound for elevated reflected plumes), m. */
  extent: Metres;
  /** True when the level is still reached at the search limit, so the mass is cut there. */
  reachesLimit: boolean;
}

export interface PowerLawPlumeMassInput {
  /** Q, kg/s (> 0). */
  releaseRate: KilogramsPerSecond;
  /** u, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** σy = a·x^b, σz = c·x^d. */
  sigmas: PowerLawSigmas;
  /** χ_l, the concentration level, kg/m³ (> 0), e.g. the LFL. */
  concentration: KilogramsPerCubicMetre;
  /**
   * False (default): free plume, no ground, as in the source of the closed form. True: ground-level source with
   * reflection (the cross-section is half a Gaussian at twice the concentration, so the same form holds).
   */
  groundReflection?: boolean;
}

/**
 * Mass inside the iso-surface χ ≥ χ_l of a Gaussian plume with power-law σ, kg (spec/models.md §3.6):
 * m_l = (Q/u)·x_l·p/(p + 1), p = b + d, where x_l is the centreline distance at which χ = χ_l.
 * Each cross-section is Gaussian, so the mass inside the contour at x is (Q/u)·(1 − χ_l/χ_c(x)); integrating
 * that with χ_c ∝ x^−p to x_l gives the form. YB/CHEF's "m = C·(Q/u)·x_l" has C = p/(p + 1). Mass between two
 * levels (e.g. LFL and UFL) is the difference of two calls. [DSP-FLAMMASS]
 */
export function powerLawPlumeMassAbove(input: PowerLawPlumeMassInput): PlumeMassResult {
  const { releaseRate: q, windSpeed: u, concentration } = input;
  const { a, b, c, d } = input.sigmas;
  if (!(concentration > 0)) throw new RangeError(`concentration: ${concentration} kg/m³ given, must be > 0`);
  const p = b + d;
  const reflection = input.groundReflection ?? false;
  // χ_c(x) = factor·Q/(2π·u·a·c·x^p), solved for x at χ_c = χ_l.
  const factor = reflection ? 2 : 1;
  const extent = ((factor * q) / (2 * Math.PI * u * a * c * concentration)) ** (1 / p);
  return {
    mass: (((q / u) * extent * p) / (p + 1)) as Kilograms,
    extent: extent as Metres,
    reachesLimit: false,
  };
}

const X_INTERVALS = 100; // Simpson intervals along the plume (even)
const Z_INTERVALS = 64; // Simpson intervals across the height band above the level, elevated reflected plumes only (even)

function simpson(f: (x: number) => number, from: number, to: number, intervals: number): number {
  const h = (to - from) / intervals;
  let sum = f(from) + f(to);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

/**
 * Mass of a Gaussian plume where the concentration is at or above χ_l, kg, for any σ set, release height and
 * reflection (generalises spec/models.md §3.6; used for the flammable mass of a vapour-cloud explosion).
 * A free plume, or a ground-level source with reflection, has a Gaussian (or half-Gaussian) cross-section, so the
 * mass per metre inside the contour is (Q/u)·(1 − χ_l/χ_max(x)), integrated by Simpson's rule up to the
 * distance where χ_max = χ_l. An elevated source with reflection has no such form: the cross-section is
 * integrated across y in closed form (erf) and across z by Simpson's rule. Relative accuracy about 3e-4
 * (worst case against 1600 × 640 intervals, Briggs rural A–F, release heights 0.5–30 m).
 * @param concentration χ_l, kg/m³ (> 0)
 * @param maxDistance search limit, m; default 100 km
 */
export function gaussianPlumeMassAbove(
  source: GaussianPlumeSource,
  concentration: KilogramsPerCubicMetre,
  maxDistance: Metres = DEFAULT_MAX_DISTANCE,
): PlumeMassResult {
  if (!(concentration > 0)) throw new RangeError(`concentration: ${concentration} kg/m³ given, must be > 0`);
  const { releaseRate: q, windSpeed: u, coefficients: sig } = source;
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  const k = q / (2 * Math.PI * u);
  const gaussianSection = !reflection || h === 0;
  // Largest concentration in the cross-section at x, or an upper bound of it (vertical term ≤ 2) when elevated.
  const peakFactor = reflection ? 2 : 1;
  const peak = (x: number): number => {
    const sy = sig.sigmaY(x);
    const sz = sig.sigmaZ(x);
    return sy > 0 && sz > 0 ? (peakFactor * k) / (sy * sz) : 0;
  };
  const { end, reachesLimit } = thresholdExtent(peak, concentration, maxDistance);
  if (end === 0) return { mass: 0 as Kilograms, extent: 0 as Metres, reachesLimit: false };

  const perMetre = gaussianSection
    ? (x: number): number => {
        const c = peak(x);
        return c > concentration ? (q / u) * (1 - concentration / c) : x > 0 ? 0 : q / u;
      }
    : (x: number): number => sectionMassAbove(x);

  function sectionMassAbove(x: number): number {
    if (!(x > 0)) return q / u;
    const sy = sig.sigmaY(x);
    const sz = sig.sigmaZ(x);
    const centre = k / (sy * sz);
    // For z, h ≥ 0 the image term is at most the direct one, so c0 ≤ 2·centre·exp(−(z − h)²/s): the level is
    // reached only where (z − h)² < s·ln(2·centre/χ_l). Integrating over that band alone puts every Simpson
    // node where the integrand is non-zero.
    if (!(2 * centre > concentration)) return 0;
    const s = 2 * sz * sz;
    const band = Math.sqrt(s * Math.log((2 * centre) / concentration));
    const widthFactor = sy * Math.sqrt(2 * Math.PI);
    // ∫ C·[C ≥ χ_l] dy over a Gaussian in y with peak c0 = c0·σy·√(2π)·erf(√ln(c0/χ_l)).
    const crossWind = (z: number): number => {
      const c0 = centre * (Math.exp(-((z - h) * (z - h)) / s) + Math.exp(-((z + h) * (z + h)) / s));
      return c0 > concentration ? c0 * widthFactor * erf(Math.sqrt(Math.log(c0 / concentration))) : 0;
    };
    return simpson(crossWind, Math.max(0, h - band), h + band, Z_INTERVALS);
  }

  const mass = simpson(perMetre, 0, end, X_INTERVALS);
  return { mass: mass as Kilograms, extent: end as Metres, reachesLimit };
}
