import type { Kilograms, KilogramsPerCubicMetre, Metres, MetresPerSecond, Seconds } from '../units/index.ts';
import { DEFAULT_MAX_DISTANCE } from './gaussian-plume.ts';
import { thresholdExtent, type ThresholdExtent } from './numeric.ts';
import type { PuffDispersionCoefficients } from './sigmas.ts';

/** An instantaneous point release carried by a uniform wind, dispersed passively. */
export interface GaussianPuffSource {
  /** M, mass released, kg (> 0). */
  mass: Kilograms;
  /** u, wind speed, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** h, release height, m; default 0. */
  releaseHeight?: Metres;
  /** σx, σy, σz as functions of the distance travelled by the puff centre, e.g. {@link ccpsPuffCoefficients}. */
  coefficients: PuffDispersionCoefficients;
  /** Image source below the ground; default true. */
  groundReflection?: boolean;
}

// (2π)^(3/2)
const TWO_PI_POW_1_5 = (2 * Math.PI) ** 1.5;

function puff(
  m: number,
  sx: number,
  sy: number,
  sz: number,
  dx: number,
  y: number,
  z: number,
  h: number,
  reflection: boolean,
): KilogramsPerCubicMetre {
  if (!(sx > 0 && sy > 0 && sz > 0)) return 0 as KilogramsPerCubicMetre;
  const s = 2 * sz * sz;
  const direct = Math.exp(-((z - h) * (z - h)) / s);
  const vertical = reflection ? direct + Math.exp(-((z + h) * (z + h)) / s) : direct;
  return ((m / (TWO_PI_POW_1_5 * sx * sy * sz)) *
    Math.exp(-(dx * dx) / (2 * sx * sx) - (y * y) / (2 * sy * sy)) *
    vertical) as KilogramsPerCubicMetre;
}

/**
 * Gaussian puff concentration at (x, y, z) and time t after the release, kg/m³, with ground reflection:
 * C = M/((2π)^(3/2)·σx·σy·σz)·exp(−(x−u·t)²/2σx²)·exp(−y²/2σy²)·[exp(−(z−h)²/2σz²) + exp(−(z+h)²/2σz²)],
 * σ evaluated at the distance travelled by the centre, u·t (CCPS99 Gaussian puff; spec/models.md §3.2).
 * A ground release seen at the puff centre gives M/(√2·π^(3/2)·σx·σy·σz). Zero for t ≤ 0.
 * @param x downwind distance from the release point, m; y crosswind, m; z height, m (≥ 0)
 * @param t time since the release, s
 */
export function gaussianPuffConcentration(
  source: GaussianPuffSource,
  x: Metres,
  y: Metres,
  z: Metres,
  t: Seconds,
): KilogramsPerCubicMetre {
  if (!(t > 0)) return 0 as KilogramsPerCubicMetre;
  const travelled = source.windSpeed * t;
  const c = source.coefficients;
  return puff(
    source.mass,
    c.sigmaX(travelled),
    c.sigmaY(travelled),
    c.sigmaZ(travelled),
    x - travelled,
    y,
    z,
    source.releaseHeight ?? 0,
    source.groundReflection ?? true,
  );
}

/**
 * Concentration as the puff centre passes, kg/m³: C(x, y, z) at t = x/u (spec/models.md §3.2). This is the
 * CCPS convention for the peak at a receptor. The true maximum over time comes slightly earlier, because σ still
 * grows while the puff approaches; with the CCPS coefficients it is higher by about 0.05 % (class F), 0.5 % (D)
 * and 4–6 % (A) between 30 m and 1 km.
 * Zero for x ≤ 0.
 */
export function gaussianPuffPassingConcentration(
  source: GaussianPuffSource,
  x: Metres,
  y: Metres,
  z: Metres,
): KilogramsPerCubicMetre {
  if (!(x > 0)) return 0 as KilogramsPerCubicMetre;
  const c = source.coefficients;
  const h = source.releaseHeight ?? 0;
  return puff(
    source.mass,
    c.sigmaX(x),
    c.sigmaY(x),
    c.sigmaZ(x),
    0,
    y,
    z,
    h,
    source.groundReflection ?? true,
  );
}

/**
 * Snapshot of the puff at time t on a rectangular wind-frame grid at height z:
 * out[i·ys.length + j] = C(xs[i], ys[j], z, t), kg/m³ (spec/models.md §3.2). No allocation.
 * @throws RangeError when `out` is shorter than xs.length·ys.length
 */
export function gaussianPuffGrid(
  source: GaussianPuffSource,
  t: Seconds,
  xs: Float64Array,
  ys: Float64Array,
  z: Metres,
  out: Float64Array,
): void {
  const nx = xs.length;
  const ny = ys.length;
  if (out.length < nx * ny) throw new RangeError(`out: length ${out.length}, needs ${nx * ny}`);
  const travelled = source.windSpeed * t;
  const c = source.coefficients;
  const sx = t > 0 ? c.sigmaX(travelled) : 0;
  const sy = t > 0 ? c.sigmaY(travelled) : 0;
  const sz = t > 0 ? c.sigmaZ(travelled) : 0;
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  if (!(sx > 0 && sy > 0 && sz > 0)) {
    out.fill(0, 0, nx * ny);
    return;
  }
  // Separable: C = centre·fx(x)·fy(y); the peak value holds the vertical term.
  const centre = puff(source.mass, sx, sy, sz, 0, 0, z, h, reflection);
  const invX = -1 / (2 * sx * sx);
  const invY = -1 / (2 * sy * sy);
  for (let i = 0; i < nx; i++) {
    const dx = xs[i]! - travelled;
    const rowValue = centre * Math.exp(invX * dx * dx);
    const row = i * ny;
    for (let j = 0; j < ny; j++) {
      const y = ys[j]!;
      out[row + j] = rowValue * Math.exp(invY * y * y);
    }
  }
}

/**
 * Where along the centreline (y = 0, height z) the passing-puff concentration
 * ({@link gaussianPuffPassingConcentration}) is at or above `concentration`: nearest and farthest distances, m.
 * @param concentration threshold, kg/m³ (> 0)
 * @param maxDistance search limit, m; default 100 km
 */
export function gaussianPuffCentrelineExtent(
  source: GaussianPuffSource,
  concentration: KilogramsPerCubicMetre,
  z: Metres = 0 as Metres,
  maxDistance: Metres = DEFAULT_MAX_DISTANCE,
): ThresholdExtent {
  if (!(concentration > 0)) throw new RangeError(`concentration: ${concentration} kg/m³ given, must be > 0`);
  const c = source.coefficients;
  const h = source.releaseHeight ?? 0;
  const reflection = source.groundReflection ?? true;
  return thresholdExtent(
    (x) => puff(source.mass, c.sigmaX(x), c.sigmaY(x), c.sigmaZ(x), 0, 0, z, h, reflection),
    concentration,
    maxDistance,
  );
}
