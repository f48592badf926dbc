/**
 * A parsed project (spec/project-format.md, version 1) as the engine consumes it: every quantity in SI,
 * every default filled in from the rule set, every cross-field rule already checked by data/project/.
 *
 * Coordinates are metres in the site plane, x east, y north; points are `[x, y]` tuples (the shape
 * core/risk/geometry.ts uses).
 */
import type {
  Containment,
  EquipmentType,
  InstallationStatus,
  StabilityClass,
  SystemGrade,
  TargetCategory,
} from '../rules/types.ts';
import type {
  CubicMetres,
  Degrees,
  Kelvin,
  Kilograms,
  Metres,
  MetresPerSecond,
  Pascals,
  PerYear,
  Probability,
  SquareMetres,
  WattsPerSquareMetre,
} from '../units/index.ts';

/** A point of the site plane, m: `[x east, y north]`. */
export type Point = readonly [x: Metres, y: Metres];
/** A simple polygon of ≥ 3 points; closing edge implied. */
export type Polygon = readonly Point[];

export interface Site {
  /** Geographic anchor of the site origin, degrees (WGS 84), for GeoJSON/KML export. */
  origin?: { lon: Degrees; lat: Degrees };
  /** Rotation of the site's y axis from true north, degrees clockwise; 0 when absent. */
  rotation: Degrees;
  /** Plant fence (厂区边界). */
  boundary?: Polygon;
  /**
   * Residents within 500 m of the plant boundary, as entered by the user (GB 18218-2018 §4.3, for α).
   * Absent when not entered; classification then estimates it from the population areas.
   */
  residentsWithin500m?: number;
}

export interface WeatherClass {
  id: string;
  stability: StabilityClass;
  windSpeed: MetresPerSecond;
  /** Share of time in this class; the classes sum to 1. */
  probability: Probability;
  /**
   * Probability that the wind blows FROM sector k (meteorological convention; sector k is centred on
   * k·360/n degrees clockwise from north; uniform within a sector); `sectors` numbers summing to 1.
   * The same array for every class when the project gives one rose.
   */
  windRose: readonly Probability[];
}

export interface Weather {
  ambient: { temperature: Kelvin; relativeHumidity: Probability; pressure: Pascals };
  /** Fraction of the time that is day (PB: 08:00–18:30, 0.44). */
  dayFraction: Probability;
  sectors: number;
  classes: readonly WeatherClass[];
  /**
   * Which parts came from the rule set's defaults because the project did not give them: a report must say
   * so (the default class and sector shares are placeholders).
   */
  defaulted: readonly ('ambient' | 'dayFraction' | 'classes' | 'windRose')[];
}

export type InstallationKind = 'storage' | 'production';
export type Phase = 'gas' | 'liquid' | 'liquefied-gas' | 'refrigerated' | 'solid';

/**
 * Overrides of an equipment item's LOC frequencies, by LOC id (the catalogue's ids, or the hole classes
 * `small | medium | large | rupture` with the hole-size catalogue), in the catalogue's frequency basis
 * (per year; per metre-year for pipes; per hour for loading arms and hoses). `disabled` LOCs are dropped.
 * The engine reports each override with its reason.
 */
export interface LocOverrides {
  frequencies: Readonly<Record<string, PerYear>>;
  disabled: readonly string[];
  reason?: string;
}

interface EquipmentBase extends LocOverrides {
  type: EquipmentType;
  /** Optional label from the project, e.g. a tag number. */
  id?: string;
}

export interface VesselEquipment extends EquipmentBase {
  type: 'pressure-vessel' | 'process-vessel';
  volume: CubicMetres;
  /** Liquid fraction of the volume, for liquefied gases. */
  fill?: Probability;
}

export interface AtmosphericTankEquipment extends EquipmentBase {
  type: 'atmospheric-tank';
  volume: CubicMetres;
  fill?: Probability;
  containment: Containment;
  bund?: { area: SquareMetres; height: Metres };
}

export interface PipeEquipment extends EquipmentBase {
  type: 'pipe';
  length: Metres;
  diameter: Metres;
}

export interface PumpEquipment extends EquipmentBase {
  type: 'pump';
  connectionDiameter: Metres;
  canned: boolean;
}

export interface HeatExchangerEquipment extends EquipmentBase {
  type: 'heat-exchanger';
  /** Where the substance is: outside the tubes (`shell`) or inside them. */
  side: 'shell' | 'tubes';
  volume: CubicMetres;
}

export interface TransferEquipment extends EquipmentBase {
  type: 'loading-arm' | 'loading-hose';
  diameter: Metres;
  hoursPerYear: number;
}

export interface RoadTankerEquipment extends EquipmentBase {
  type: 'road-tanker';
  volume: CubicMetres;
  pressurised: boolean;
  hoursPerYear: number;
}

export type Equipment =
  | VesselEquipment
  | AtmosphericTankEquipment
  | PipeEquipment
  | PumpEquipment
  | HeatExchangerEquipment
  | TransferEquipment
  | RoadTankerEquipment;

