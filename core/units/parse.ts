import { unit as mathUnit, type Unit } from 'mathjs';
import {
  STANDARD_ATMOSPHERE,
  type CubicMetres,
  type CubicMetresPerSecond,
  type Degrees,
  type Joules,
  type JoulesPerKilogram,
  type JoulesPerKilogramKelvin,
  type Kelvin,
  type Kilograms,
  type KilogramsPerCubicMetre,
  type KilogramsPerMole,
  type KilogramsPerSecond,
  type KilogramsPerSquareMetreSecond,
  type Metres,
  type MetresPerSecond,
  type PascalSeconds,
  type Pascals,
  type PerYear,
  type Seconds,
  type SquareMetres,
  type SquareMetresPerSecond,
  type Watts,
  type WattsPerSquareMetre,
} from './index.ts';

/**
 * The physical dimensions a user may type a quantity in, each with its SI unit (the number core/ uses).
 * `frequency` is per year; `dimensionless` accepts plain numbers and percentages ("70 %").
 */
export const DIMENSIONS = {
  length: 'm',
  area: 'm^2',
  volume: 'm^3',
  mass: 'kg',
  time: 's',
  pressure: 'Pa',
  temperature: 'K',
  massRate: 'kg/s',
  volumeRate: 'm^3/s',
  density: 'kg/m^3',
  concentration: 'kg/m^3',
  velocity: 'm/s',
  molarMass: 'kg/mol',
  specificEnergy: 'J/kg',
  specificHeat: 'J/(kg K)',
  energy: 'J',
  power: 'W',
  heatFlux: 'W/m^2',
  impulse: 'Pa s',
  kinematicViscosity: 'm^2/s',
  massFlux: 'kg/(m^2 s)',
  frequency: '1/yr',
  angle: 'deg',
  dimensionless: '',
} as const;

export type Dimension = keyof typeof DIMENSIONS;

/** A quantity that could not be read; `expected` says what would have been accepted. */
export class QuantityError extends Error {
  constructor(
    readonly input: string,
    readonly expected: string,
  ) {
    super(`expected ${expected}, got "${input}"`);
    this.name = 'QuantityError';
  }
}

const EXAMPLES: Record<Dimension, string> = {
  length: '"25 mm", "2 inch"',
  area: '"40 m^2"',
  volume: '"25 m^3", "1000 L"',
  mass: '"20 t", "500 kg"',
  time: '"30 min", "10 s"',
  pressure: '"1.6 MPa", "7 bar" (absolute; "6 barg" for gauge)',
  temperature: '"20 degC", "293.15 K"',
  massRate: '"2 kg/s"',
  volumeRate: '"0.5 m^3/s"',
  density: '"1.2 kg/m^3"',
  concentration: '"21300 mg/m^3"',
  velocity: '"5 m/s"',
  molarMass: '"17 g/mol"',
  specificEnergy: '"46 MJ/kg"',
  specificHeat: '"2.2 kJ/(kg K)"',
  energy: '"4.68 MJ"',
  power: '"100 kW"',
  heatFlux: '"35 kW/m^2"',
  impulse: '"200 Pa s"',
  kinematicViscosity: '"1.5e-5 m^2/s"',
  massFlux: '"0.05 kg/(m^2 s)"',
  frequency: '"1e-5 /yr"',
  angle: '"45 deg"',
  dimensionless: '0.7 or "70 %"',
};

/** Human description of a dimension for error messages: `a pressure in Pa or a string like "1.6 MPa"`. */
export function describeDimension(dimension: Dimension): string {
  if (dimension === 'dimensionless') return `a number (${EXAMPLES.dimensionless})`;
  return `a number in ${DIMENSIONS[dimension]} or a string like ${EXAMPLES[dimension]}`;
}

const GAUGE = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(bar|kPa|MPa|Pa|psi)g\s*$/i;
const PER_YEAR = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(?:\/\s*(?:yr|year|a)|per\s+year|\/年)\s*$/i;
const PERCENT = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*%\s*$/;

/**
 * Reads a quantity typed by a user or found in a file and returns its SI value.
 * Numbers are taken as SI already. Strings are parsed with mathjs ("25 mm", "50 bar", "20 degC");
 * pressures are absolute unless written with a gauge suffix ("6 barg" = 6 bar + 101325 Pa);
 * frequencies are per year ("1e-5 /yr"); dimensionless values accept "70 %".
 * @throws QuantityError naming what was expected.
 */
export function parseQuantity(value: number | string, dimension: Dimension): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new QuantityError(String(value), `a finite ${describeDimension(dimension)}`);
    return value;
  }
  const text = value.trim();
  const plain = Number(text);
  if (text !== '' && Number.isFinite(plain)) return plain;
  if (dimension === 'dimensionless') {
    const pct = PERCENT.exec(text);
    if (pct) return Number(pct[1]) / 100;
    throw new QuantityError(value, describeDimension(dimension));
  }
  if (dimension === 'frequency') {
    const f = PER_YEAR.exec(text);
    if (f) return Number(f[1]);
    throw new QuantityError(value, describeDimension(dimension));
  }
  if (dimension === 'pressure') {
    const g = GAUGE.exec(text);
    if (g) return parseUnit(`${g[1]} ${g[2]}`, value, dimension) + STANDARD_ATMOSPHERE;
  }
  return parseUnit(text, value, dimension);
}

function parseUnit(text: string, original: string, dimension: Dimension): number {
  let parsed: Unit;
  try {
    parsed = mathUnit(text);
  } catch {
    throw new QuantityError(original, describeDimension(dimension));
  }
  const target = DIMENSIONS[dimension];
  let reference: Unit;
  try {
    reference = mathUnit(target);
  } catch {
    throw new QuantityError(original, describeDimension(dimension));
  }
  if (!parsed.equalBase(reference)) throw new QuantityError(original, describeDimension(dimension));
  return parsed.toNumber(target);
}

/** The branded SI type a dimension parses to. */
export interface SiTypeOf {
  length: Metres;
  area: SquareMetres;
  volume: CubicMetres;
  mass: Kilograms;
  time: Seconds;
  pressure: Pascals;
  temperature: Kelvin;
  massRate: KilogramsPerSecond;
  volumeRate: CubicMetresPerSecond;
  density: KilogramsPerCubicMetre;
  concentration: KilogramsPerCubicMetre;
  velocity: MetresPerSecond;
  molarMass: KilogramsPerMole;
  specificEnergy: JoulesPerKilogram;
  specificHeat: JoulesPerKilogramKelvin;
  energy: Joules;
  power: Watts;
  heatFlux: WattsPerSquareMetre;
  impulse: PascalSeconds;
  kinematicViscosity: SquareMetresPerSecond;
  massFlux: KilogramsPerSquareMetreSecond;
  frequency: PerYear;
  angle: Degrees;
  dimensionless: number;
}
