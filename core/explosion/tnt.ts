import type { JoulesPerKilogram, Kilograms, Metres } from '../units/index.ts';

/**
 * Blast energy of TNT used to convert a fuel's combustion energy into a TNT mass, J/kg.
 * 4.68 MJ/kg as in HyRAM and the EPA RMP guidance (models.md §6.1); Crowl & Louvar use 4.686 MJ/kg.
 */
export const TNT_BLAST_ENERGY = 4.68e6 as JoulesPerKilogram;

/** Default explosion yield (fraction of the combustion energy that drives the blast): HyRAM's 0.03. */
export const DEFAULT_TNT_YIELD = 0.03;

export interface TntEquivalentInput {
  /** Flammable mass taking part in the explosion, kg (> 0). */
  mass: Kilograms;
  /** Heat of combustion of the fuel, J/kg (> 0). */
  heatOfCombustion: JoulesPerKilogram;
  /** Explosion yield η, 0 < η ≤ 1; default 0.03 (HyRAM). Typical 0.01–0.10; EPA RMP worst case 0.10. */
  yield?: number;
  /** Blast energy of TNT, J/kg; default 4.68e6. */
  tntEnergy?: JoulesPerKilogram;
}

/**
 * TNT-equivalent mass W_TNT = η·M·ΔHc / E_TNT, kg. models.md §6.1 (HyRAM; CCPS99 §2.2.1; YB §5.1).
 * @throws RangeError when mass, heat of combustion or TNT energy is not positive, or the yield is outside (0, 1].
 */
export function tntEquivalentMass(input: TntEquivalentInput): Kilograms {
  const eta = input.yield ?? DEFAULT_TNT_YIELD;
  const tntEnergy = input.tntEnergy ?? TNT_BLAST_ENERGY;
  if (!(input.mass > 0)) throw new RangeError(`mass must be > 0 kg, got ${input.mass}`);
  if (!(input.heatOfCombustion > 0))
    throw new RangeError(`heatOfCombustion must be > 0 J/kg, got ${input.heatOfCombustion}`);
  if (!(eta > 0 && eta <= 1)) throw new RangeError(`yield must be in (0, 1], got ${eta}`);
  if (!(tntEnergy > 0)) throw new RangeError(`tntEnergy must be > 0 J/kg, got ${tntEnergy}`);
  return ((eta * input.mass * input.heatOfCombustion) / tntEnergy) as Kilograms;
}

/**
 * Hopkinson-Cranz scaled distance Z = R / W^(1/3), m/kg^(1/3). models.md §6.1.
 * @param distance distance from the charge centre, m
 * @param tntMass TNT mass, kg (> 0)
 */
export function hopkinsonScaledDistance(distance: Metres, tntMass: Kilograms): number {
  return distance / Math.cbrt(tntMass);
}

/** Scaled distance at which the EPA RMP guidance puts 1 psi, m/kg^(1/3) (EPA 550-B-99-009 App. C, metric form). */
export const EPA_RMP_ONE_PSI_SCALED_DISTANCE = 17;

/**
 * EPA RMP worst-case vapour-cloud-explosion distance to 1 psi (6.9 kPa):
 * D = 17·[η·W_f·ΔHc_f / ΔHc_TNT]^(1/3) m, with η = 0.1 and ΔHc_TNT = 4.68 MJ/kg
 * (EPA 550-B-99-009 Appendix C; models.md §6.1, confidence "likely").
 * @param fuelMass flammable mass, kg (> 0)
 * @param heatOfCombustion fuel heat of combustion, J/kg (> 0)
 * @param yieldFraction explosion yield; the guidance fixes 0.1 for the worst case
 */
export function epaRmpDistanceToOnePsi(
  fuelMass: Kilograms,
  heatOfCombustion: JoulesPerKilogram,
  yieldFraction = 0.1,
): Metres {
  const w = tntEquivalentMass({ mass: fuelMass, heatOfCombustion, yield: yieldFraction });
  return (EPA_RMP_ONE_PSI_SCALED_DISTANCE * Math.cbrt(w)) as Metres;
}
