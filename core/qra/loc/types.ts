/**
 * Loss-of-containment (LOC) cases and their source terms: what the QRA engine hands from the scenario
 * generator (core/qra/loc/) to the outcome builder (event trees, effects). Every quantity is SI (kg, m, s,
 * Pa absolute, K); frequencies are per year. docs/method-loc.md explains every rule and assumption.
 */
import type { ExpandedJet } from '../../fire/jet.ts';
import type { LocCatalogueChoice, Phase } from '../../project/types.ts';
import type { Confidence, EquipmentType, FrequencyBasis, ReleaseMode, RuleSet } from '../../rules/types.ts';
import type {
  CubicMetres,
  Kelvin,
  Kilograms,
  KilogramsPerMole,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
  Pascals,
  PerYear,
  Probability,
  Seconds,
  SquareMetres,
  SquareMetresPerSecond,
  WattsPerMetreKelvin,
  JoulesPerKilogram,
} from '../../units/index.ts';

/** The parts of a rule set the LOC generator and the source terms read (a whole `RuleSet` fits). */
export type LocRules = Pick<RuleSet, 'locCatalogue' | 'holeSizeCatalogue'>;

/**
 * Where a case's frequency comes from, so a report can trace it:
 * - `catalogue`: the Purple Book catalogue of the rule set (`source`, `confidence`, `note` copied from it);
 * - `override`: the equipment item's `frequencies[locId]` replaced the catalogue value (`reason` from the
 *   project, `source`/`confidence` of the catalogue value it replaced kept in `replaced`);
 * - `user`: a hole-size catalogue frequency, which the project must give (there is no default).
 *
 * The case frequency is `baseFrequency × scale`.
 */
export interface FrequencyOrigin {
  kind: 'catalogue' | 'override' | 'user';
  /** Frequency as read, in `basis` units (per year, per metre-year, per hour, per year present). */
  baseFrequency: number;
  basis: FrequencyBasis;
  /**
   * Multiplier from the basis to per year: pipe length in m (per-metre-year), hours of use per year
   * (per-hour), fraction of the year present = hoursPerYear/8760 (per-year-present), 1 (per-year).
   */
  scale: number;
  /** The multiplier in words, e.g. `× 120 m of pipe`, `× 300 h/yr of use`, `× 1 (per year)`. */
  scaleDescription: string;
  /** Catalogue source, or `project override` / `project (hole-size catalogue)`. */
  source: string;
  /** Confidence mark of a catalogue value (absent for project values). */
  confidence?: Confidence;
  /** Catalogue note (caveats), if any. */
  note?: string;
  /** Reason the project gives for its override or user frequencies, if any. */
  reason?: string;
  /** For an override: the catalogue value it replaced, in `basis` units, with its provenance. */
  replaced?: { frequency: number; source: string; confidence: Confidence };
}

/** The hole of a continuous LOC, resolved to a diameter for one equipment item. */
export interface ResolvedHole {
  /**
   * `fixed` (e.g. 10 mm), `fraction-of-diameter` (leak: 10 % of the line diameter, at most 50 mm),
   * `full-bore` (the line's own diameter), `tube-ruptures` (heat-exchanger tubes, equivalent diameter of
   * the open cross-sections), `hole-class` (small/medium/large of the hole-size catalogue).
   */
  kind: 'fixed' | 'fraction-of-diameter' | 'full-bore' | 'tube-ruptures' | 'hole-class';
  /** Effective hole diameter, m: the circle with the same flow area. */
  diameter: Metres;
  /**
   * True when the flow passes a length of line before the opening (full-bore ruptures, tube ruptures):
   * a flashing liquid then leaves two-phase (Fauske ERM), not as liquid through an orifice.
   */
  throughLine: boolean;
  /** How the diameter was obtained, e.g. `10 % of 80 mm`, `full bore of 150 mm pipe`. */
  description: string;
}

/** How long a continuous release may last at most, and why. */
export interface DurationLimit {
  value: Seconds;
  /** e.g. `Purple Book maximum continuous duration (rule set)`, `API RP 581 Table 4.7, detection B / isolation B`. */
  basis: string;
}

