import {
  GAS_CONSTANT,
  type Kelvin,
  type KilogramsPerCubicMetre,
  type KilogramsPerMole,
  type Pascals,
  type VolumeFraction,
} from '../units/index.ts';

/**
 * Volume (mole) fraction of a gas in air from its mass concentration, ideal gas: φ = C·R·T/(P·M)
 * (spec/models.md §3.1; ppm = 10⁶·φ, which at 25 °C and 1 atm is C[mg/m³]·24.45/M[g/mol]).
 * @param concentration C, kg/m³; @param molarMass M, kg/mol; @param temperature T, K; @param pressure P, Pa
 */
export function volumeFractionFromConcentration(
  concentration: KilogramsPerCubicMetre,
  molarMass: KilogramsPerMole,
  temperature: Kelvin,
  pressure: Pascals,
): VolumeFraction {
  if (!(molarMass > 0)) throw new RangeError(`molarMass: ${molarMass} kg/mol given, must be > 0`);
  return ((concentration * GAS_CONSTANT * temperature) / (pressure * molarMass)) as VolumeFraction;
}

/** Mass concentration from a volume fraction, kg/m³: C = φ·P·M/(R·T) (inverse of {@link volumeFractionFromConcentration}). */
export function concentrationFromVolumeFraction(
  volumeFraction: VolumeFraction,
  molarMass: KilogramsPerMole,
  temperature: Kelvin,
  pressure: Pascals,
): KilogramsPerCubicMetre {
  if (!(temperature > 0)) throw new RangeError(`temperature: ${temperature} K given, must be > 0`);
  return ((volumeFraction * pressure * molarMass) / (GAS_CONSTANT * temperature)) as KilogramsPerCubicMetre;
}
