import {
  britterMcQuaidPlume,
  britterMcQuaidPlumeDimensions,
  britterMcQuaidPlumeRatio,
  britterMcQuaidPuff,
  britterMcQuaidPuffRatio,
  type BritterMcQuaidPlume,
  type BritterMcQuaidPuff,
} from '../../dispersion/britter-mcquaid.ts';
import { concentrationFromVolumeFraction } from '../../dispersion/concentration.ts';
import { gaussianPlumeMassAbove } from '../../dispersion/flammable-mass.ts';
import { gaussianPlumeConcentration, type GaussianPlumeSource } from '../../dispersion/gaussian-plume.ts';
import { gaussianPuffPassingConcentration, type GaussianPuffSource } from '../../dispersion/gaussian-puff.ts';
import { thresholdExtent } from '../../dispersion/numeric.ts';
import { erf } from '../../vulnerability/normal.ts';
import {
  briggsCoefficients,
  ccpsPuffCoefficients,
  type DispersionCoefficients,
  type PuffDispersionCoefficients,
} from '../../dispersion/sigmas.ts';
import type { Terrain } from '../../dispersion/stability.ts';
import type { Substance } from '../../substance/index.ts';
import {
  GAS_CONSTANT,
  type CubicMetres,
  type CubicMetresPerSecond,
  type Kelvin,
  type Kilograms,
  type KilogramsPerCubicMetre,
  type KilogramsPerMole,
  type KilogramsPerSecond,
  type Metres,
  type MetresPerSecond,
  type VolumeFraction,
} from '../../units/index.ts';
import type { OutcomeAmbient, OutcomeInput, OutcomeWeather } from './input.ts';

/** Molar mass of dry air, kg/mol (for the ambient density of the dense-gas criterion). */
export const AIR_MOLAR_MASS = 0.028964;

/** Choices of the dispersion step. */
export interface CloudOptions {
  /** σ set of the Briggs plume coefficients; default 'rural'. */
  terrain?: Terrain;
  /** Plume σy(x), σz(x) to use instead of Briggs (e.g. a published case's values). */
  plumeSigmas?: DispersionCoefficients;
  /** Puff σ to use instead of the CCPS puff set. */
  puffSigmas?: PuffDispersionCoefficients;
  /** Height of the people above the ground, m; default 0. */
  receptorHeight?: number;
  /** 'auto' (default) applies Britter-McQuaid where its criterion says dense; 'passive' never does. */
  denseGas?: 'auto' | 'passive';
  /** Search limit for cloud distances, m; default 50 km. */
  maxDistance?: number;
}

/**
 * The airborne cloud of a release in one weather class, in the wind frame (x downwind, y across; ground-level
 * people at `receptorHeight`). Concentrations are kg/m³; for a puff they are the peak as the cloud passes.
 */
export interface Cloud {
  kind: 'plume' | 'puff';
  /** True when Britter-McQuaid is used near the source (BMQ criterion, models.md §4.1). */
  dense: boolean;
  /** Concentration at (x, y), kg/m³; 0 at and upwind of the source. */
  concentrationAt(x: number, y: number): number;
  /** Largest |y| at which the concentration at x is ≥ `level` (0 when the centreline is below it), m. */
  halfWidthAt(x: number, level: number): number;
  /**
   * Equivalent exposure duration at x for a toxic load Cⁿ·t taken at the peak concentration, s, with the
   * exposure limited to `cap` s (PB §5.2.2 note 3): a plume's release duration; a Gaussian puff's
   * ∫ exp(−n·(x − ut)²/(2σx²)) dt over the `cap` window centred on the peak; a dense puff's passage time.
   */
  exposureAt(x: number, n: number, cap: number): number;
  /** Mass between the two concentration levels when the cloud is largest, kg (explosion models). */
  massBetween(lower: number, upper: number): { mass: Kilograms; centre: Metres };
  /** Nearest and farthest centreline distances where the concentration is ≥ level, m. */
  extent(level: number): { start: number; end: number };
}

/** kg/m³ of a vapour at volume fraction φ in ambient air: C = φ·P·M/(R·T) (concentration.ts). */
export function ambientConcentration(
  fraction: number,
  molarMass: KilogramsPerMole,
  ambient: OutcomeAmbient,
): KilogramsPerCubicMetre {
  return concentrationFromVolumeFraction(
    fraction as VolumeFraction,
    molarMass,
    ambient.temperature,
    ambient.pressure,
  );
}