/**
 * One LOC of one equipment item, with its frequency per year (before any source-term calculation).
 * Produced by `locCasesForEquipment`.
 */
export interface LocCase {
  installationId: string;
  /** Index of the item in `installation.equipment` (0-based). */
  equipmentIndex: number;
  /** The item's `id` from the project, or `E<index + 1>`. */
  equipmentLabel: string;
  equipmentType: EquipmentType;
  /** Catalogue LOC id (the key of the item's overrides): e.g. `instantaneous`, `leak`, `medium`. */
  locId: string;
  /** Stable, human-readable: `<installation id>/<equipment label>/<LOC id>`, e.g. `T101/E1/instantaneous`. */
  scenarioId: string;
  description: string;
  catalogue: LocCatalogueChoice;
  /** How the LOC releases: all at once, the whole contents at a constant rate over a fixed time, or a hole. */
  release: ReleaseMode;
  /** Duration of a fixed-duration LOC (Purple Book 10-minute: 600 s). */
  fixedDuration?: Seconds;
  /** Hole of a continuous LOC. */
  hole?: ResolvedHole;
  /** Longest continuous release, for `continuous` and `fixed-duration` LOCs. */
  durationLimit?: DurationLimit;
  /** Into the atmosphere, or from an inner tank into its outer shell (double-containment tanks). */
  into: 'atmosphere' | 'outer-shell';
  frequency: PerYear;
  frequencyOrigin: FrequencyOrigin;
}

/** Ambient conditions the source terms use. `Weather['ambient']` of a project fits (windSpeed optional). */
export interface ReleaseAmbient {
  /** Air temperature, K; also the ground temperature under a pool. */
  temperature: Kelvin;
  /** Atmospheric pressure, Pa. */
  pressure: Pascals;
  /**
   * Wind speed at 10 m used for the evaporation of a non-boiling pool, m/s; default
   * `DEFAULT_POOL_WIND_SPEED`. The outcome builder may recompute per weather class with `poolEvaporation`.
   */
  windSpeed?: MetresPerSecond;
}

/** Phase of the material as it leaves the hole. */
export type ExitPhase =
  /** Gas (or vapour) through an orifice, choked or sub-critical. */
  | 'gas'
  /** Liquid that does not flash (at or below its normal boiling point). */
  | 'liquid'
  /** Superheated liquid through an orifice (no time to flash inside); it flashes just outside the hole. */
  | 'flashing-liquid'
  /** Liquid–vapour mixture after flashing along a line (Fauske equilibrium rate model). */
  | 'two-phase';

/** How the outflow rate was obtained. */
export type DischargeModel =
  /** core/discharge dischargeGas (YB eqs. 2.22–2.26). */
  | 'gas-orifice'
  /** core/discharge dischargeLiquid (Bernoulli; YB 2.194–2.196). */
  | 'liquid-orifice'
  /** core/discharge dischargeTwoPhase (Fauske ERM, CCPS99). */
  | 'two-phase-erm'
  /** Purple Book fixed-duration LOC: contents / duration (no hole). */
  | 'contents-over-duration';

export interface Discharge {
  model: DischargeModel;
  /**
   * Hole diameter, m. For a fixed-duration LOC (no hole) the equivalent diameter that gives the same rate at
   * the vessel conditions with the same discharge model (`holeIsEquivalent` true).
   */
  holeDiameter?: Metres;
  holeIsEquivalent: boolean;
  /** Discharge coefficient used (default 0.62). */
  dischargeCoefficient: number;
  exitPhase: ExitPhase;
  /**
   * Velocity in the hole including Cd, m/s: gas `exitVelocity` of dischargeGas (Cd × throat velocity),
   * liquid Bernoulli velocity; two-phase: the liquid-equivalent Cd·G/ρ_L (a lower bound: the exit quality
   * is not part of the ERM result).
   */
  exitVelocity: MetresPerSecond;
  /** Temperature in the hole, K (gas: throat temperature; liquids: the storage temperature). */
  exitTemperature: Kelvin;
  /** Gas only: true when the flow is sonic in the hole. */
  choked?: boolean;
  /** Liquids: height of liquid above the hole assumed, m (docs/method-loc.md "Liquid head"). */
  liquidHead?: Metres;
}

