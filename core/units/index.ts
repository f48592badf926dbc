/**
 * SI quantities as branded numbers, so that a length cannot be passed where a pressure is expected
 * (the Excalidraw pattern). Brands exist only in the type system; at run time they are plain numbers.
 *
 * core/ works in SI throughout (DESIGN.md "Units"): m, kg, s, Pa absolute, K, W, J; frequencies per year;
 * probabilities 0–1. Unit strings are turned into these by `parseQuantity` at the boundaries.
 */
declare const unitBrand: unique symbol;

/** A number carrying a unit in the type system only. */
export type Quantity<U extends string> = number & { readonly [unitBrand]: U };

export type Metres = Quantity<'m'>;
export type SquareMetres = Quantity<'m2'>;
export type CubicMetres = Quantity<'m3'>;
export type Kilograms = Quantity<'kg'>;
export type Seconds = Quantity<'s'>;
/** Absolute pressure or a pressure difference, Pa. Names say which (`pressure` is absolute). */
export type Pascals = Quantity<'Pa'>;
export type Kelvin = Quantity<'K'>;
export type KilogramsPerSecond = Quantity<'kg/s'>;
export type CubicMetresPerSecond = Quantity<'m3/s'>;
export type KilogramsPerCubicMetre = Quantity<'kg/m3'>;
export type KilogramsPerSquareMetreSecond = Quantity<'kg/m2/s'>;
export type MetresPerSecond = Quantity<'m/s'>;
export type KilogramsPerMole = Quantity<'kg/mol'>;
export type JoulesPerKilogram = Quantity<'J/kg'>;
export type JoulesPerKilogramKelvin = Quantity<'J/kg/K'>;
export type Joules = Quantity<'J'>;
export type Watts = Quantity<'W'>;
/** Heat flux, W/m². */
export type WattsPerSquareMetre = Quantity<'W/m2'>;
/** Impulse per unit area, Pa·s. */
export type PascalSeconds = Quantity<'Pa.s'>;
/** Kinematic viscosity, m²/s. */
export type SquareMetresPerSecond = Quantity<'m2/s'>;
/** Frequency of an event, per year. */
export type PerYear = Quantity<'1/yr'>;
/** Individual risk: probability of death per year. */
export type RiskPerYear = Quantity<'risk/yr'>;
/** A probability or fraction, 0–1. */
export type Probability = Quantity<'1'>;
/** Volume fraction of a gas in air, 0–1. */
export type VolumeFraction = Quantity<'mol/mol'>;
export type Degrees = Quantity<'deg'>;
export type Radians = Quantity<'rad'>;
/** Mass per unit area, kg/m² (e.g. liquid evaporated from a pool per square metre). */
export type KilogramsPerSquareMetre = Quantity<'kg/m2'>;
/** Thermal conductivity, W/(m·K). */
export type WattsPerMetreKelvin = Quantity<'W/m/K'>;
/** Surface tension, N/m. */
export type NewtonsPerMetre = Quantity<'N/m'>;
/** Dynamic viscosity, Pa·s (kept apart from PascalSeconds, which is blast impulse). */
export type DynamicViscosity = Quantity<'Pa.s (viscosity)'>;

/** Brands a plain SI number. Use at boundaries and in tests; inside a model the types flow. */
export const si = {
  metres: (v: number) => v as Metres,
  squareMetres: (v: number) => v as SquareMetres,
  cubicMetres: (v: number) => v as CubicMetres,
  kilograms: (v: number) => v as Kilograms,
  seconds: (v: number) => v as Seconds,
  pascals: (v: number) => v as Pascals,
  kelvin: (v: number) => v as Kelvin,
  kilogramsPerSecond: (v: number) => v as KilogramsPerSecond,
  cubicMetresPerSecond: (v: number) => v as CubicMetresPerSecond,
  kilogramsPerCubicMetre: (v: number) => v as KilogramsPerCubicMetre,
  metresPerSecond: (v: number) => v as MetresPerSecond,
  kilogramsPerMole: (v: number) => v as KilogramsPerMole,
  joulesPerKilogram: (v: number) => v as JoulesPerKilogram,
  joulesPerKilogramKelvin: (v: number) => v as JoulesPerKilogramKelvin,
  joules: (v: number) => v as Joules,
  watts: (v: number) => v as Watts,
  wattsPerSquareMetre: (v: number) => v as WattsPerSquareMetre,
  pascalSeconds: (v: number) => v as PascalSeconds,
  perYear: (v: number) => v as PerYear,
  riskPerYear: (v: number) => v as RiskPerYear,
  probability: (v: number) => v as Probability,
  volumeFraction: (v: number) => v as VolumeFraction,
  degrees: (v: number) => v as Degrees,
  kilogramsPerSquareMetre: (v: number) => v as KilogramsPerSquareMetre,
  wattsPerMetreKelvin: (v: number) => v as WattsPerMetreKelvin,
  newtonsPerMetre: (v: number) => v as NewtonsPerMetre,
  dynamicViscosity: (v: number) => v as DynamicViscosity,
} as const;

/** Standard atmosphere, Pa (ISO 2533). */
export const STANDARD_ATMOSPHERE = 101325 as Pascals;
/** Universal gas constant, J/(mol·K) (CODATA 2018, exact). */
export const GAS_CONSTANT = 8.314462618;
/** Standard gravity, m/s² (CGPM 1901, exact). */
export const GRAVITY = 9.80665;
/** Stefan-Boltzmann constant, W/(m²·K⁴) (CODATA 2018). */
export const STEFAN_BOLTZMANN = 5.670374419e-8;
/** 0 °C in kelvin (exact). */
export const ZERO_CELSIUS = 273.15 as Kelvin;
