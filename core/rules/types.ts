/**
 * The rule set the engine reads: every table, threshold and default of the standards it applies, as data
 * (spec/standards.md, opening section). Each value carries its source and a confidence mark, so a report can
 * show where every number came from and how far it can be trusted. All values are SI (kg, m, s, Pa, W/m²;
 * frequencies per year unless the table says per metre or per hour).
 *
 * data/rules/ parses the rule-set files (unit strings allowed there) into this type.
 */
import type {
  Kelvin,
  Kilograms,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
  Pascals,
  Probability,
  RiskPerYear,
  Seconds,
  WattsPerSquareMetre,
} from '../units/index.ts';

/**
 * How far a value can be trusted (spec/standards.md Part A, "Confidence marks"):
 * `sure` — read in a source quoting the document directly; `likely` — secondary, garbled or third-party
 * source, or working knowledge agreeing with indirect evidence; `unsure` — memory only or conflicting
 * sources, a placeholder until checked against the official text.
 */
export type Confidence = 'sure' | 'likely' | 'unsure';

export const CONFIDENCES: readonly Confidence[] = ['sure', 'likely', 'unsure'];

/** Where a value comes from. `note` holds caveats (e.g. "to verify", a conflicting source). */
export interface Provenance {
  source: string;
  confidence: Confidence;
  note?: string;
}

/** A value with its provenance. */
export interface Sourced<T> extends Provenance {
  value: T;
}

/** GB 36894 protection-target classes (3.1): 高敏感, 重要, 一般一类/二类/三类. */
export type TargetCategory = 'high-sensitivity' | 'important' | 'general-1' | 'general-2' | 'general-3';
export const TARGET_CATEGORIES: readonly TargetCategory[] = [
  'high-sensitivity',
  'important',
  'general-1',
  'general-2',
  'general-3',
];

/** 在役 (existing) or 新建/改建/扩建 (new, rebuild, expansion) installation. */
export type InstallationStatus = 'existing' | 'new';
export const INSTALLATION_STATUSES: readonly InstallationStatus[] = ['existing', 'new'];

/** Equipment types of the LOC catalogue (spec/project-format.md "Equipment"). */
export type EquipmentType =
  | 'pressure-vessel'
  | 'process-vessel'
  | 'atmospheric-tank'
  | 'pipe'
  | 'pump'
  | 'heat-exchanger'
  | 'loading-arm'
  | 'loading-hose'
  | 'road-tanker';
export const EQUIPMENT_TYPES: readonly EquipmentType[] = [
  'pressure-vessel',
  'process-vessel',
  'atmospheric-tank',
  'pipe',
  'pump',
  'heat-exchanger',
  'loading-arm',
  'loading-hose',
  'road-tanker',
];

/** Atmospheric-tank containment types (Purple Book §3.2.2). */
export type Containment = 'single' | 'protective-shell' | 'double' | 'full' | 'membrane';
export const CONTAINMENTS: readonly Containment[] = [
  'single',
  'protective-shell',
  'double',
  'full',
  'membrane',
];

/** Detection and isolation system grades (API RP 581 Table 4.5; GB/T 37243 App. E is believed to follow). */
export type SystemGrade = 'A' | 'B' | 'C';
export const SYSTEM_GRADES: readonly SystemGrade[] = ['A', 'B', 'C'];