/** Evaporation of a pool on land, by the model that applies to its liquid. */
export type PoolEvaporationModel =
  | {
      /** Boiling point below the ground (ambient) temperature: heat conducted from the ground (CCPS99; YB ch. 3). */
      model: 'boiling-ground-conduction';
      groundConductivity: WattsPerMetreKelvin;
      groundDiffusivity: SquareMetresPerSecond;
      groundTemperature: Kelvin;
      boilingPoint: Kelvin;
      heatOfVaporization: JoulesPerKilogram;
    }
  | {
      /** Non-boiling liquid: wind-driven mass transfer, Mackay & Matsugu (YB 3.13/3.24/3.25). */
      model: 'mackay-matsugu';
      /** Vapour pressure at the pool temperature, Pa (Antoine). */
      vapourPressure: Pascals;
      molarMass: KilogramsPerMole;
      /** True when the Antoine fit was used outside its temperature range (report it). */
      vapourPressureExtrapolated: boolean;
    };

/**
 * The pool formed by the liquid that reaches the ground. The whole rained-out mass is put into the pool at
 * once and the pool is at its final (maximum) extent from the start: spreading in time is not modelled.
 */
export interface PoolSource {
  /** Liquid mass in the pool, kg (= the case's rainoutMass). */
  mass: Kilograms;
  volume: CubicMetres;
  /** Pool area, m² (bund, tank footprint or spread to the minimum thickness; overflow added, see `confinement`). */
  area: SquareMetres;
  /** Diameter of the circle of the same area, m. */
  diameter: Metres;
  /**
   * What bounds the pool: a bund, the outer shell of a double-containment tank, or nothing (spread to the
   * minimum layer thickness). `overflowed`: the spill exceeded the bund capacity and the excess spread
   * outside at the minimum thickness (its area is added).
   */
  confinement: 'bund' | 'outer-shell' | 'none';
  overflowed: boolean;
  /** Minimum layer thickness used for unconfined spreading, m. */
  minimumThickness: Metres;
  /** Liquid temperature in the pool, K: min(storage temperature, normal boiling point). */
  temperature: Kelvin;
  evaporation: PoolEvaporationModel;
  /** Wind speed at 10 m the rate below was computed with, m/s (Mackay–Matsugu only depends on it). */
  windSpeed: MetresPerSecond;
  /** Mean evaporation rate over `evaporationDuration`, kg/s. */
  evaporationRate: KilogramsPerSecond;
  /** Until the pool has evaporated, at most the rule set's maximum continuous duration, s. */
  evaporationDuration: Seconds;
  /** evaporationRate × evaporationDuration ≤ mass, kg. */
  evaporatedMass: Kilograms;
}

/** What the material was before the release. */
export interface StorageState {
  phase: Phase;
  temperature: Kelvin;
  /** Absolute, Pa. Also the vessel pressure at failure for the fireball radiative fraction. */
  pressure: Pascals;
  /** Mass this LOC can release, kg (docs/method-loc.md "Contents"). */
  contents: Kilograms;
  /** How `contents` was obtained, e.g. `installation inventory`, `volume 25 m³ × fill 0.8 × 1564 kg/m³`. */
  contentsBasis: string;
}

interface ReleaseCaseBase {
  // ---- identity and frequency ----
  installationId: string;
  equipmentIndex: number;
  equipmentLabel: string;
  equipmentType: EquipmentType;
  locId: string;
  /** `<installation>/<equipment>/<LOC>`, e.g. `T101/E1/instantaneous`. */
  scenarioId: string;
  description: string;
  catalogue: LocCatalogueChoice;
  /** The catalogue's release kind (the outcome builder uses `mode`). */
  locRelease: ReleaseMode;
  frequency: PerYear;
  frequencyOrigin: FrequencyOrigin;
  /** Into the atmosphere, or into the outer shell of a double-containment tank (no jet reaches the air). */
  into: 'atmosphere' | 'outer-shell';