/**
 * The cloud of a release: what goes airborne at the release point (an instantaneous mass, or a continuous
 * rate) plus the evaporation of a pool, as one source. An instantaneous release with airborne mass is a puff
 * (its pool's later evaporation is not added); otherwise the airborne rate plus the pool's evaporation rate
 * form a plume, at the release height when something is airborne there, else at the ground.
 * Passive dispersion: Gaussian plume (models.md §3.1) with Briggs σ, or Gaussian puff (§3.2) with CCPS σ,
 * both with ground reflection. Dense: when the BMQ criterion (models.md §4.1) says so, the Britter-McQuaid
 * correlations (§4.2, §4.3) with a top-hat cross-section (the plume half-width L_H; the puff radius when its
 * leading edge passes) up to the last curve of the figure; beyond it the larger of that extrapolation and the
 * passive cloud, because the (x/D)⁻² far field is not conservative (docs/models/dispersion.md §10).
 * The wind speed is the class's 10 m speed.
 * @throws RangeError naming `molarMass` when the substance lacks it, or when nothing is airborne
 */
export function releaseCloud(
  release: OutcomeInput,
  substance: Substance,
  weather: OutcomeWeather,
  ambient: OutcomeAmbient,
  options: CloudOptions = {},
): Cloud {
  const molarMass = substance.molarMass;
  if (molarMass === undefined) throw new RangeError(`substance '${substance.id}': molarMass is absent`);
  const u = weather.windSpeed;
  const z = options.receptorHeight ?? 0;
  const maxDistance = options.maxDistance ?? 50_000;
  const terrain = options.terrain ?? 'rural';
  const sourceDensity = (ambient.pressure * molarMass) / (GAS_CONSTANT * release.releaseTemperature);
  const airDensity = (ambient.pressure * AIR_MOLAR_MASS) / (GAS_CONSTANT * ambient.temperature);
  const allowDense = (options.denseGas ?? 'auto') === 'auto' && sourceDensity > airDensity;
  const pureVapour = ambientConcentration(1, molarMass, ambient);

  if (release.mode === 'instantaneous' && (release.airborneMass ?? 0) > 0) {
    const source: GaussianPuffSource = {
      mass: release.airborneMass!,
      windSpeed: u,
      releaseHeight: release.releaseHeight,
      coefficients: options.puffSigmas ?? ccpsPuffCoefficients(weather.stability),
    };
    const passive = passivePuff(source, z);
    if (!allowDense) return finishCloud('puff', false, passive, maxDistance);
    const bmq = britterMcQuaidPuff({
      initialVolume: (source.mass / sourceDensity) as CubicMetres,
      cloudDensity: sourceDensity as KilogramsPerCubicMetre,
      ambientDensity: airDensity as KilogramsPerCubicMetre,
      windSpeed: u,
      sourceTemperature: release.releaseTemperature,
      ambientTemperature: ambient.temperature,
    });
    if (!bmq.criterion.dense) return finishCloud('puff', false, passive, maxDistance);
    return finishCloud('puff', true, densePuff(bmq, pureVapour, passive, source.mass), maxDistance);
  }

  const airborneRate = release.mode === 'continuous' ? (release.airborneRate ?? 0) : 0;
  const evaporation = release.pool?.evaporationRate ?? 0;
  const rate = airborneRate + evaporation;
  if (!(rate > 0)) throw new RangeError(`release '${release.id}': nothing airborne and no evaporating pool`);
  const duration = Math.max(
    airborneRate > 0 ? (release.duration ?? 0) : 0,
    evaporation > 0 ? (release.pool?.duration ?? 0) : 0,
  );
  const source: GaussianPlumeSource = {
    releaseRate: rate as KilogramsPerSecond,
    windSpeed: u,
    releaseHeight: (airborneRate > 0 ? release.releaseHeight : 0) as Metres,
    coefficients: options.plumeSigmas ?? briggsCoefficients(weather.stability, terrain),
  };
  const passive = passivePlume(source, z, duration, maxDistance);
  if (!allowDense) return finishCloud('plume', false, passive, maxDistance);
  const bmq = britterMcQuaidPlume({
    volumeRate: (rate / sourceDensity) as CubicMetresPerSecond,
    sourceDensity: sourceDensity as KilogramsPerCubicMetre,
    ambientDensity: airDensity as KilogramsPerCubicMetre,
    windSpeed: u,
    sourceTemperature: release.releaseTemperature,
    ambientTemperature: ambient.temperature as Kelvin,
  });
  if (!bmq.criterion.dense) return finishCloud('plume', false, passive, maxDistance);
  return finishCloud('plume', true, densePlume(bmq, pureVapour, passive, rate, u, duration), maxDistance);
}

