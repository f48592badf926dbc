import type {
  JoulesPerKilogram,
  JoulesPerKilogramKelvin,
  Kelvin,
  Kilograms,
  KilogramsPerCubicMetre,
  KilogramsPerMole,
  KilogramsPerSquareMetreSecond,
  Pascals,
  VolumeFraction,
} from '../units/index.ts';

/**
 * The properties of one substance that the consequence models read, in SI. A plain value: the engine never
 * looks a substance up itself; data/substances/ loads the built-in library (docs/substances.md) and a
 * project copies the substance it used into its file.
 *
 * A property is absent (undefined) when no sound value exists — never zero, never guessed. Models that need
 * an absent property must refuse with an error that names it.
 */
export interface Substance {
  /** English slug, e.g. `chlorine`, `hydrogen-sulfide`, `lpg`. */
  id: string;
  /** Chinese name as in GB 18218 where the substance is named there, e.g. 氯, 液化石油气. */
  nameZh: string;
  nameEn: string;
  /** CAS registry number; variants of one substance (LNG, sensitised ammonium nitrate) share their parent's. */
  cas: string;
  /** Formula, or a description for mixtures (`C4-C12 mixture`). */
  formula: string;
  /** Other names it is found by (中文 and English, formulae such as H2S); not shown as the name. */
  aliases: readonly string[];
  /** Id of the substance this row is a variant of (same CAS, different basis), e.g. `lng` → `methane`. */
  variantOf?: string;
  /**
   * Present for mixtures and pseudo-components (LPG, gasoline, diesel, natural gas, LNG): the representative
   * composition the values stand for and how to model it. Absent for pure substances.
   */
  composition?: string;

  molarMass?: KilogramsPerMole;
  /** At 101 325 Pa (a bubble point for LPG, a sublimation point for acetylene). */
  normalBoilingPoint?: Kelvin;
  /** Triple point where the value comes from a reference EOS. */
  meltingPoint?: Kelvin;
  criticalTemperature?: Kelvin;
  criticalPressure?: Pascals;
  acentricFactor?: number;
  /** Liquid density at `liquidDensityTemperature`: saturated at Tb for liquefied gases, else at 20 °C. */
  liquidDensity?: KilogramsPerCubicMetre;
  /** Temperature the liquid density refers to, where the source states it. */
  liquidDensityTemperature?: Kelvin;
  /** How the liquid density was obtained, as stated in the library (basis, temperature, source). */
  liquidDensityBasis?: string;
  /** Liquid heat capacity at `liquidHeatCapacityTemperature`. */
  liquidHeatCapacity?: JoulesPerKilogramKelvin;
  liquidHeatCapacityTemperature?: Kelvin;
  /** Ideal-gas cp at 298.15 K. */
  gasHeatCapacity?: JoulesPerKilogramKelvin;
  /** Ideal-gas cp/cv at 298.15 K, = cp/(cp − R/M). */
  gamma?: number;
  /** Latent heat of vaporisation at the normal boiling point. */
  heatOfVaporization?: JoulesPerKilogram;
  /**
   * Lower heating value at 25 °C with the fuel in its standard state (liquid for liquids, gas for gases);
   * products CO2, H2O(g), SO2, HX. Absent for non-fuels.
   */
  heatOfCombustion?: JoulesPerKilogram;
  lowerFlammabilityLimit?: VolumeFraction;
  upperFlammabilityLimit?: VolumeFraction;
  /** Closed-cup flash point. */
  flashPoint?: Kelvin;
  autoignitionTemperature?: Kelvin;
  /** Vapour pressure, log10(P/Pa) = a − b/(T/K + c), valid for tMin ≤ T ≤ tMax. */
  antoine?: AntoineConstants;
  /** Explosion reactivity class for the multi-energy/BST blast models and for ignition (TNO/BST practice). */
  reactivity?: Reactivity;
  /** Babrauskas pool burning rate (YB Table 6.5). */
  poolBurningRate?: PoolBurningRate;
  /** Toxic probit Pr = a + b·ln(Cⁿ·t), C in mg/m³, t in min (Purple Book Table 5.2). */
  toxicProbit?: ToxicProbit;
  /** Major-hazard identification (GB 18218-2018). */
  gb18218?: Gb18218Classification;
  /** Hazard classes that decide the event tree (flammable gas, toxic gas, flammable liquid…). */
  hazards: readonly HazardFlag[];
  /**
   * Purple Book / Dutch flammable-liquid class from the flash point (K1 < 21 °C, K2 21–55 °C, K3 55–100 °C,
   * K4 > 100 °C). Present only for substances flagged as flammable or combustible liquids with a flash point.
   */
  flammableLiquidClass?: FlammableLiquidClass;

