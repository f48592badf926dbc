import {
  GRAVITY,
  STANDARD_ATMOSPHERE,
  type KilogramsPerCubicMetre,
  type KilogramsPerSecond,
  type Metres,
  type MetresPerSecond,
  type Pascals,
} from '../units/index.ts';

export interface LiquidDischargeInput {
  /** Hole diameter, m (> 0). */
  holeDiameter: Metres;
  /** Liquid density, kg/m³ (> 0). */
  liquidDensity: KilogramsPerCubicMetre;
  /** Absolute pressure above the liquid surface, Pa. */
  pressure: Pascals;
  /** Discharge coefficient; default 0.62 (sharp-edged orifice, YB §2.5.2.2). */
  dischargeCoefficient?: number;
  /** Absolute pressure outside the hole, Pa; default 101325. */
  ambientPressure?: Pascals;
  /** Liquid height above the hole, m; default 0. */
  liquidHead?: Metres;
}

export interface LiquidDischargeResult {
  /** Mass flow rate out of the hole, kg/s. */
  massRate: KilogramsPerSecond;
  /** Jet velocity at the vena contracta including Cd, m/s (= massRate / (ρ·A)). */
  velocity: MetresPerSecond;
}

/**
 * Steady liquid outflow through a hole by Bernoulli's equation:
 * q = Cd·A·√(2ρ(P − Pa + ρ·g·h)). YB (2005) eqs. 2.194–2.196; CCPS99 §2.1.1 eq. 2.1.5.
 * A driving pressure of zero or less gives no outflow (q = 0).
 */
export function dischargeLiquid(input: LiquidDischargeInput): LiquidDischargeResult {
  const cd = input.dischargeCoefficient ?? 0.62;
  const pa = input.ambientPressure ?? STANDARD_ATMOSPHERE;
  const head = input.liquidHead ?? 0;
  const rho = input.liquidDensity;
  const area = (Math.PI * input.holeDiameter ** 2) / 4;
  // Driving pressure: overpressure in the vapour space plus the hydrostatic head above the hole.
  const drivingPressure = input.pressure - pa + rho * GRAVITY * head;
  if (drivingPressure <= 0) return { massRate: 0 as KilogramsPerSecond, velocity: 0 as MetresPerSecond };
  const velocity = cd * Math.sqrt((2 * drivingPressure) / rho);
  return {
    massRate: (rho * area * velocity) as KilogramsPerSecond,
    velocity: velocity as MetresPerSecond,
  };
}