  // ---- substance ----
  substanceId: string;
  /** Any of the hazard flags flammable_gas, flammable_liquid, combustible_liquid. */
  flammable: boolean;
  /** Any of the hazard flags toxic_gas, toxic_liquid. */
  toxic: boolean;
  storage: StorageState;

  // ---- mass balance: releasedMass = airborneMass + rainoutMass ----
  /** Total mass leaving the containment, kg. */
  releasedMass: Kilograms;
  /** Mass going straight into the air as vapour plus aerosol, kg. */
  airborneMass: Kilograms;
  /** Mass raining out to the pool, kg. */
  rainoutMass: Kilograms;
  /**
   * Adiabatic flash fraction of a superheated liquid (CCPS99 linear form, core/discharge flashFraction);
   * 0 for a liquid at or below its boiling point; 1 for a gas.
   */
  flashFraction: Probability;
  /** airborneMass / releasedMass: gas 1; liquids min(1, 2·flashFraction) (CCPS99 rule of thumb). */
  airborneFraction: Probability;

  // ---- geometry and state of the airborne release ----
  /** Height of the release above the ground, m (default 1 m; docs/method-loc.md). */
  releaseHeight: Metres;
  /**
   * Temperature of the airborne material once its jet has slowed down, K: gas — the storage temperature (an
   * ideal gas keeps its stagnation enthalpy and has no Joule–Thomson cooling; the cold isentropic state of
   * the expanding jet is in `expandedJet`); flashed liquid — its normal boiling point; non-flashing liquid —
   * the storage temperature.
   */
  releaseTemperature: Kelvin;
  /** Vessel pressure at failure, Pa absolute (= storage pressure), for the fireball radiative fraction. */
  vesselPressure: Pascals;
  /** Pool of the rained-out liquid; absent when nothing rains out. */
  pool?: PoolSource;
  /**
   * Release size x of the Purple Book direct-ignition table (Table 4.5): the total outflow rate in kg/s of a
   * continuous release, or the total released mass in kg of an instantaneous one.
   */
  ignitionSize: { value: number; basis: 'continuous-rate-kg-s' | 'instantaneous-mass-kg' };
  /** Assumptions and caveats specific to this case (extrapolations, capped diameters, defaults used). */
  notes: readonly string[];
}

/** The whole contents at once (Purple Book instantaneous LOC; hole-size `rupture` of a vessel). */
export interface InstantaneousRelease extends ReleaseCaseBase {
  mode: 'instantaneous';
}

/**
 * A release at a constant rate for a time: Purple Book 10-minute (contents/600 s) and hole releases, the
 * latter lasting min(duration limit, contents/rate).
 */
export interface ContinuousRelease extends ReleaseCaseBase {
  mode: 'continuous';
  /** Total outflow rate, kg/s. */
  releaseRate: KilogramsPerSecond;
  /** Part of the outflow going straight into the air (vapour + aerosol), kg/s. */
  airborneRate: KilogramsPerSecond;
  /** Release duration, s. */
  duration: Seconds;
  /** Why the release lasts `duration`: the limit, or the contents running out. */
  durationBasis: string;
  discharge: Discharge;
  /**
   * Gas releases into the atmosphere with a pressure above ambient: the jet expanded isentropically to
   * ambient pressure (core/fire expandedJet), the input of the Chamberlain jet fire. Absent otherwise.
   */
  expandedJet?: ExpandedJet;
}

/** A loss of containment turned into its source term. Discriminate on `mode`. */
export type ReleaseCase = InstantaneousRelease | ContinuousRelease;

/**
 * A source term cannot be computed for an installation: a substance property a model needs is absent, or
 * the installation's state makes the model meaningless. The message names the installation, the
 * substance and the property or field.
 */
export class SourceTermError extends Error {
  override name = 'SourceTermError';
  constructor(
    readonly installationId: string,
    readonly substanceId: string,
    /** The substance property (e.g. `liquidDensity`) or installation field (e.g. `pressure`) at fault. */
    readonly field: string,
    message: string,
  ) {
    super(`installation '${installationId}', substance '${substanceId}': ${field}: ${message}`);
  }
}
