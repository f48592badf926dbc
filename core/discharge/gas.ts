import {
  GAS_CONSTANT,
  STANDARD_ATMOSPHERE,
  type Kelvin,
  type KilogramsPerCubicMetre,
  type KilogramsPerMole,
  type KilogramsPerSecond,
  type Metres,
  type MetresPerSecond,
  type Pascals,
} from '../units/index.ts';

export interface GasDischargeInput {
  /** Hole diameter, m (> 0). */
  holeDiameter: Metres;
  /** Absolute stagnation pressure upstream of the hole, Pa (> 0). */
  pressure: Pascals;
  /** Stagnation temperature upstream of the hole, K (> 0). */
  temperature: Kelvin;
  /** Molar mass of the gas, kg/mol (> 0). */
  molarMass: KilogramsPerMole;
  /** Ratio of specific heats cp/cv (> 1). */
  gamma: number;
  /** Discharge coefficient; default 0.62 (sharp-edged hole as in YB; 0.85–1.0 for rounded holes or nozzles). */
  dischargeCoefficient?: number;
  /** Absolute pressure outside the hole, Pa; default 101325. */
  ambientPressure?: Pascals;
}

export interface GasDischargeResult {
  /** Mass flow rate out of the hole, kg/s. */
  massRate: KilogramsPerSecond;
  /** True when the flow is sonic at the hole (P0/Pa at or above the critical ratio). */
  choked: boolean;
  /** Outflow coefficient ψ (YB eqs. 2.22–2.26): 1 when choked, < 1 sub-critical, 0 with no pressure difference. */
  psi: number;
  /** Critical pressure ratio P0/Pa = ((γ+1)/2)^(γ/(γ−1)) at and above which the flow is choked. */
  criticalPressureRatio: number;
  /** Upstream gas density ρ0 = P0·M/(R·T0), kg/m³ (ideal gas). */
  upstreamDensity: KilogramsPerCubicMetre;
  /** Static pressure in the hole (throat), Pa: P0·(2/(γ+1))^(γ/(γ−1)) when choked, else Pa. */
  throatPressure: Pascals;
  /** Static temperature in the throat, K (isentropic from the stagnation state). */
  throatTemperature: Kelvin;
  /** Gas density in the throat, kg/m³ (isentropic). */
  throatDensity: KilogramsPerCubicMetre;
  /** Isentropic gas velocity in the throat, m/s (speed of sound when choked). */
  throatVelocity: MetresPerSecond;
  /**
   * Effective velocity in the hole including Cd, m/s: massRate/(ρ_throat·A) = Cd·throatVelocity.
   * GasDispersion.jl, reproducing CCPS99 p.47, reports this one as the "exit velocity".
   */
  exitVelocity: MetresPerSecond;
}

/**
 * Adiabatic (isentropic) ideal-gas outflow through a hole, choked or sub-critical.
 *
 * YB (2005) eqs. 2.22–2.26 (spec/models.md §1.2):
 * - q = Cd·A·ψ·√(ρ0·P0·γ·(2/(γ+1))^((γ+1)/(γ−1))), ρ0 = P0·M/(R·T0);
 * - choked when P0/Pa ≥ ((γ+1)/2)^(γ/(γ−1)), then ψ = 1;
 * - sub-critical: ψ² = 2/(γ−1)·((γ+1)/2)^((γ+1)/(γ−1))·(Pa/P0)^(2/γ)·(1 − (Pa/P0)^((γ−1)/γ));
 * - choked throat: P* = P0·(2/(γ+1))^(γ/(γ−1)), T* = T0·2/(γ+1), u* = √(γ·R·T* / M).
 * The same formula is in CCPS99 (worked example p.47) and AQ/T 3046 (other notation, standards.md §3).
 *
 * Sub-critical throat state: pressure Pa, temperature T0·(Pa/P0)^((γ−1)/γ) and the velocity from the
 * energy balance u = √(2·cp·(T0 − T)), cp = γR/((γ−1)M); the same balance gives u* when choked.
 * With no pressure difference (Pa ≥ P0) there is no outflow: q = 0 and the throat is at the stagnation state.
 *
 * Steady flow from the stagnation state: for vessel blowdown the caller integrates dm/dt = −q.
 * @throws RangeError naming the parameter when γ ≤ 1 or a diameter, pressure, temperature or molar mass is
 * not positive (the formula has no meaning there).
 */
