import type { Footprint } from './footprint.ts';
import type { Point } from './geometry.ts';

/** The kind of physical effect; it picks the societal-risk fractions indoors and outdoors. */
export type EffectKind = 'toxic' | 'heat' | 'flash-fire' | 'explosion' | 'generic';

/**
 * One event of the risk sum: an outcome of a loss-of-containment scenario in one weather class, with its
 * lethality footprints in the wind frame. Events are data: the engine sums them and never needs to know
 * which model produced them.
 */
export interface RiskEvent {
  installationId: string;
  scenarioId: string;
  /** Outcome name, e.g. `flash-fire`, `pool-fire`, `toxic`, or a user-defined outcome's index. */
  outcome: string;
  effect: EffectKind;
  weatherClassId: string;
  /** Release point in site coordinates, m. */
  source: Point;
  /** Frequency of this event per year: scenario frequency × outcome probability × weather-class probability. */
  frequency: number;
  /** Lethality of a person outdoors, unprotected (individual risk, PB §6.3). */
  individual: Footprint;
  /** Fractions of deaths among people indoors and outdoors (societal risk, PB eqs. 6.7, 6.13). */
  societal: { indoor: Footprint; outdoor: Footprint };
}

/** Wind statistics: n equal sectors; per weather class the probability that the wind blows FROM sector k. */
export interface WindStatistics {
  sectors: number;
  /** Probabilities by weather-class id, each of length `sectors`, summing to 1. */
  byClass: Readonly<Record<string, readonly number[]>>;
}

/** Bearing (rad, clockwise from north) towards which the wind carries a cloud when it blows from sector k. */
export function downwindBearing(sector: number, sectors: number): number {
  return (sector * 2 * Math.PI) / sectors + Math.PI;
}

/** Wind-sector probabilities of a weather class; an unknown class is a programming error. */
export function sectorProbabilities(wind: WindStatistics, weatherClassId: string): readonly number[] {
  const p = wind.byClass[weatherClassId];
  if (!p) throw new RangeError(`no wind rose for weather class '${weatherClassId}'`);
  return p;
}