/** Pasquill stability class. */
export type StabilityClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const STABILITY_CLASSES: readonly StabilityClass[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Major-hazard grade of GB 18218-2018 §4.3. */
export type MajorHazardGradeName = '一级' | '二级' | '三级' | '四级';

/** GB 36894 individual-risk criteria, risk per year: the largest tolerated value (≤). */
export type IndividualRiskCriteria = Record<TargetCategory, Record<InstallationStatus, Sourced<RiskPerYear>>>;

/** A societal-risk line F(N) = constant / N^exponent on log-log axes. */
export interface FnLine extends Provenance {
  /** F at N = 1, per year. */
  constant: number;
  /** Slope magnitude on log-log axes (1 for GB 36894). */
  exponent: number;
}

export interface SocietalRiskCriteria {
  /** Unacceptable where F(N) > this line for some N. */
  unacceptable: FnLine;
  /** Acceptable where F(N) ≤ this line for every N. */
  acceptable: FnLine;
  /** The smallest N the check considers. */
  minimumN: Sourced<number>;
}

/** One named substance of GB 18218 Table 1. */
export interface NamedCriticalQuantity {
  /** Row number of Table 1. */
  row: number;
  nameZh: string;
  nameEn: string;
  /** CAS numbers the row covers (empty when the standard gives none). */
  cas: readonly string[];
  criticalQuantity: Sourced<Kilograms>;
}

/** One hazard category of GB 18218 Table 2 (J1–J5, W1.1–W11) with its β of Table 4. */
export interface CategoryCriticalQuantity {
  code: string;
  description: string;
  criticalQuantity: Sourced<Kilograms>;
  beta: Sourced<number>;
}

/** β of GB 18218 Table 3 for a named toxic gas. */
export interface NamedToxicGasBeta {
  nameZh: string;
  nameEn: string;
  cas: readonly string[];
  beta: Sourced<number>;
}

/** α for a band of exposed people within 500 m of the plant boundary; `maxPeople` absent = no upper bound. */
export interface AlphaBand {
  minPeople: number;
  maxPeople?: number;
  alpha: Sourced<number>;
}

/** A grade holds where R ≥ minR (and below the next higher grade's minR). */
export interface GradeBound {
  grade: MajorHazardGradeName;
  minR: Sourced<number>;
}

export interface MajorHazardRules {
  /** S = Σq/Q at or above which a unit is a major hazard (GB 18218 §4.2). */
  identificationThreshold: Sourced<number>;
  named: readonly NamedCriticalQuantity[];
  categories: readonly CategoryCriticalQuantity[];
  toxicGasBeta: readonly NamedToxicGasBeta[];
  /** β of substances that are neither in Table 3 nor in a Table 2 category of Table 4. */
  defaultBeta: Sourced<number>;
  alpha: readonly AlphaBand[];
  /** Highest grade first. */
  grades: readonly GradeBound[];
}

/** Which substances enter Σq/Q for the GB/T 37243 §4 method test. */
export type MethodSumScope = 'toxic-or-flammable-gas' | 'all-substances';

export interface MethodSelectionRules {
  /** QRA when Σq/Q (scope below) ≥ this value (GB/T 37243 §4). */
  qraThreshold: Sourced<number>;
  sumScope: Sourced<MethodSumScope>;
  /** Whether one QRA unit puts the whole enterprise into one QRA. */
  wholeEnterprise: Sourced<boolean>;
}

/** How a loss of containment releases the inventory. */
export type ReleaseMode = 'instantaneous' | 'fixed-duration' | 'continuous';

/** Hole of a continuous release. */
export type HoleSpec =
  | { kind: 'fixed'; diameter: Metres }
  | { kind: 'fraction-of-diameter'; fraction: number; maxDiameter: Metres }
  | { kind: 'full-bore' }
  | { kind: 'tube-ruptures'; count: number };

/**
 * Unit of a catalogue frequency: per installation-year; per metre of pipe per year; per hour of use; per
 * year of presence on site (scaled by the fraction of the year present, hoursPerYear / 8760).
 */
export type FrequencyBasis = 'per-year' | 'per-metre-year' | 'per-hour' | 'per-year-present';

/** One loss-of-containment case of the catalogue. `id` is the key of an equipment item's overrides. */
export interface LocDefinition {
  id: string;
  description: string;
  release: ReleaseMode;
  /** Duration of a fixed-duration release (10-minute LOCs: 600 s). */
  duration?: Seconds;
  hole?: HoleSpec;
  /** Where the release goes: to the atmosphere, or from an inner tank into its outer shell. */
  into: 'atmosphere' | 'outer-shell';
  frequencyBasis: FrequencyBasis;
  /** Frequency in `frequencyBasis` units (per year, per metre-year or per hour). */
  frequency: Sourced<number>;
}

/** Pipe LOCs for one diameter band; a diameter d is in the band when min < d ≤ max (bounds as flagged). */
export interface PipeBand {
  /** Lower bound, m; absent = 0. */
  minDiameter?: Metres;
  minInclusive: boolean;
  /** Upper bound, m; absent = no bound. */
  maxDiameter?: Metres;
  maxInclusive: boolean;
  locs: readonly LocDefinition[];
}

/** Purple Book LOC catalogue per equipment type (CPR 18E ch. 3; spec/standards.md A §4.1). */
export interface PurpleBookCatalogue {
  pressureVessel: readonly LocDefinition[];
  processVessel: readonly LocDefinition[];
  atmosphericTank: Record<Containment, readonly LocDefinition[]>;
  pipe: readonly PipeBand[];
  pump: { standard: readonly LocDefinition[]; canned: readonly LocDefinition[] };
  heatExchanger: { shell: readonly LocDefinition[]; tubes: readonly LocDefinition[] };
  loadingArm: readonly LocDefinition[];
  loadingHose: readonly LocDefinition[];
  roadTanker: { pressurised: readonly LocDefinition[]; atmospheric: readonly LocDefinition[] };
  /** Continuous releases are modelled for at most this long. */
  maxContinuousDuration: Sourced<Seconds>;
}

/** Hole-size class of the AQ/T 3046 / API 581 catalogue. */
export type HoleClassId = 'small' | 'medium' | 'large' | 'rupture';
export const HOLE_CLASS_IDS: readonly HoleClassId[] = ['small', 'medium', 'large', 'rupture'];

export interface HoleClass {
  id: HoleClassId;
  /** Representative diameter, m; absent for a rupture (full bore or whole vessel). */
  diameter?: Sourced<Metres>;
  /** Upper bound of the class, m; absent for a rupture. */
  maxDiameter?: Sourced<Metres>;
}

/** Leak durations of API 581 Table 4.7 for one detection/isolation pair, by API hole band. */
export interface LeakDurationRow {
  detection: SystemGrade;
  isolation: SystemGrade;
  /** Maximum leak duration for holes ≤ 6.4 mm, ≤ 25 mm and ≤ 102 mm (API bands), s. */
  durations: Sourced<readonly [Seconds, Seconds, Seconds]>;
  /** Release-reduction factor of API 581 Table 4.6; absent where the table gives none. */
  releaseReduction?: Sourced<number>;
}

export interface HoleSizeCatalogue {
  classes: readonly HoleClass[];
  /** Upper bounds of the API 581 hole bands that index `LeakDurationRow.durations`, m. */
  durationBands: Sourced<readonly [Metres, Metres, Metres]>;
  durations: readonly LeakDurationRow[];
}

/** Substance categories of PB Table 4.5. */
export type IgnitionCategory =
  'k1-liquid' | 'k2-k4-liquid' | 'gas-low-reactivity' | 'gas-average-high-reactivity';
export const IGNITION_CATEGORIES: readonly IgnitionCategory[] = [
  'k1-liquid',
  'k2-k4-liquid',
  'gas-low-reactivity',
  'gas-average-high-reactivity',
];

/**
 * Direct-ignition probabilities by release size (PB Table 4.5). With bounds [b0, b1]: band 0 is x < b0,
 * band 1 is b0 ≤ x ≤ b1 (the middle band, printed "10 – 100", read as closed at both ends), band 2 is
 * x > b1; x is the continuous rate (kg/s) or the instantaneous mass (kg).
 */
export interface DirectIgnitionRules {
  continuousBounds: Sourced<readonly [KilogramsPerSecond, KilogramsPerSecond]>;
  instantaneousBounds: Sourced<readonly [Kilograms, Kilograms]>;
  /** Probabilities for the three size bands, per category. */
  stationary: Record<IgnitionCategory, Sourced<readonly [Probability, Probability, Probability]>>;
  /** On-site transport units: K1 liquid / gas, continuous / instantaneous. */
  roadTanker: {
    continuous: { k1Liquid: Sourced<Probability>; gas: Sourced<Probability> };
    instantaneous: { k1Liquid: Sourced<Probability>; gas: Sourced<Probability> };
  };
}

export interface IgnitionRules {
  direct: DirectIgnitionRules;
  /** Given delayed ignition: flash fire and explosion fractions (PB §4.8). */
  delayed: { flashFire: Sourced<Probability>; explosion: Sourced<Probability> };
  /** Without modelled ignition sources, the cloud ignites at its largest extent. */
  ignitionAtLargestExtent: Sourced<boolean>;
}

export interface WeatherClassDefault {
  id: string;
  stability: StabilityClass;
  windSpeed: Sourced<MetresPerSecond>;
  /** Share of time; a placeholder until the site's station data are entered. */
  probability: Sourced<Probability>;
}

export interface WeatherDefaults {
  classes: readonly WeatherClassDefault[];
  dayFraction: Sourced<Probability>;
  sectors: Sourced<number>;
  ambientTemperature: Sourced<Kelvin>;
  ambientPressure: Sourced<Pascals>;
  relativeHumidity: Sourced<Probability>;
}

/** Societal-risk fractions of deaths for one effect: indoors and outdoors, as multipliers of P. */
export interface PresenceFactors {
  indoor: Sourced<number>;
  outdoor: Sourced<number>;
}

export interface VulnerabilityRules {
  /** Heat flux at or above which death is certain (PB 35 kW/m²). */
  thermalCertainDeathFlux: Sourced<WattsPerSquareMetre>;
  /** Values the user may select instead (AQ/T 3046: 37.5 kW/m²). */
  thermalCertainDeathFluxOptions: readonly Sourced<WattsPerSquareMetre>[];
  /** Exposure cap of the heat probit. */
  thermalExposureCap: Sourced<Seconds>;
  /** Exposure cap of toxic probits. */
  toxicExposureCap: Sourced<Seconds>;
  /** Overpressure above which death is certain (30 kPa). */
  explosionCertainDeath: Sourced<Pascals>;
  /** Overpressure at or below which nobody dies, indoors or out (10 kPa). */
  explosionNoEffect: Sourced<Pascals>;
  /** Indoor deaths between the two overpressures (0.025). */
  explosionIndoorIntermediate: Sourced<Probability>;
  /** Societal-risk multipliers of the probit P below the certain-death levels. */
  toxic: PresenceFactors;
  heat: PresenceFactors;
  /** Inside the LFL envelope at ignition; configurable indoors. */
  flashFire: PresenceFactors;
  /** Fraction of people indoors (PB Table 5.3). */
  indoorFraction: { day: Sourced<Probability>; night: Sourced<Probability> };
}

/** One overpressure threshold of the explosives consequence method. */
export interface ExplosivesThreshold {
  targetCategory: TargetCategory;
  overpressure: Sourced<Pascals>;
}

export interface ExplosivesRules {
  thresholds: readonly ExplosivesThreshold[];
}

export interface ContourRules {
  levels: readonly Sourced<RiskPerYear>[];
}

/** A complete, versioned rule set. */
export interface RuleSet {
  id: string;
  version: number;
  title: string;
  description: string;
  individualRisk: IndividualRiskCriteria;
  societalRisk: SocietalRiskCriteria;
  methodSelection: MethodSelectionRules;
  majorHazard: MajorHazardRules;
  locCatalogue: PurpleBookCatalogue;
  holeSizeCatalogue: HoleSizeCatalogue;
  ignition: IgnitionRules;
  weather: WeatherDefaults;
  vulnerability: VulnerabilityRules;
  explosives: ExplosivesRules;
  contours: ContourRules;
}

/** `id@version`, the way a report names a rule set. */
export function ruleSetLabel(rules: Pick<RuleSet, 'id' | 'version'>): string {
  return `${rules.id}@v${rules.version}`;
}