export function dischargeGas(input: GasDischargeInput): GasDischargeResult {
  const { holeDiameter, pressure: p0, temperature: t0, molarMass, gamma } = input;
  const cd = input.dischargeCoefficient ?? 0.62;
  const pa = input.ambientPressure ?? STANDARD_ATMOSPHERE;
  requirePositive('holeDiameter', holeDiameter);
  requirePositive('pressure', p0);
  requirePositive('temperature', t0);
  requirePositive('molarMass', molarMass);
  requirePositive('ambientPressure', pa);
  if (!(gamma > 1)) throw new RangeError(`gamma must be > 1 (cp/cv of a gas), got ${gamma}`);
  if (!(cd > 0 && cd <= 1)) throw new RangeError(`dischargeCoefficient must be in (0, 1], got ${cd}`);

  const area = (Math.PI * holeDiameter ** 2) / 4;
  const rho0 = (p0 * molarMass) / (GAS_CONSTANT * t0);
  const criticalPressureRatio = ((gamma + 1) / 2) ** (gamma / (gamma - 1));

  if (pa >= p0) {
    return {
      massRate: 0 as KilogramsPerSecond,
      choked: false,
      psi: 0,
      criticalPressureRatio,
      upstreamDensity: rho0 as KilogramsPerCubicMetre,
      throatPressure: p0,
      throatTemperature: t0,
      throatDensity: rho0 as KilogramsPerCubicMetre,
      throatVelocity: 0 as MetresPerSecond,
      exitVelocity: 0 as MetresPerSecond,
    };
  }

  const choked = p0 / pa >= criticalPressureRatio;
  const ambientRatio = pa / p0;
  const psi = choked
    ? 1
    : Math.sqrt(
        (2 / (gamma - 1)) *
          ((gamma + 1) / 2) ** ((gamma + 1) / (gamma - 1)) *
          ambientRatio ** (2 / gamma) *
          (1 - ambientRatio ** ((gamma - 1) / gamma)),
      );
  const massRate =
    cd * area * psi * Math.sqrt(rho0 * p0 * gamma * (2 / (gamma + 1)) ** ((gamma + 1) / (gamma - 1)));

  // The throat sits at the critical ratio when choked; otherwise the jet leaves at ambient pressure.
  const throatRatio = choked ? 1 / criticalPressureRatio : ambientRatio;
  const throatPressure = p0 * throatRatio;
  const throatTemperature = choked ? (t0 * 2) / (gamma + 1) : t0 * throatRatio ** ((gamma - 1) / gamma);
  const throatDensity = rho0 * throatRatio ** (1 / gamma);
  const throatVelocity = choked
    ? Math.sqrt((gamma * GAS_CONSTANT * throatTemperature) / molarMass)
    : Math.sqrt(((2 * gamma) / (gamma - 1)) * (GAS_CONSTANT / molarMass) * (t0 - throatTemperature));

  return {
    massRate: massRate as KilogramsPerSecond,
    choked,
    psi,
    criticalPressureRatio,
    upstreamDensity: rho0 as KilogramsPerCubicMetre,
    throatPressure: throatPressure as Pascals,
    throatTemperature: throatTemperature as Kelvin,
    throatDensity: throatDensity as KilogramsPerCubicMetre,
    throatVelocity: throatVelocity as MetresPerSecond,
    exitVelocity: (massRate / (throatDensity * area)) as MetresPerSecond,
  };
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}
