import type {
  JoulesPerKilogram,
  JoulesPerKilogramKelvin,
  Kelvin,
  KilogramsPerCubicMetre,
  KilogramsPerSecond,
  KilogramsPerSquareMetreSecond,
  Metres,
  Pascals,
} from '../units/index.ts';

export interface TwoPhaseDischargeInput {
  /** Hole (pipe outlet) diameter, m (> 0). */
  holeDiameter: Metres;
  /** Absolute stagnation pressure upstream, Pa (> 0). */
  pressure: Pascals;
  /** Liquid temperature upstream, K (> 0). */
  temperature: Kelvin;
  /**
   * Vapour pressure of the liquid at `temperature`, Pa. Omit for a saturated liquid (Psat = pressure);
   * give it below `pressure` for a sub-cooled (padded or pumped) liquid.
   */
  saturationPressure?: Pascals;
  /** Latent heat of vaporisation at `temperature`, J/kg (> 0). */
  heatOfVaporization: JoulesPerKilogram;
  /** Saturated liquid density at `temperature`, kg/m³. */
  liquidDensity: KilogramsPerCubicMetre;
  /** Saturated vapour density at `temperature`, kg/m³ (ideal gas P·M/(R·T) is usually close enough). */
  vapourDensity: KilogramsPerCubicMetre;
  /** Liquid specific heat, J/(kg·K) (> 0). */
  liquidHeatCapacity: JoulesPerKilogramKelvin;
  /** Discharge coefficient; default 0.62 (as for liquid through a sharp-edged hole). */
  dischargeCoefficient?: number;
}

export interface TwoPhaseDischargeResult {
  /** Mass flow rate, kg/s: Cd·A·G. */
  massRate: KilogramsPerSecond;
  /** Mass flux G through the outlet before Cd, kg/(m²·s). */
  massFlux: KilogramsPerSquareMetreSecond;
  /** Equilibrium-rate-model flux G_ERM of the saturated part, kg/(m²·s). */
  equilibriumMassFlux: KilogramsPerSquareMetreSecond;
  /** True when the liquid is sub-cooled (saturationPressure < pressure). */
  subcooled: boolean;
}

/**
 * Flashing (two-phase) outflow of a liquefied gas through a pipe longer than about 0.1 m, where liquid and
 * vapour reach equilibrium before the outlet (spec/models.md §1.3, Fauske's equilibrium rate model as in
 * CCPS99):
 * - saturated liquid: G_ERM = ΔHv / v_fg · √(1/(cp·T0)), v_fg = 1/ρ_v − 1/ρ_L;
 * - sub-cooled liquid: G² = 2·ρ_L·(P0 − Psat) + G_ERM² (Fauske);
 * - q = Cd·A·G.
 * By the Clapeyron equation G_ERM = (dPsat/dT)·√(T0/cp): the flux is set by how fast the saturation
 * pressure falls as the liquid cools by flashing.
 *
 * Not for holes in a vessel wall or pipes shorter than ~0.1 m: there the liquid has no time to flash and
 * `dischargeLiquid` (Bernoulli with the saturated liquid) applies, with the flash outside (models.md §1.1).
 * @throws RangeError naming the parameter for non-positive properties, ρ_v ≥ ρ_L (above the critical point),
 * or a saturation pressure above the stagnation pressure (the liquid would already be boiling).
 */
export function dischargeTwoPhase(input: TwoPhaseDischargeInput): TwoPhaseDischargeResult {
  const { holeDiameter, pressure, temperature, heatOfVaporization, liquidDensity, vapourDensity } = input;
  const cp = input.liquidHeatCapacity;
  const cd = input.dischargeCoefficient ?? 0.62;
  const saturationPressure = input.saturationPressure ?? pressure;
  const positive: Record<string, number> = {
    holeDiameter,
    pressure,
    temperature,
    saturationPressure,
    heatOfVaporization,
    liquidDensity,
    vapourDensity,
    liquidHeatCapacity: cp,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
  }
  if (!(cd > 0 && cd <= 1)) throw new RangeError(`dischargeCoefficient must be in (0, 1], got ${cd}`);
  if (vapourDensity >= liquidDensity) {
    throw new RangeError(
      `vapourDensity (${vapourDensity}) must be below liquidDensity (${liquidDensity}): no phase change above the critical point`,
    );
  }
  if (saturationPressure > pressure) {
    throw new RangeError(
      `saturationPressure (${saturationPressure} Pa) must not exceed pressure (${pressure} Pa): the liquid would be boiling upstream`,
    );
  }

  const specificVolumeChange = 1 / vapourDensity - 1 / liquidDensity;
  const equilibriumFlux = (heatOfVaporization / specificVolumeChange) * Math.sqrt(1 / (cp * temperature));
  const subcooling = pressure - saturationPressure;
  const massFlux = Math.sqrt(2 * liquidDensity * subcooling + equilibriumFlux ** 2);
  const area = (Math.PI * holeDiameter ** 2) / 4;
  return {
    massRate: (cd * area * massFlux) as KilogramsPerSecond,
    massFlux: massFlux as KilogramsPerSquareMetreSecond,
    equilibriumMassFlux: equilibriumFlux as KilogramsPerSquareMetreSecond,
    subcooled: subcooling > 0,
  };
}
