import {
  GAS_CONSTANT,
  type JoulesPerKilogram,
  type Kelvin,
  type KilogramsPerMole,
  type KilogramsPerSecond,
  type KilogramsPerSquareMetre,
  type KilogramsPerSquareMetreSecond,
  type Metres,
  type MetresPerSecond,
  type Pascals,
  type Seconds,
  type SquareMetresPerSecond,
  type WattsPerMetreKelvin,
  type WattsPerSquareMetre,
} from '../units/index.ts';

export interface MackayMatsuguInput {
  /** Pool diameter, m (> 0). */
  poolDiameter: Metres;
  /** Wind speed at 10 m height, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** Vapour pressure of the liquid at the pool temperature, Pa (≥ 0). */
  vaporPressure: Pascals;
  /** Molar mass of the liquid, kg/mol (> 0). */
  molarMass: KilogramsPerMole;
  /** Pool liquid temperature, K (> 0). */
  liquidTemperature: Kelvin;
  /** Schmidt number of the vapour in air; default 0.8 (many organics). */
  schmidtNumber?: number;
}

export interface MackayMatsuguResult {
  /** Mass transfer coefficient k_m, m/s. */
  massTransferCoefficient: MetresPerSecond;
  /** Evaporation flux m'', kg/(m²·s). */
  massFlux: KilogramsPerSquareMetreSecond;
  /** Evaporation rate of the whole circular pool, m''·πD²/4, kg/s. */
  evaporationRate: KilogramsPerSecond;
}

/**
 * Evaporation of a non-boiling (volatile, below its boiling point) liquid pool by wind-driven mass transfer,
 * Mackay & Matsugu (1973) as in YB (2005) eqs. 3.13/3.24/3.25 and CCPS99 (spec/models.md §2.3):
 * k_m = 0.004786·u10^0.78·D^−0.11·Sc^−0.67 (m/s; the original 0.0292 in m/h),
 * m'' = k_m·P_v·M/(R·T_L), E = m''·πD²/4.
 * The vapour concentration far from the pool is taken as zero and the pool temperature as given (no heat
 * balance): valid for P_v well below the ambient pressure; for a boiling pool use `boilingPoolEvaporation`.
 * @throws RangeError naming the parameter for non-positive diameter, wind, molar mass, temperature or Sc,
 * or a negative vapour pressure.
 */
export function mackayMatsuguEvaporation(input: MackayMatsuguInput): MackayMatsuguResult {
  const { poolDiameter, windSpeed, vaporPressure, molarMass, liquidTemperature } = input;
  const schmidtNumber = input.schmidtNumber ?? 0.8;
  requirePositive('poolDiameter', poolDiameter);
  requirePositive('windSpeed', windSpeed);
  requirePositive('molarMass', molarMass);
  requirePositive('liquidTemperature', liquidTemperature);
  requirePositive('schmidtNumber', schmidtNumber);
  if (!(vaporPressure >= 0)) throw new RangeError(`vaporPressure must be ≥ 0, got ${vaporPressure}`);

  const massTransferCoefficient =
    0.004786 * windSpeed ** 0.78 * poolDiameter ** -0.11 * schmidtNumber ** -0.67;
  // Vapour density at the surface by the ideal gas law at the pool temperature.
  const massFlux = (massTransferCoefficient * vaporPressure * molarMass) / (GAS_CONSTANT * liquidTemperature);
  return {
    massTransferCoefficient: massTransferCoefficient as MetresPerSecond,
    massFlux: massFlux as KilogramsPerSquareMetreSecond,
    evaporationRate: ((massFlux * Math.PI * poolDiameter ** 2) / 4) as KilogramsPerSecond,
  };
}

export interface BoilingPoolInput {
  /** Thermal conductivity of the ground, W/(m·K) (> 0). */
  groundConductivity: WattsPerMetreKelvin;
  /** Thermal diffusivity of the ground, m²/s (> 0). */
  groundDiffusivity: SquareMetresPerSecond;
  /** Initial ground temperature, K. */
  groundTemperature: Kelvin;
  /** Boiling point of the liquid at ambient pressure, K (below the ground temperature). */
  boilingPoint: Kelvin;
  /** Latent heat of vaporisation at the boiling point, J/kg (> 0). */
  heatOfVaporization: JoulesPerKilogram;
  /** Time since the liquid covered this ground, s (> 0). */
  time: Seconds;
}

export interface BoilingPoolResult {
  /** Heat flux from the ground into the pool at `time`, W/m². */
  heatFlux: WattsPerSquareMetre;
  /** Evaporation flux at `time`, kg/(m²·s). */
  massFlux: KilogramsPerSquareMetreSecond;
  /** Mass evaporated per unit area from 0 to `time`, kg/m². */
  evaporatedMassPerArea: KilogramsPerSquareMetre;
}

/**
 * Evaporation of a boiling (cryogenic or liquefied-gas) pool on land, fed by heat conduction from a
 * semi-infinite ground suddenly cooled to the boiling point (CCPS99; YB ch. 3; spec/models.md §2.2):
 * q_g(t) = k_s·(T_g − T_b)/√(π·α_s·t), m'' = q_g/ΔHv,
 * evaporated mass per area to t: 2·k_s·(T_g − T_b)·√t/(ΔHv·√(π·α_s)).
 * Ground conduction only: convection from the air and solar radiation (part of the full YB model) are left
 * out, which matters only after the ground has cooled (late times). Perfect thermal contact is assumed.
 * @throws RangeError naming the parameter for non-positive k, α, ΔHv or time, or a boiling point at or above
 * the ground temperature (then the pool does not boil: use `mackayMatsuguEvaporation`).
 */
export function boilingPoolEvaporation(input: BoilingPoolInput): BoilingPoolResult {
  const { groundConductivity: k, groundDiffusivity: alpha, heatOfVaporization, time } = input;
  requirePositive('groundConductivity', k);
  requirePositive('groundDiffusivity', alpha);
  requirePositive('heatOfVaporization', heatOfVaporization);
  requirePositive('time', time);
  const drivingTemperature = input.groundTemperature - input.boilingPoint;
  if (!(drivingTemperature > 0)) {
    throw new RangeError(
      `boilingPoint (${input.boilingPoint} K) must be below groundTemperature (${input.groundTemperature} K) for a boiling pool`,
    );
  }
  const heatFlux = (k * drivingTemperature) / Math.sqrt(Math.PI * alpha * time);
  return {
    heatFlux: heatFlux as WattsPerSquareMetre,
    massFlux: (heatFlux / heatOfVaporization) as KilogramsPerSquareMetreSecond,
    evaporatedMassPerArea: ((2 * k * drivingTemperature * Math.sqrt(time)) /
      (heatOfVaporization * Math.sqrt(Math.PI * alpha))) as KilogramsPerSquareMetre,
  };
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}