/** The parts every cloud model supplies; `finishCloud` adds the searches. */
interface CloudCore {
  concentrationAt(x: number, y: number): number;
  halfWidthAt(x: number, level: number): number;
  exposureAt(x: number, n: number, cap: number): number;
  massBetween?(
    lower: number,
    upper: number,
    extent: (level: number) => { start: number; end: number },
  ): {
    mass: number;
    centre: number;
  };
}

function finishCloud(kind: Cloud['kind'], dense: boolean, core: CloudCore, maxDistance: number): Cloud {
  const extent = (level: number) => {
    const e = thresholdExtent((x) => core.concentrationAt(x, 0), level, maxDistance);
    return { start: e.start, end: e.end };
  };
  return {
    kind,
    dense,
    concentrationAt: core.concentrationAt,
    halfWidthAt: core.halfWidthAt,
    exposureAt: core.exposureAt,
    extent,
    massBetween(lower, upper) {
      const r = core.massBetween!(lower, upper, extent);
      return { mass: r.mass as Kilograms, centre: r.centre as Metres };
    },
  };
}

/** Half-width of a Gaussian cross-section with peak c0 and σy at level: σy·√(2·ln(c0/level)). */
function gaussianHalfWidth(c0: number, sigmaY: number, level: number): number {
  return c0 > level ? sigmaY * Math.sqrt(2 * Math.log(c0 / level)) : 0;
}

function passivePlume(
  source: GaussianPlumeSource,
  z: number,
  duration: number,
  maxDistance: number,
): CloudCore {
  const c = (x: number, y: number) =>
    gaussianPlumeConcentration(source, x as Metres, y as Metres, z as Metres);
  return {
    concentrationAt: c,
    halfWidthAt: (x, level) => gaussianHalfWidth(c(x, 0), source.coefficients.sigmaY(x), level),
    exposureAt: (_x, _n, cap) => Math.min(duration, cap),
    // Mass between the levels in the steady plume (its largest extent): flammable-mass.ts, models.md §3.6.
    massBetween(lower, upper, extent) {
      const above = (level: number) =>
        gaussianPlumeMassAbove(source, level as KilogramsPerCubicMetre, maxDistance as Metres).mass;
      const e = extent(lower);
      return {
        mass: above(lower) - (Number.isFinite(upper) ? above(upper) : 0),
        centre: (e.start + e.end) / 2,
      };
    },
  };
}

/**
 * Fraction of a 3-D Gaussian's mass where the density is at least e^(−s/2) of its peak: the χ² distribution
 * with 3 degrees of freedom, F(s) = erf(√(s/2)) − √(2s/π)·e^(−s/2).
 */
function gaussianMassFraction(peakOverLevel: number): number {
  if (!(peakOverLevel > 1)) return 0;
  const s = 2 * Math.log(peakOverLevel);
  return erf(Math.sqrt(s / 2)) - Math.sqrt((2 * s) / Math.PI) * Math.exp(-s / 2);
}

function passivePuff(source: GaussianPuffSource, z: number): CloudCore {
  const sig = source.coefficients;
  const c = (x: number, y: number) =>
    gaussianPuffPassingConcentration(source, x as Metres, y as Metres, z as Metres);
  return {
    concentrationAt: c,
    halfWidthAt: (x, level) => gaussianHalfWidth(c(x, 0), sig.sigmaY(x), level),
    exposureAt(x, n, cap) {
      // ∫ exp(−n·(ut − x)²/(2σx²)) dt over |t − x/u| ≤ cap/2 = √(2π/n)·σx/u·erf(u·cap·√n/(2√2·σx)).
      const sx = sig.sigmaX(x);
      if (!(sx > 0)) return 0;
      const u = source.windSpeed;
      return Math.sqrt((2 * Math.PI) / n) * (sx / u) * erf((u * cap * Math.sqrt(n)) / (2 * Math.SQRT2 * sx));
    },
    // The puff holds the most flammable mass where M·[F(peak/lower) − F(peak/upper)] is largest; the mass
    // fraction of a reflected ground-level puff is that of the full Gaussian (an elevated puff is treated
    // as if at the ground, which overstates its peak near the source).
    massBetween(lower, upper) {
      let best = 0;
      let at = 0;
      for (let x = 0.5; x <= 50_000; x *= 1.02) {
        const sx = sig.sigmaX(x);
        const sy = sig.sigmaY(x);
        const sz = sig.sigmaZ(x);
        const peak = (2 * source.mass) / ((2 * Math.PI) ** 1.5 * sx * sy * sz);
        const m = source.mass * (gaussianMassFraction(peak / lower) - gaussianMassFraction(peak / upper));
        if (m > best) {
          best = m;
          at = x;
        }
        if (peak < lower) break;
      }
      return { mass: best, centre: at };
    },
  };
}

