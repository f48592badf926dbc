/**
 * Kingery-Bulmash air-blast parameters of a hemispherical TNT surface burst at sea level, in the simplified
 * polynomial form of M. M. Swisdak Jr., "Simplified Kingery Airblast Calculations", NSWC Indian Head, 1994
 * (DTIC ADA526744), metric coefficients. Each quantity is y = exp(A + B·L + C·L² + D·L³ + E·L⁴ + F·L⁵),
 * L = ln Z, Z = R/W^(1/3) in m/kg^(1/3). Swisdak's fits reproduce the Kingery-Bulmash (1984) tables to about
 * 1 % (models.md §6.1; validation case EXP-KB).
 */

/** One polynomial piece, valid for scaled distances up to `zMax` (inclusive), coefficients A, B, C… */
interface FitPiece {
  readonly zMax: number;
  readonly coefficients: readonly number[];
}

interface Fit {
  readonly zMin: number;
  readonly pieces: readonly FitPiece[];
}

/** Incident (side-on) overpressure, kPa; 0.2 ≤ Z ≤ 198.5 (Swisdak 1994 Table; models.md §6.1). */
const INCIDENT_PRESSURE_KPA: Fit = {
  zMin: 0.2,
  pieces: [
    { zMax: 2.9, coefficients: [7.2106, -2.1069, -0.3229, 0.1117, 0.0685] },
    { zMax: 23.8, coefficients: [7.5938, -3.0523, 0.40977, 0.0261, -0.01267] },
    { zMax: 198.5, coefficients: [6.0536, -1.4066] },
  ],
};

/** Scaled incident impulse, kPa·ms/kg^(1/3); 0.2 ≤ Z ≤ 158.7 (Swisdak 1994). */
const SCALED_IMPULSE_KPA_MS: Fit = {
  zMin: 0.2,
  pieces: [
    { zMax: 0.96, coefficients: [5.522, 1.117, 0.6, -0.292, -0.087] },
    { zMax: 2.38, coefficients: [5.465, -0.308, -1.464, 1.362, -0.432] },
    { zMax: 33.7, coefficients: [5.2749, -0.4677, -0.2499, 0.0588, -0.00554] },
    { zMax: 158.7, coefficients: [5.9825, -1.062] },
  ],
};

/** Scaled time of arrival, ms/kg^(1/3); 0.06 ≤ Z ≤ 40 (Swisdak 1994). */
const SCALED_ARRIVAL_MS: Fit = {
  zMin: 0.06,
  pieces: [
    { zMax: 1.5, coefficients: [-0.7604, 1.8058, 0.1257, -0.0437, -0.031, -0.00669] },
    { zMax: 40, coefficients: [-0.7137, 1.5732, 0.5561, -0.4213, 0.1054, -0.00929] },
  ],
};

/** Scaled positive-phase duration, ms/kg^(1/3); 0.2 ≤ Z ≤ 40 (Swisdak 1994). */
const SCALED_DURATION_MS: Fit = {
  zMin: 0.2,
  pieces: [
    { zMax: 1.02, coefficients: [0.5426, 3.2299, -1.5931, -5.9667, -4.0815, -0.9149] },
    { zMax: 2.8, coefficients: [0.544, 2.7082, -9.7354, 14.3425, -9.7791, 2.8535] },
    { zMax: 40, coefficients: [-2.4608, 7.1639, -5.6215, 2.2711, -0.44994, 0.03486] },
  ],
};

/** Validity range of the incident-overpressure fit, m/kg^(1/3) (Swisdak 1994). */
export const KINGERY_BULMASH_RANGE = { min: 0.2, max: 198.5 } as const;

function evaluatePiece(coefficients: readonly number[], lnZ: number): number {
  let sum = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) sum = sum * lnZ + coefficients[k]!;
  return Math.exp(sum);
}

/** The fit at z, or NaN outside its range. */
function evaluateFit(fit: Fit, z: number): number {
  if (!(z >= fit.zMin)) return Number.NaN;
  for (const piece of fit.pieces) {
    if (z <= piece.zMax) return evaluatePiece(piece.coefficients, Math.log(z));
  }
  return Number.NaN;
}

function lastPiece(fit: Fit): FitPiece {
  return fit.pieces[fit.pieces.length - 1]!;
}

export interface KingeryBulmashResult {
  /** Peak incident (side-on) overpressure, Pa. */
  overpressure: number;
  /** Incident positive impulse divided by W^(1/3), Pa·s/kg^(1/3); absent where Z > 158.7. */
  scaledImpulse?: number;
  /** Time of arrival divided by W^(1/3), s/kg^(1/3); absent where Z > 40. */
  scaledArrivalTime?: number;
  /** Positive-phase duration divided by W^(1/3), s/kg^(1/3); absent where Z > 40. */
  scaledPositivePhaseDuration?: number;
}

/**
 * Kingery-Bulmash blast parameters of a hemispherical TNT surface burst at standard sea-level conditions,
 * Swisdak (1994) fits. Quantities whose fit does not reach Z are left out.
 * @param scaledDistance Z = R/W^(1/3), m/kg^(1/3), valid 0.2–198.5
 * @throws RangeError naming `scaledDistance` and the valid range when Z is outside it
 */
