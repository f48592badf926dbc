import type { Kelvin, Pascals } from '../units/index.ts';

/**
 * Antoine constants in the form of data/substances.csv: log10(P/Pa) = A − B/(T/K + C), with the
 * temperature range over which the fit was made.
 */
export interface AntoineConstants {
  A: number;
  /** K. */
  B: number;
  /** K (usually negative). */
  C: number;
  /** Lower end of the fitted range, K. */
  Tmin?: Kelvin;
  /** Upper end of the fitted range, K. */
  Tmax?: Kelvin;
}

/**
 * Saturation (vapour) pressure from Antoine constants: P = 10^(A − B/(T + C)) Pa, T in K
 * (Antoine 1888; constants as in Poling, Prausnitz & O'Connell, 5th ed., App. A, converted to Pa and K —
 * the form of data/substances.csv). Outside [Tmin, Tmax] the value is an extrapolation; check with
 * `antoineInRange` and report it.
 * @throws RangeError when T + C ≤ 0 (the fit has a pole there and no meaning below it).
 */
export function antoineVapourPressure(constants: AntoineConstants, temperature: Kelvin): Pascals {
  const shifted = temperature + constants.C;
  if (!(shifted > 0)) {
    throw new RangeError(
      `temperature ${temperature} K is at or below the Antoine pole −C = ${-constants.C} K`,
    );
  }
  return (10 ** (constants.A - constants.B / shifted)) as Pascals;
}

/**
 * Saturation temperature at a pressure, the inverse of `antoineVapourPressure`: T = B/(A − log10 P) − C.
 * With P = 101325 Pa this is the normal boiling point of the fit.
 * @throws RangeError when the pressure is not positive or log10 P ≥ A (no finite temperature).
 */
export function antoineSaturationTemperature(constants: AntoineConstants, pressure: Pascals): Kelvin {
  if (!(pressure > 0)) throw new RangeError(`pressure must be > 0, got ${pressure}`);
  const denominator = constants.A - Math.log10(pressure);
  if (!(denominator > 0)) {
    throw new RangeError(
      `pressure ${pressure} Pa is beyond the Antoine fit (log10 P must be below A = ${constants.A})`,
    );
  }
  return (constants.B / denominator - constants.C) as Kelvin;
}

/** True when T lies inside the fitted range [Tmin, Tmax] (an absent bound does not restrict). */
export function antoineInRange(constants: AntoineConstants, temperature: Kelvin): boolean {
  return (
    (constants.Tmin === undefined || temperature >= constants.Tmin) &&
    (constants.Tmax === undefined || temperature <= constants.Tmax)
  );
}
