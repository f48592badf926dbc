import type {
  JoulesPerKilogram,
  Kilograms,
  Metres,
  Pascals,
  Probability,
  Seconds,
  WattsPerSquareMetre,
} from '../units/index.ts';
import { atmosphericTransmissivity, type Atmosphere } from './transmissivity.ts';
import { viewFactorSphere } from './view-factor.ts';

/** Which published fireball correlations to use for size, duration and height (models.md §5.3). */
export type FireballCorrelation = 'tno' | 'ccps';

/**
 * Radiative fraction of a fireball from the vessel pressure at failure, Roberts (1982) (models.md §5.3):
 * F_rad = 0.27·P^0.32 with P in MPa. Input in Pa (absolute, as everywhere in core/).
 * @param vesselPressure Pa (> 0)
 */
export function fireballRadiativeFraction(vesselPressure: Pascals): number {
  if (!(vesselPressure > 0)) throw new RangeError(`vesselPressure must be > 0 Pa, got ${vesselPressure}`);
  return 0.27 * (vesselPressure / 1e6) ** 0.32;
}

/**
 * Radiative fraction used when the vessel pressure is not known: 0.3, the middle of the 0.25–0.40 range of
 * CCPS (1994) for BLEVE fireballs.
 */
export const DEFAULT_FIREBALL_RADIATIVE_FRACTION = 0.3;

export interface FireballInput {
  /** Mass of fuel in the fireball M, kg (> 0); the Purple Book takes the whole vessel contents. */
  mass: Kilograms;
  /** Heat of combustion ΔHc, J/kg (> 0). */
  heatOfCombustion: JoulesPerKilogram;
  /** Vessel pressure at failure, Pa absolute; gives F_rad by Roberts. */
  vesselPressure?: Pascals;
  /** Radiative fraction F_rad; overrides `vesselPressure`; default 0.3 when neither is given. */
  radiativeFraction?: number;
  /** Correlation set; default 'tno'. */
  correlation?: FireballCorrelation;
}

export interface Fireball {
  /** Diameter D, m. */
  diameter: Metres;
  /** Duration t, s (the Purple Book exposure time, no 20 s cap). */
  duration: Seconds;
  /** Height of the fireball centre above the ground, m. */
  centreHeight: Metres;
  radiativeFraction: number;
  /** Surface emissive power SEP = F_rad·M·ΔHc/(π·D²·t), W/m². */
  sep: WattsPerSquareMetre;
}

/**
 * Fireball size, duration, height and emissive power (models.md §5.3):
 * - TNO / YB (2005) ch. 6: D = 6.48·M^0.325, t = 0.852·M^0.26, centre height = D;
 * - CCPS (2000) / Roberts: D = 5.8·M^(1/3), t = 0.45·M^(1/3) for M < 30 000 kg else 2.6·M^(1/6),
 *   centre height = 0.75·D;
 * - SEP = F_rad·M·ΔHc/(π·D²·t), F_rad = 0.27·P^0.32 (P in MPa, Roberts) when the vessel pressure is given.
 */
export function fireball(input: FireballInput): Fireball {
  const m = input.mass;
  if (!(m > 0)) throw new RangeError(`mass must be > 0 kg, got ${m}`);
  if (!(input.heatOfCombustion > 0))
    throw new RangeError(`heatOfCombustion must be > 0 J/kg, got ${input.heatOfCombustion}`);
  const fRad =
    input.radiativeFraction ??
    (input.vesselPressure !== undefined
      ? fireballRadiativeFraction(input.vesselPressure)
      : DEFAULT_FIREBALL_RADIATIVE_FRACTION);
  if (!(fRad > 0 && fRad <= 1)) throw new RangeError(`radiative fraction must be in (0, 1], got ${fRad}`);
  let diameter: number;
  let duration: number;
  let centreHeight: number;
  if ((input.correlation ?? 'tno') === 'tno') {
    diameter = 6.48 * m ** 0.325;
    duration = 0.852 * m ** 0.26;
    centreHeight = diameter;
  } else {
    diameter = 5.8 * Math.cbrt(m);
    duration = m < 30000 ? 0.45 * Math.cbrt(m) : 2.6 * m ** (1 / 6);
    centreHeight = 0.75 * diameter;
  }
  return {
    diameter: diameter as Metres,
    duration: duration as Seconds,
    centreHeight: centreHeight as Metres,
    radiativeFraction: fRad,
    sep: ((fRad * m * input.heatOfCombustion) /
      (Math.PI * diameter * diameter * duration)) as WattsPerSquareMetre,
  };
}

/**
 * Heat flux from a fireball at a ground target facing its centre: q = SEP·F·τ, F = (D/2)²/X² (sphere view
 * factor), X from the fireball centre = √(d² + H²); τ over the path X − D/2 from the fireball surface.
 * @param groundDistance d, horizontal from the point below the fireball centre, m (≥ 0)
 */
export function fireballHeatFlux(
  ball: Fireball,
  groundDistance: Metres,
  atmosphere: Atmosphere,
): {
  distanceFromCentre: Metres;
  viewFactor: number;
  transmissivity: Probability;
  heatFlux: WattsPerSquareMetre;
} {
  if (!(groundDistance >= 0)) throw new RangeError(`distance must be ≥ 0 m, got ${groundDistance}`);
  const x = Math.hypot(groundDistance, ball.centreHeight);
  const radius = ball.diameter / 2;
  const viewFactor = viewFactorSphere(radius, x);
  const transmissivity = atmosphericTransmissivity(atmosphere, Math.max(0, x - radius) as Metres);
  return {
    distanceFromCentre: x as Metres,
    viewFactor,
    transmissivity,
    heatFlux: (ball.sep * viewFactor * transmissivity) as WattsPerSquareMetre,
  };
}

/**
 * Heat flux against ground distance, for the risk engine (a fireball is radially symmetric): fills `out[i]`
 * with q (W/m²) at `distances[i]` (m) as {@link fireballHeatFlux}. No allocation per point.
 */
export function fireballFluxProfile(
  ball: Fireball,
  atmosphere: Atmosphere,
  distances: Float64Array,
  out: Float64Array,
): void {
  if (out.length < distances.length) throw new RangeError('out must be at least as long as distances');
  const radius = ball.diameter / 2;
  for (let i = 0; i < distances.length; i++) {
    const x = Math.hypot(distances[i]!, ball.centreHeight);
    const tau = atmosphericTransmissivity(atmosphere, Math.max(0, x - radius) as Metres);
    out[i] = ball.sep * viewFactorSphere(radius, x) * tau;
  }
}