/** Effect of a user-defined outcome; it picks the societal-risk fractions indoors and outdoors. */
export type UserEffect = 'toxic' | 'heat' | 'flash-fire' | 'explosion' | 'generic';

/** Circular zone centred on the installation; zones are nested, radii strictly increasing. */
export interface CircularZone {
  radius: Metres;
  lethality: Probability;
}

/**
 * Rectangle 0 ≤ along ≤ length, |across| ≤ halfWidth in the wind frame, turning with the wind; zones are
 * nested (each contains the previous one).
 */
export interface DownwindZone {
  length: Metres;
  halfWidth: Metres;
  lethality: Probability;
}

/**
 * An outcome of a user-defined scenario: the lethality at a point is that of the smallest zone containing
 * it, 0 outside all. Exactly one of `zones` and `downwind` is present.
 */
export type UserOutcome =
  | { probability: Probability; effect: UserEffect; zones: readonly CircularZone[]; downwind?: undefined }
  | { probability: Probability; effect: UserEffect; downwind: readonly DownwindZone[]; zones?: undefined };

/** A scenario whose effects were computed elsewhere (spec/project-format.md "User-defined scenarios"). */
export interface UserDefinedScenario {
  id: string;
  type: 'user-defined';
  frequency: PerYear;
  outcomes: readonly UserOutcome[];
}

/**
 * What explodes in an installation with explosives, for the consequence method of GB/T 37243-2019 §5: the
 * worst credible mass explosion as a TNT-equivalent mass, given directly or as the explosive's mass and its
 * TNT-equivalence factor (W = factor · mass). Exactly one form. `source` says where the mass or the factor
 * comes from, for the report. (An addition to the v1 contract.)
 */
export type ExplosiveCharge =
  | { tntEquivalent: Kilograms; mass?: undefined; tntFactor?: undefined; source?: string }
  | { mass: Kilograms; tntFactor: number; tntEquivalent?: undefined; source?: string };

/**
 * A separation distance a design code requires between an installation and something around it (GB/T
 * 37243-2019 §4, units needing neither QRA nor the consequence method; e.g. "GB 50160-2008 表4.1.9").
 * The distance is measured to `target` (a protection target or population area id) when given, else to the
 * nearest protection target of `targetCategory`, unless the user gives `actual`. (An addition to the v1
 * contract.)
 */
export interface CodeDistanceRequirement {
  target?: string;
  targetCategory?: TargetCategory;
  /** The clause or table of the code, as text. */
  code: string;
  required: Metres;
  /** The distance as the user measured it; absent = SafeDist measures it. */
  actual?: Metres;
}

export interface Installation {
  id: string;
  name: string;
  kind: InstallationKind;
  status: InstallationStatus;
  /**
   * GB 18218 unit (生产单元 / 储存单元) this installation belongs to; installations sharing a unit id are
   * summed together in Σq/Q. Defaults to the installation's own id.
   */
  unit: string;
  position: Point;
  outline?: Polygon;
  /** Substance id of the library (or of the project's own substances). */
  substance: string;
  /** Design maximum quantity (设计最大量), kg. */
  inventory: Kilograms;
  temperature: Kelvin;
  /** Absolute pressure, Pa. */
  pressure: Pascals;
  phase: Phase;
  equipment: readonly Equipment[];
  detection?: SystemGrade;
  isolation?: SystemGrade;
  scenarios: readonly UserDefinedScenario[];
  /** The charge of the consequence method, for installations with explosives. */
  explosive?: ExplosiveCharge;
  /** Separation distances of the design codes to check. */
  codeDistances?: readonly CodeDistanceRequirement[];
}

/** People in an area, by day and night, and the fractions of them indoors. */
export interface PopulationArea {
  id: string;
  name: string;
  /** The area; exactly one of `polygon` and `position`. */
  polygon?: Polygon;
  position?: Point;
  population: { day: number; night: number };
  indoorFraction: { day: Probability; night: Probability };
}

/** A GB 36894 protection target (防护目标): an off-site population area with a class. */
export interface ProtectionTarget extends PopulationArea {
  category: TargetCategory;
}

export interface Probe {
  id: string;
  position: Point;
}

export type LocCatalogueChoice = 'purple-book' | 'hole-size';
export type NewInstallationRule = 'total' | 'increment';

export interface Settings {
  /** Rule set the project is assessed with. */
  ruleSet: { id: string; version: number };
  /** Risk-grid cell size, m. */
  cellSize: Metres;
  /** Heat flux at or above which death is certain (rule-set default, 35 kW/m²). */
  thermalCertainDeathFlux: WattsPerSquareMetre;
  locCatalogue: LocCatalogueChoice;
  newInstallationRule: NewInstallationRule;
}

export interface Project {
  format: 'safedist-project';
  version: 1;
  name: string;
  site: Site;
  weather: Weather;
  installations: readonly Installation[];
  targets: readonly ProtectionTarget[];
  /** Areas counted for societal risk that are not protection targets. */
  population: readonly PopulationArea[];
  probes: readonly Probe[];
  settings: Settings;
}
