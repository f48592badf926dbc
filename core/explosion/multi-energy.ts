import {
  STANDARD_ATMOSPHERE,
  type CubicMetres,
  type Joules,
  type Metres,
  type MetresPerSecond,
  type PascalSeconds,
  type Pascals,
  type Seconds,
} from '../units/index.ts';

/**
 * Combustion energy per unit volume of a stoichiometric hydrocarbon-air mixture used by the TNO Multi-Energy
 * method, J/m³ (YB §5.5; AQ/T 3046 E.60–E.62; models.md §6.2).
 */
export const MULTI_ENERGY_DENSITY = 3.5e6;

/**
 * Charge energy of an obstructed region for the Multi-Energy method, E = 3.5 MJ/m³ × V, J (models.md §6.2).
 * @param volume volume of stoichiometric mixture in the obstructed region, m³ (> 0)
 * @throws RangeError when the volume is not positive
 */
export function multiEnergyChargeEnergy(volume: CubicMetres): Joules {
  if (!(volume > 0)) throw new RangeError(`volume must be > 0 m³, got ${volume}`);
  return (MULTI_ENERGY_DENSITY * volume) as Joules;
}

/**
 * Source (initial) overpressure of Multi-Energy charge strengths 1–10, as a fraction of P0:
 * 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5 and 10 (strength 10 = detonation, "≥ 10").
 * models.md §6.2 (van den Berg 1985; YB Fig. 5.x), confidence "likely".
 * @param strength integer 1–10
 * @throws RangeError naming `strength` when it is not an integer in 1–10
 */
export function multiEnergySourceOverpressureRatio(strength: number): number {
  const ratio = SOURCE_OVERPRESSURE_RATIO[strength - 1];
  if (!Number.isInteger(strength) || ratio === undefined) {
    throw new RangeError(`strength must be an integer 1–10, got ${strength}`);
  }
  return ratio;
}

const SOURCE_OVERPRESSURE_RATIO: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

/** Checks E, P0 and returns the Sachs length (E/P0)^(1/3), m. */
function sachsLength(energy: number, ambientPressure: number): number {
  if (!(energy > 0)) throw new RangeError(`energy must be > 0 J, got ${energy}`);
  if (!(ambientPressure > 0)) throw new RangeError(`ambientPressure must be > 0 Pa, got ${ambientPressure}`);
  return Math.cbrt(energy / ambientPressure);
}

function checkSoundSpeed(soundSpeed: number): void {
  if (!(soundSpeed > 0)) throw new RangeError(`soundSpeed must be > 0 m/s, got ${soundSpeed}`);
}

/**
 * Sachs-scaled distance R̄ = R/(E/P0)^(1/3), dimensionless (models.md §6.2 and §6.3; used by the Multi-Energy
 * and Baker-Strehlow-Tang methods).
 * @param distance R, m (≥ 0)
 * @param energy charge energy E, J (> 0)
 * @param ambientPressure P0, Pa (> 0); default 101325
 */
export function sachsScaledDistance(
  distance: Metres,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): number {
  return distance / sachsLength(energy, ambientPressure);
}

/**
 * Distance from a Sachs-scaled distance, R = R̄·(E/P0)^(1/3), m (models.md §6.2).
 */
export function sachsDistance(
  scaledDistance: number,
  energy: Joules,
  ambientPressure: Pascals = STANDARD_ATMOSPHERE,
): Metres {
  return (scaledDistance * sachsLength(energy, ambientPressure)) as Metres;
}

/**
 * Positive impulse from a Sachs-scaled impulse, i = ī·E^(1/3)·P0^(2/3)/c0, Pa·s (models.md §6.2 and §6.3).
 * @param scaledImpulse ī, dimensionless
 * @param energy E, J (> 0)
 * @param ambientPressure P0, Pa (> 0)
 * @param soundSpeed c0, m/s (> 0)
 */
export function sachsImpulse(
  scaledImpulse: number,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): PascalSeconds {
  checkSoundSpeed(soundSpeed);
  return ((scaledImpulse * sachsLength(energy, ambientPressure) * ambientPressure) /
    soundSpeed) as PascalSeconds;
}

/**
 * Sachs-scaled impulse from a positive impulse, ī = i·c0/(E^(1/3)·P0^(2/3)) (models.md §6.3), the inverse of
 * `sachsImpulse`.
 */
export function sachsScaledImpulse(
  impulse: PascalSeconds,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): number {
  checkSoundSpeed(soundSpeed);
  return (impulse * soundSpeed) / (sachsLength(energy, ambientPressure) * ambientPressure);
}

/**
 * Positive-phase duration from a Sachs-scaled duration, t+ = t̄·(E/P0)^(1/3)/c0, s (models.md §6.2).
 */
export function sachsDuration(
  scaledDuration: number,
  energy: Joules,
  ambientPressure: Pascals,
  soundSpeed: MetresPerSecond,
): Seconds {
  checkSoundSpeed(soundSpeed);
  return ((scaledDuration * sachsLength(energy, ambientPressure)) / soundSpeed) as Seconds;
}
