import type { ReleaseCase } from '../loc/types.ts';
import type {
  Kelvin,
  Kilograms,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
  Pascals,
  Probability,
  Seconds,
} from '../../units/index.ts';

/**
 * What the event tree and the effect models need to know about one loss-of-containment release. The LOC
 * step (core/qra/loc/) produces the full release case; this is the subset read here, so that the outcome
 * code does not depend on how the source term was found. docs/method-outcomes.md gives the field mapping.
 *
 * Airborne quantities are what enters the atmosphere as vapour or aerosol at the release point (flash plus
 * aerosol after rain-out); the pool is what rained out or was spilled and evaporates from the ground.
 */
export interface OutcomeInput {
  /** Scenario (LOC case) id, carried to the events. */
  id: string;
  /** Frequency of the LOC case, per year (≥ 0). */
  frequency: number;
  /** Instantaneous (the inventory at once) or continuous (a rate for a duration). */
  mode: 'instantaneous' | 'continuous';
  /** Phase of the flow at the exit: a gas jet, a flashing (two-phase) jet, or a liquid stream. */
  phaseAtExit: 'gas' | 'two-phase' | 'liquid';
  /** Instantaneous: total mass released, kg (the fireball takes it all: models.md §5.3, Purple Book practice). */
  releasedMass?: Kilograms;
  /** Instantaneous: mass airborne as vapour and aerosol, kg. */
  airborneMass?: Kilograms;
  /** Continuous: total outflow rate from the hole, kg/s. */
  releaseRate?: KilogramsPerSecond;
  /** Continuous: rate airborne as vapour and aerosol, kg/s. */
  airborneRate?: KilogramsPerSecond;
  /** Continuous: release duration, s (capped by the LOC step at the rule set's maximum). */
  duration?: Seconds;
  /** Velocity of the jet expanded to ambient pressure, m/s (jet fires). */
  jetVelocity?: MetresPerSecond;
  /** Height of the release above the ground, m (≥ 0). */
  releaseHeight: Metres;
  /** A pool on the ground, when liquid rains out or is spilled. */
  pool?: {
    /** Equivalent diameter, m (> 0). */
    diameter: Metres;
    /** Evaporation rate, kg/s (≥ 0). */
    evaporationRate: KilogramsPerSecond;
    /** How long the pool evaporates (and would burn), s (> 0). */
    duration: Seconds;
  };
  /** Temperature of the airborne cloud at the exit (after flashing), K: sets the source density. */
  releaseTemperature: Kelvin;
  /** Temperature of the substance in the equipment, K (decides whether a K2–K4 liquid is above its flash point). */
  storageTemperature: Kelvin;
  /** Absolute pressure in the equipment, Pa (fireball radiative fraction, Roberts). */
  vesselPressure: Pascals;
  /**
   * Size read against PB Table 4.5's bands: the continuous outflow rate (kg/s) or the instantaneous mass (kg).
   * Defaults to `releaseRate` / `releasedMass`.
   */
  directIgnitionSize?: number;
}

/** The weather in which an outcome's footprint is computed. */
export interface OutcomeWeather {
  id: string;
  stability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  /** Wind speed at 10 m, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** Share of time in this class (0–1). */
  probability: Probability;
}

/** Ambient air (from the project's weather block). */
export interface OutcomeAmbient {
  temperature: Kelvin;
  pressure: Pascals;
  relativeHumidity: Probability;
}

/**
 * The outcome input of a release case from the LOC step (core/qra/loc/types.ts). Exit phase: a gas jet stays
 * `gas`; a flashing liquid or a two-phase flow is `two-phase`; a liquid that does not flash is `liquid`. An
 * instantaneous release is `gas` for stored gas, `two-phase` when the liquid flashes, else `liquid`. The
 * jet velocity is that of the jet expanded to ambient pressure when the LOC step gives it, else the exit
 * velocity. The pool evaporates at its mean rate for its evaporation duration.
 */
export function outcomeInputFromReleaseCase(rc: ReleaseCase): OutcomeInput {
  const phaseAtExit: OutcomeInput['phaseAtExit'] =
    rc.mode === 'continuous'
      ? rc.discharge.exitPhase === 'gas'
        ? 'gas'
        : rc.discharge.exitPhase === 'liquid'
          ? 'liquid'
          : 'two-phase'
      : rc.storage.phase === 'gas'
        ? 'gas'
        : rc.flashFraction > 0
          ? 'two-phase'
          : 'liquid';
  return {
    id: rc.scenarioId,
    frequency: rc.frequency,
    mode: rc.mode,
    phaseAtExit,
    releasedMass: rc.releasedMass,
    airborneMass: rc.airborneMass,
    ...(rc.mode === 'continuous'
      ? {
          releaseRate: rc.releaseRate,
          airborneRate: rc.airborneRate,
          duration: rc.duration,
          jetVelocity: rc.expandedJet?.velocity ?? rc.discharge.exitVelocity,
        }
      : {}),
    releaseHeight: rc.releaseHeight,
    ...(rc.pool
      ? {
          pool: {
            diameter: rc.pool.diameter,
            evaporationRate: rc.pool.evaporationRate,
            duration: rc.pool.evaporationDuration,
          },
        }
      : {}),
    releaseTemperature: rc.releaseTemperature,
    storageTemperature: rc.storage.temperature,
    vesselPressure: rc.vesselPressure,
    directIgnitionSize: rc.ignitionSize.value,
  };
}
