import type { JoulesPerKilogram, JoulesPerKilogramKelvin, Kelvin, Probability } from '../units/index.ts';

export interface FlashFractionInput {
  /** Liquid temperature before release (storage or release temperature), K (> 0). */
  temperature: Kelvin;
  /** Normal boiling point (saturation temperature at the ambient pressure), K (> 0). */
  boilingPoint: Kelvin;
  /** Liquid specific heat, J/(kg·K) (> 0), at the release temperature or averaged over [Tb, T]. */
  liquidHeatCapacity: JoulesPerKilogramKelvin;
  /** Latent heat of vaporisation, J/kg (> 0), at the release temperature or averaged. */
  heatOfVaporization: JoulesPerKilogram;
}

export interface FlashFractionResult {
  /** Linear (CCPS99) form f = cp·(T − Tb)/ΔHv, capped at 1; 0 when the liquid is not superheated. */
  flashFraction: Probability;
  /** Integrated form f = 1 − exp(−cp·(T − Tb)/ΔHv); 0 when the liquid is not superheated. */
  flashFractionIntegrated: Probability;
}

/**
 * Mass fraction of a superheated liquid that flashes to vapour on adiabatic depressurisation to ambient
 * pressure (spec/models.md §1.3; CCPS99 "adiabatic flash fraction"):
 * - linear: f_v = cp_L·(T0 − Tb)/ΔHv — the energy balance with the latent heat of the whole mass;
 * - integrated: f_v = 1 − exp(−cp_L·(T0 − Tb)/ΔHv) — the same balance integrated as the liquid cools
 *   (dm/m = −cp·dT/ΔHv), always below the linear value and below 1.
 * A liquid at or below its boiling point does not flash (0). The linear form exceeds 1 for a very large
 * superheat, which has no meaning: it is capped at 1 (all vapour).
 * @throws RangeError naming the parameter when a temperature, cp or ΔHv is not positive.
 */
export function flashFraction(input: FlashFractionInput): FlashFractionResult {
  const { temperature, boilingPoint, liquidHeatCapacity, heatOfVaporization } = input;
  for (const [name, value] of Object.entries(input)) {
    if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
  }
  const superheat = Math.max(0, temperature - boilingPoint);
  const jakob = (liquidHeatCapacity * superheat) / heatOfVaporization;
  return {
    flashFraction: Math.min(1, jakob) as Probability,
    flashFractionIntegrated: -Math.expm1(-jakob) as Probability,
  };
}
