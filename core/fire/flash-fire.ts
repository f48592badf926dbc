import type { Metres, Probability, SquareMetres } from '../units/index.ts';

/**
 * The lethal zone of a flash fire: the flammable cloud at the moment of ignition, bounded by the lower
 * flammability limit (LFL). Purple Book (CPR 18E) §5.2 and Figure 5.3; AQ/T 3046-2013 §10.4.1: a person
 * inside the LFL envelope dies (P = 1, indoors and outdoors), outside it the flash fire does no harm (P = 0).
 *
 * The envelope is described in the wind frame (x downwind from the source, y crosswind) by its half-width
 * at stations along x, as a dispersion model gives it; between stations the half-width is interpolated
 * linearly, beyond the first and last stations it is 0.
 */
export interface LflEnvelope {
  /** Downwind stations x_i, m, strictly increasing (may start upwind, x < 0). */
  x: Float64Array;
  /** Half-width of the LFL contour at x_i, m (≥ 0). */
  halfWidth: Float64Array;
}

/**
 * The flash-fire rule on a concentration: lethality 1 where the concentration at ignition reaches the LFL,
 * else 0 (Purple Book Fig. 5.3; AQ/T 3046 §10.4.1). Both in the same unit (e.g. volume fraction).
 */
export function flashFireLethality(concentration: number, lowerFlammabilityLimit: number): Probability {
  if (!(lowerFlammabilityLimit > 0))
    throw new RangeError(`lowerFlammabilityLimit must be > 0, got ${lowerFlammabilityLimit}`);
  return (concentration >= lowerFlammabilityLimit ? 1 : 0) as Probability;
}

/**
 * Builds an envelope from sampled stations, checking them.
 * @throws RangeError if lengths differ, fewer than 2 stations, x not increasing or a half-width < 0.
 */
export function lflEnvelope(x: Float64Array, halfWidth: Float64Array): LflEnvelope {
  if (x.length !== halfWidth.length) throw new RangeError('x and halfWidth must have the same length');
  if (x.length < 2) throw new RangeError('an LFL envelope needs at least 2 stations');
  for (let i = 0; i < x.length; i++) {
    if (!(halfWidth[i]! >= 0)) throw new RangeError(`halfWidth[${i}] must be ≥ 0, got ${halfWidth[i]}`);
    if (i > 0 && !(x[i]! > x[i - 1]!)) throw new RangeError(`x must increase strictly (x[${i}] = ${x[i]})`);
  }
  return { x, halfWidth };
}

/**
 * An elliptical envelope from the three distances a simple model gives (upwind extent, downwind distance to
 * LFL, largest half-width), with `stations` samples. An approximation of the cloud shape, not a dispersion
 * result: use the sampled contour of the dispersion model where there is one.
 * @param upwindExtent m (≥ 0) behind the source; downwindExtent m (> 0); maxHalfWidth m (> 0)
 */
export function ellipticLflEnvelope(
  upwindExtent: Metres,
  downwindExtent: Metres,
  maxHalfWidth: Metres,
  stations = 65,
): LflEnvelope {
  if (!(upwindExtent >= 0)) throw new RangeError(`upwindExtent must be ≥ 0 m, got ${upwindExtent}`);
  if (!(downwindExtent > 0)) throw new RangeError(`downwindExtent must be > 0 m, got ${downwindExtent}`);
  if (!(maxHalfWidth > 0)) throw new RangeError(`maxHalfWidth must be > 0 m, got ${maxHalfWidth}`);
  if (!(Number.isInteger(stations) && stations >= 3)) throw new RangeError('stations must be an integer ≥ 3');
  const centre = (downwindExtent - upwindExtent) / 2;
  const semiAxis = (downwindExtent + upwindExtent) / 2;
  const x = new Float64Array(stations);
  const w = new Float64Array(stations);
  for (let i = 0; i < stations; i++) {
    // Cosine spacing puts more stations near the ends, where the ellipse turns fastest.
    const t = -Math.cos((Math.PI * i) / (stations - 1));
    x[i] = centre + semiAxis * t;
    w[i] = maxHalfWidth * Math.sqrt(Math.max(0, 1 - t * t));
  }
  return { x, halfWidth: w };
}

/** Half-width of the envelope at downwind distance x, m (0 outside it). */
export function lflHalfWidthAt(envelope: LflEnvelope, x: number): number {
  const xs = envelope.x;
  const n = xs.length;
  if (x < xs[0]! || x > xs[n - 1]!) return 0;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[hi]!;
  const w0 = envelope.halfWidth[lo]!;
  const w1 = envelope.halfWidth[hi]!;
  return w0 + ((w1 - w0) * (x - x0)) / (x1 - x0);
}

/** Flash-fire lethality at a point (x downwind, y crosswind, m): 1 inside the LFL envelope, else 0. */
export function flashFireLethalityAt(envelope: LflEnvelope, x: number, y: number): Probability {
  const xs = envelope.x;
  if (x < xs[0]! || x > xs[xs.length - 1]!) return 0 as Probability;
  return (Math.abs(y) <= lflHalfWidthAt(envelope, x) ? 1 : 0) as Probability;
}

/** Area of the lethal zone, m² (trapezoidal rule over the stations: exact for the piecewise-linear contour). */
export function lflEnvelopeArea(envelope: LflEnvelope): SquareMetres {
  let area = 0;
  for (let i = 1; i < envelope.x.length; i++) {
    area += (envelope.x[i]! - envelope.x[i - 1]!) * (envelope.halfWidth[i]! + envelope.halfWidth[i - 1]!);
  }
  return area as SquareMetres;
}

/**
 * Flash-fire lethality along a ray from the source, for the risk engine's polar grid: fills `out[i]` with
 * 1 or 0 at distance `distances[i]` (m) on the bearing `bearing` (rad, 0 = downwind). No allocation per point.
 */
export function flashFireLethalityProfile(
  envelope: LflEnvelope,
  bearing: number,
  distances: Float64Array,
  out: Float64Array,
): void {
  if (out.length < distances.length) throw new RangeError('out must be at least as long as distances');
  const cos = Math.cos(bearing);
  const sin = Math.sin(bearing);
  for (let i = 0; i < distances.length; i++) {
    const d = distances[i]!;
    out[i] = flashFireLethalityAt(envelope, d * cos, d * sin);
  }
}
