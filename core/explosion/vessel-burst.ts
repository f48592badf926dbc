import {
  STANDARD_ATMOSPHERE,
  type CubicMetres,
  type Joules,
  type JoulesPerKilogram,
  type Kilograms,
  type Pascals,
} from '../units/index.ts';
import { TNT_BLAST_ENERGY } from './tnt.ts';

export interface VesselGasInput {
  /** Absolute gas pressure in the vessel at burst, Pa (> ambient). */
  pressure: Pascals;
  /** Gas volume, m³ (> 0). */
  volume: CubicMetres;
  /** Absolute ambient pressure, Pa; default 101325. */
  ambientPressure?: Pascals;
}

function check(input: VesselGasInput): number {
  const p0 = input.ambientPressure ?? STANDARD_ATMOSPHERE;
  if (!(p0 > 0)) throw new RangeError(`ambientPressure must be > 0 Pa, got ${p0}`);
  if (!(input.pressure > p0)) {
    throw new RangeError(`pressure must exceed ambientPressure (${p0} Pa), got ${input.pressure} Pa`);
  }
  if (!(input.volume > 0)) throw new RangeError(`volume must be > 0 m³, got ${input.volume}`);
  return p0;
}

function checkGamma(gamma: number): void {
  if (!(gamma > 1)) throw new RangeError(`gamma must be > 1, got ${gamma}`);
}

/**
 * Brode's burst energy of a gas-filled vessel: the energy to raise the gas from ambient to burst pressure at
 * constant volume, E = (P1 − P0)·V/(γ − 1), J. models.md §6.4 (Brode 1959; Crowl & Louvar, Chemical Process Safety, §6).
 * The largest of the three estimates here; the usual conservative choice.
 * @throws RangeError when P1 ≤ P0, V ≤ 0 or γ ≤ 1
 */
export function brodeEnergy(input: VesselGasInput & { gamma: number }): Joules {
  const p0 = check(input);
  checkGamma(input.gamma);
  return (((input.pressure - p0) * input.volume) / (input.gamma - 1)) as Joules;
}

/**
 * Isentropic-expansion energy of a gas-filled vessel, E = P1·V/(γ − 1)·[1 − (P0/P1)^((γ−1)/γ)], J: the work of
 * the gas expanding adiabatically and reversibly to ambient pressure (Crowl & Louvar, Chemical Process Safety,
 * §6; CCPS guidelines on pressure-vessel bursts). Smaller than Brode's energy.
 * @throws RangeError when P1 ≤ P0, V ≤ 0 or γ ≤ 1
 */
export function isentropicExpansionEnergy(input: VesselGasInput & { gamma: number }): Joules {
  const p0 = check(input);
  checkGamma(input.gamma);
  const g = input.gamma;
  return (((input.pressure * input.volume) / (g - 1)) *
    (1 - Math.pow(p0 / input.pressure, (g - 1) / g))) as Joules;
}

/**
 * Isothermal availability (Crowl) of a gas-filled vessel, E = P1·V·[ln(P1/P0) − (1 − P0/P1)], J: the maximum
 * mechanical energy of the gas expanding isothermally to ambient, less the work done on the atmosphere.
 * models.md §6.4 (Crowl & Louvar, Chemical Process Safety).
 * @throws RangeError when P1 ≤ P0 or V ≤ 0
 */
export function isothermalAvailabilityEnergy(input: VesselGasInput): Joules {
  const p0 = check(input);
  const r = input.pressure / p0;
  return (input.pressure * input.volume * (Math.log(r) - (1 - 1 / r))) as Joules;
}

/**
 * TNT mass equivalent to a vessel's burst energy, W = f·E/E_TNT, kg, to feed the Kingery-Bulmash or
 * Kinney-Graham curves (models.md §6.4). `blastFraction` f is the part of E that goes into the blast wave
 * (≈ 0.4–0.8 per the CCPS BLEVE and pressure-vessel-burst guidelines; default 1, the upper bound).
 * Do not double E for ground reflection when using the Kingery-Bulmash surface-burst curve: the doubling is
 * already in it. With the free-air Kinney-Graham curve a ground-level vessel takes 2E.
 * @param energy burst energy, J (≥ 0)
 * @throws RangeError when energy < 0, blastFraction is outside (0, 1] or tntEnergy ≤ 0
 */
export function vesselBurstTntMass(
  energy: Joules,
  blastFraction = 1,
  tntEnergy: JoulesPerKilogram = TNT_BLAST_ENERGY,
): Kilograms {
  if (!(energy >= 0)) throw new RangeError(`energy must be ≥ 0 J, got ${energy}`);
  if (!(blastFraction > 0 && blastFraction <= 1)) {
    throw new RangeError(`blastFraction must be in (0, 1], got ${blastFraction}`);
  }
  if (!(tntEnergy > 0)) throw new RangeError(`tntEnergy must be > 0 J/kg, got ${tntEnergy}`);
  return ((blastFraction * energy) / tntEnergy) as Kilograms;
}