export function kingeryBulmash(scaledDistance: number): KingeryBulmashResult {
  const z = scaledDistance;
  if (!(z >= KINGERY_BULMASH_RANGE.min && z <= KINGERY_BULMASH_RANGE.max)) {
    throw new RangeError(
      `scaledDistance ${z} m/kg^(1/3) is outside the Kingery-Bulmash fit range ` +
        `${KINGERY_BULMASH_RANGE.min}–${KINGERY_BULMASH_RANGE.max} m/kg^(1/3)`,
    );
  }
  const result: KingeryBulmashResult = { overpressure: evaluateFit(INCIDENT_PRESSURE_KPA, z) * 1e3 };
  const impulse = evaluateFit(SCALED_IMPULSE_KPA_MS, z);
  if (Number.isFinite(impulse)) result.scaledImpulse = impulse; // kPa·ms = Pa·s
  const arrival = evaluateFit(SCALED_ARRIVAL_MS, z);
  if (Number.isFinite(arrival)) result.scaledArrivalTime = arrival * 1e-3;
  const duration = evaluateFit(SCALED_DURATION_MS, z);
  if (Number.isFinite(duration)) result.scaledPositivePhaseDuration = duration * 1e-3;
  return result;
}

/**
 * Incident overpressure of the Swisdak (1994) Kingery-Bulmash fit at standard sea level, Pa, for the risk
 * engine: never throws and never allocates. Outside the fit range the curve is extended on purpose:
 * below Z = 0.2 it is held at its Z = 0.2 value (≈ 17 MPa, far above every lethality threshold, so the
 * hold cannot change a verdict); beyond Z = 198.5 the last piece, a pure power law P ∝ Z^-1.4066, is continued.
 * @param scaledDistance Z = R/W^(1/3), m/kg^(1/3) (> 0)
 */
export function kingeryBulmashOverpressure(scaledDistance: number): number {
  const z = scaledDistance < KINGERY_BULMASH_RANGE.min ? KINGERY_BULMASH_RANGE.min : scaledDistance;
  if (z > KINGERY_BULMASH_RANGE.max) {
    return evaluatePiece(lastPiece(INCIDENT_PRESSURE_KPA).coefficients, Math.log(z)) * 1e3;
  }
  return evaluateFit(INCIDENT_PRESSURE_KPA, z) * 1e3;
}

/** Largest overpressure the extended curve gives (its value at Z = 0.2), Pa. */
export const KINGERY_BULMASH_MAX_OVERPRESSURE = kingeryBulmashOverpressure(KINGERY_BULMASH_RANGE.min);

/**
 * Inverse of `kingeryBulmashOverpressure`: the largest scaled distance at which the incident overpressure is
 * still at least `overpressure`, m/kg^(1/3). Allocation-free. The fit's pieces do not join exactly: at
 * Z = 23.8 the curve steps up by 0.7 % (a threshold inside that step is still reached a little beyond the
 * joint, on the far piece), at Z = 2.9 it steps down by 0.04 % (a threshold inside that step is met at the
 * joint itself).
 * @param overpressure threshold, Pa (0 < p ≤ KINGERY_BULMASH_MAX_OVERPRESSURE)
 * @throws RangeError naming `overpressure` when it is not positive or above the fit's largest value
 */
export function kingeryBulmashScaledDistance(overpressure: number): number {
  if (!(overpressure > 0 && overpressure <= KINGERY_BULMASH_MAX_OVERPRESSURE)) {
    throw new RangeError(
      `overpressure ${overpressure} Pa is outside the Kingery-Bulmash range ` +
        `(0, ${KINGERY_BULMASH_MAX_OVERPRESSURE.toFixed(0)}] Pa`,
    );
  }
  const pKpa = overpressure * 1e-3;
  const pieces = INCIDENT_PRESSURE_KPA.pieces;
  // The far piece is a power law: invert it in closed form.
  const far = lastPiece(INCIDENT_PRESSURE_KPA).coefficients;
  const farZ = Math.exp((Math.log(pKpa) - far[0]!) / far[1]!);
  const farStart = pieces[pieces.length - 2]!.zMax;
  if (farZ > farStart) return farZ;
  for (let k = pieces.length - 2; k >= 0; k--) {
    const piece = pieces[k]!;
    const zLow = k === 0 ? INCIDENT_PRESSURE_KPA.zMin : pieces[k - 1]!.zMax;
    const pAtLow = evaluatePiece(piece.coefficients, Math.log(zLow));
    const pAtHigh = evaluatePiece(piece.coefficients, Math.log(piece.zMax));
    if (pKpa < pAtHigh) return piece.zMax;
    if (pKpa <= pAtLow) return bisectPiece(piece.coefficients, zLow, piece.zMax, pKpa);
  }
  return INCIDENT_PRESSURE_KPA.zMin;
}

/** Bisection in ln Z on one monotone decreasing piece; 60 halvings reach double precision. */
function bisectPiece(coefficients: readonly number[], zLow: number, zHigh: number, pKpa: number): number {
  let lo = Math.log(zLow);
  let hi = Math.log(zHigh);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (evaluatePiece(coefficients, mid) >= pKpa) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}
