import type { KilogramsPerCubicMetre, KilogramsPerSecond, Metres, MetresPerSecond } from '../units/index.ts';
import { thresholdExtent, type ThresholdExtent } from './numeric.ts';
import type { DispersionCoefficients } from './sigmas.ts';

/** A steady point source in a uniform wind, dispersed passively (neutral density). */
export interface GaussianPlumeSource {
  /** Q, mass release rate, kg/s (> 0). */
  releaseRate: KilogramsPerSecond;
  /** u, wind speed at the release height (or 10 m), m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** h, release height above ground, m; default 0. */
  releaseHeight?: Metres;
  /** σy(x), σz(x), e.g. {@link briggsCoefficients}. */
  coefficients: DispersionCoefficients;
  /** Image source below the ground (total reflection); default true. False gives the unbounded plume. */
  groundReflection?: boolean;
}

/** One evaluation of the plume formula with σ given (e.g. user overrides); lengths in m. */
export interface GaussianPlumePoint {
  releaseRate: KilogramsPerSecond;
  windSpeed: MetresPerSecond;
  sigmaY: Metres;
  sigmaZ: Metres;
  /** Crosswind offset from the centreline, m; default 0. */
  y?: Metres;
  /** Receptor height, m (≥ 0); default 0. */
  z?: Metres;
  /** Release height, m; default 0. */
  releaseHeight?: Metres;
  /** Default true (ground reflection). */
  groundReflection?: boolean;
}

/** Bracket of the Gaussian plume formula: exp(−(z−h)²/2σz²) [+ exp(−(z+h)²/2σz²) with reflection]. */
function verticalFactor(z: number, h: number, sigmaZ: number, reflection: boolean): number {
  const s = 2 * sigmaZ * sigmaZ;
  const direct = Math.exp(-((z - h) * (z - h)) / s);
  return reflection ? direct + Math.exp(-((z + h) * (z + h)) / s) : direct;
}

/**
 * Gaussian plume concentration with ground reflection, kg/m³, for given σy and σz:
 * C = Q/(2π·u·σy·σz)·exp(−y²/2σy²)·[exp(−(z−h)²/2σz²) + exp(−(z+h)²/2σz²)]
 * (CCPS99 neutral plume with ground reflection; YB (2005) ch. 4; AQ/T 3046 eq. E.33; spec/models.md §3.1). A ground source seen at
 * ground level on the centreline gives Q/(π·u·σy·σz). Zero when a σ is 0 (at or upwind of the source).
 */
export function gaussianPlumeConcentrationWithSigmas(p: GaussianPlumePoint): KilogramsPerCubicMetre {
  const k = p.releaseRate / (2 * Math.PI * p.windSpeed);
  return plume(k, p.sigmaY, p.sigmaZ, p.y ?? 0, p.z ?? 0, p.releaseHeight ?? 0, p.groundReflection ?? true);
}

/** The plume formula with k = Q/(2π·u); positional so that loops allocate nothing. */
function plume(
  k: number,
  sy: number,
  sz: number,
  y: number,
  z: number,
  h: number,
  reflection: boolean,
): KilogramsPerCubicMetre {
  if (!(sy > 0 && sz > 0)) return 0 as KilogramsPerCubicMetre;
  return ((k / (sy * sz)) *
    Math.exp(-(y * y) / (2 * sy * sy)) *
    verticalFactor(z, h, sz, reflection)) as KilogramsPerCubicMetre;
}

/**
 * Gaussian plume concentration at (x, y, z) in the wind frame (x downwind of the source, y crosswind, z up),
 * kg/m³, with σ from the source's coefficient set (spec/models.md §3.1). Zero for x ≤ 0.
 */
export function gaussianPlumeConcentration(
  source: GaussianPlumeSource,
  x: Metres,
  y: Metres,
  z: Metres,
): KilogramsPerCubicMetre {
  if (!(x > 0)) return 0 as KilogramsPerCubicMetre;
  const k = source.releaseRate / (2 * Math.PI * source.windSpeed);
  const { coefficients: c } = source;
  return plume(k, c.sigmaY(x), c.sigmaZ(x), y, z, source.releaseHeight ?? 0, source.groundReflection ?? true);
}