  /** Source keys of every value present, by property name (keys defined in data/substances/source-keys.csv). */
  valueSources: Readonly<Partial<Record<SubstanceProperty, ValueSource>>>;
  /** Source keys of the whole row. */
  sources: readonly string[];
  /** Reference temperatures, alternative values and conflicts found in the sources. */
  notes: string;
}

/** Vapour-pressure equation log10(P/Pa) = a − b/(T/K + c) (Poling App. A form). */
export interface AntoineConstants {
  a: number;
  /** K */
  b: number;
  /** K */
  c: number;
  tMin: Kelvin;
  tMax: Kelvin;
}

/** m″ = m″∞·(1 − exp(−kβ·D)) (YB eq. 6.66). */
export interface PoolBurningRate {
  maxBurningRate: KilogramsPerSquareMetreSecond;
  /** kβ in m⁻¹; absent where the table gives a rate independent of the pool diameter (methanol, ethanol). */
  kBeta?: number;
}

/** Pr = a + b·ln(Cⁿ·t) with C in mg/m³ and t in min — the Purple Book set; never mix with ppm sets. */
export interface ToxicProbit {
  a: number;
  b: number;
  n: number;
  units: 'mg/m3-min';
}

export interface Gb18218Classification {
  /** Critical quantity Q (GB 18218 gives tonnes; here kg). Absent when the substance is outside the standard. */
  criticalQuantity?: Kilograms;
  /** Row number of Table 1 when the substance is named there. */
  table1Row?: number;
  /** Table 2 category code (J1–J5, W1.1–W11) when it is not named. */
  category?: string;
  /** The classification as stated in the library, with its conditions. */
  basis: string;
}

export type Reactivity = 'low' | 'medium' | 'high';
export type FlammableLiquidClass = 'K1' | 'K2' | 'K3' | 'K4';

export const HAZARD_FLAGS = [
  'flammable_gas',
  'flammable_liquid',
  'combustible_liquid',
  'toxic_gas',
  'toxic_liquid',
  'oxidizer',
  'corrosive',
  'pyrophoric',
  'unstable',
  'explosive',
] as const;
export type HazardFlag = (typeof HAZARD_FLAGS)[number];

/** Properties that carry a value source (every one present must have one). */
export const SUBSTANCE_PROPERTIES = [
  'molarMass',
  'normalBoilingPoint',
  'meltingPoint',
  'criticalTemperature',
  'criticalPressure',
  'acentricFactor',
  'liquidDensity',
  'liquidHeatCapacity',
  'gasHeatCapacity',
  'gamma',
  'heatOfVaporization',
  'heatOfCombustion',
  'lowerFlammabilityLimit',
  'upperFlammabilityLimit',
  'flashPoint',
  'autoignitionTemperature',
  'antoine',
  'reactivity',
  'poolBurningRate',
  'toxicProbit',
  'gb18218',
  'hazards',
  'flammableLiquidClass',
] as const satisfies readonly (keyof Substance)[];
export type SubstanceProperty = (typeof SUBSTANCE_PROPERTIES)[number];

/** Where one value comes from. */
export interface ValueSource {
  /** Source keys, e.g. ['CP'] or ['DERIVED', 'PERRY']. */
  keys: readonly string[];
  /** How the value was chosen or computed from them. */
  basis: string;
}