/** Distance of the last curve of the Britter-McQuaid figure for a correlation and its length scale, m. */
function lastCurveDistance(betas: readonly number[], scale: number): number {
  return 10 ** betas[betas.length - 1]! * scale;
}

function densePlume(
  bmq: BritterMcQuaidPlume,
  pureVapour: number,
  passive: CloudCore,
  rate: number,
  u: MetresPerSecond,
  duration: number,
): CloudCore {
  const switchAt = lastCurveDistance(bmq.correlation.betas, bmq.sourceDimension);
  const centre = (x: number) => (x > 0 ? pureVapour * britterMcQuaidPlumeRatio(bmq, x as Metres) : 0);
  const halfWidth = (x: number) => britterMcQuaidPlumeDimensions(bmq, x as Metres).halfWidth;
  return {
    concentrationAt(x, y) {
      if (!(x > 0)) return 0;
      const dense = Math.abs(y) <= halfWidth(x) ? centre(x) : 0;
      return x > switchAt ? Math.max(dense, passive.concentrationAt(x, y)) : dense;
    },
    halfWidthAt(x, level) {
      if (!(x > 0)) return 0;
      const dense = centre(x) >= level ? halfWidth(x) : 0;
      return x > switchAt ? Math.max(dense, passive.halfWidthAt(x, level)) : dense;
    },
    exposureAt: (_x, _n, cap) => Math.min(duration, cap),
    // No closed form for the BMQ plume's hold-up: all the gas in flight between the UFL and LFL centreline
    // crossings at the wind speed, (Q/u)·(x_LFL − x_UFL). An upper bound: it counts the plume's diluted edges
    // as flammable (docs/method-outcomes.md).
    massBetween(lower, upper, extent) {
      const lo = extent(lower);
      const hi = Number.isFinite(upper) ? extent(upper).end : 0;
      return { mass: (rate / u) * Math.max(0, lo.end - hi), centre: (lo.start + lo.end) / 2 };
    },
  };
}

function densePuff(bmq: BritterMcQuaidPuff, pureVapour: number, passive: CloudCore, mass: number): CloudCore {
  const switchAt = lastCurveDistance(bmq.correlation.betas, bmq.volumeScale);
  const u = bmq.windSpeed;
  const r0 = Math.cbrt((3 * bmq.initialVolume) / (4 * Math.PI));
  const k = 1.2 * Math.sqrt(bmq.reducedGravity * bmq.initialVolume);
  const a = 0.4 * u;
  // Radius when the leading edge, 0.4·u·t + √(R0² + k·t), reaches x (models.md §4.3): the smaller root of
  // a²t² − (2ax + k)t + x² − R0² = 0.
  const radiusAt = (x: number): number => {
    if (x <= r0) return r0;
    const b = 2 * a * x + k;
    const t = (b - Math.sqrt(b * b - 4 * a * a * (x * x - r0 * r0))) / (2 * a * a);
    return Math.sqrt(r0 * r0 + k * t);
  };
  const centre = (x: number) => (x > 0 ? pureVapour * britterMcQuaidPuffRatio(bmq, x as Metres) : 0);
  return {
    concentrationAt(x, y) {
      if (!(x > 0)) return 0;
      const dense = Math.abs(y) <= radiusAt(x) ? centre(x) : 0;
      return x > switchAt ? Math.max(dense, passive.concentrationAt(x, y)) : dense;
    },
    halfWidthAt(x, level) {
      if (!(x > 0)) return 0;
      const dense = centre(x) >= level ? radiusAt(x) : 0;
      return x > switchAt ? Math.max(dense, passive.halfWidthAt(x, level)) : dense;
    },
    // The cloud (diameter 2R, centre moving at 0.4·u) covers a point for about 2R/(0.4·u).
    exposureAt: (x, n, cap) =>
      x > switchAt
        ? Math.max(Math.min((2 * radiusAt(x)) / a, cap), passive.exposureAt(x, n, cap))
        : Math.min((2 * radiusAt(x)) / a, cap),
    // The whole airborne mass, centred where the cloud is when its LFL extent ends (half-way out).
    massBetween(lower, _upper, extent) {
      const e = extent(lower);
      return { mass, centre: (e.start + e.end) / 2 };
    },
  };
}