/**
 * Concentration on a rectangular wind-frame grid at receptor height z: out[i·ys.length + j] = C(xs[i], ys[j], z),
 * kg/m³ (spec/models.md §3.1). σ and the vertical term are computed once per row; no allocation.
 * @throws RangeError when `out` is shorter than xs.length·ys.length
 */
export function gaussianPlumeGrid(
  source: GaussianPlumeSource,
  xs: Float64Array,
  ys: Float64Array,
  z: Metres,
  out: Float64Array,
): void {
  const nx = xs.length;
  const ny = ys.length;
  if (out.length < nx * ny) throw new RangeError(`out: length ${out.length}, needs ${nx * ny}`);
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  const k = source.releaseRate / (2 * Math.PI * source.windSpeed);
  for (let i = 0; i < nx; i++) {
    const x = xs[i]!;
    const row = i * ny;
    const sy = x > 0 ? source.coefficients.sigmaY(x) : 0;
    const sz = x > 0 ? source.coefficients.sigmaZ(x) : 0;
    if (!(sy > 0 && sz > 0)) {
      out.fill(0, row, row + ny);
      continue;
    }
    const centre = (k / (sy * sz)) * verticalFactor(z, h, sz, reflection);
    const inv = -1 / (2 * sy * sy);
    for (let j = 0; j < ny; j++) {
      const y = ys[j]!;
      out[row + j] = centre * Math.exp(inv * y * y);
    }
  }
}

/**
 * Concentration at scattered wind-frame points (xs[i], ys[i]) at receptor height z, kg/m³, into out[i]
 * (spec/models.md §3.1); for polar grids. No allocation.
 * @throws RangeError when the arrays differ in length
 */
export function gaussianPlumePoints(
  source: GaussianPlumeSource,
  xs: Float64Array,
  ys: Float64Array,
  z: Metres,
  out: Float64Array,
): void {
  const n = xs.length;
  if (ys.length !== n || out.length < n)
    throw new RangeError(`xs, ys, out: lengths ${n}, ${ys.length}, ${out.length}`);
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  const k = source.releaseRate / (2 * Math.PI * source.windSpeed);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    out[i] =
      x > 0
        ? plume(k, source.coefficients.sigmaY(x), source.coefficients.sigmaZ(x), ys[i]!, z, h, reflection)
        : 0;
  }
}

/** Default search limit for centreline distances, m. Briggs fits are not valid beyond about 10 km. */
export const DEFAULT_MAX_DISTANCE = 100_000 as Metres;

/**
 * Where along the plume centreline (y = 0, receptor height z) the concentration is at or above `concentration`:
 * the nearest and farthest downwind distances, m (spec/models.md §3.1; used for LFL and toxic end points).
 * A ground-level source gives start = 0; an elevated one reaches the ground only at some distance.
 * @param concentration threshold, kg/m³ (> 0)
 * @param z receptor height, m; default 0
 * @param maxDistance search limit, m; default 100 km (`reachesLimit` tells when the limit was hit)
 */
export function gaussianPlumeCentrelineExtent(
  source: GaussianPlumeSource,
  concentration: KilogramsPerCubicMetre,
  z: Metres = 0 as Metres,
  maxDistance: Metres = DEFAULT_MAX_DISTANCE,
): ThresholdExtent {
  if (!(concentration > 0)) throw new RangeError(`concentration: ${concentration} kg/m³ given, must be > 0`);
  const k = source.releaseRate / (2 * Math.PI * source.windSpeed);
  const { coefficients: c } = source;
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  return thresholdExtent(
    (x) => plume(k, c.sigmaY(x), c.sigmaZ(x), 0, z, h, reflection),
    concentration,
    maxDistance,
  );
}
