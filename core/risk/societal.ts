import { downwindBearing, sectorProbabilities, type RiskEvent, type WindStatistics } from './events.ts';
import { bearing } from './geometry.ts';
import type { Footprint } from './footprint.ts';

/** A point standing for part of a population: people present by day and by night, and the indoor fractions. */
export interface PopulationPoint {
  x: number;
  y: number;
  day: number;
  night: number;
  indoorDay: number;
  indoorNight: number;
}

/** One step of the F-N curve: F is the frequency (per year) of events with N or more deaths. */
export interface FnPoint {
  n: number;
  f: number;
}

/** The (N, frequency) outcomes of all events, before accumulation. */
export interface SocietalOutcome {
  installationId: string;
  scenarioId: string;
  outcome: string;
  /** Expected number of deaths in this outcome (PB eq. 6.13). */
  deaths: number;
  /** Frequency per year: event frequency × wind-sector probability × day or night fraction. */
  frequency: number;
}

function lethalityAtPoint(fp: Footprint, r: number, alpha: number): number {
  return r > fp.reach ? 0 : fp.lethality(r, alpha);
}

/**
 * Expected deaths for every event, wind sector (the cloud along the sector's centre line, PB §6.4) and
 * period (day, night): N = Σ population × (f_in·F_E,in + (1 − f_in)·F_E,out) (PB eqs. 6.7, 6.13).
 * Outcomes with no deaths are dropped; their frequency does not enter F(N) for N > 0.
 * @param dayFraction fraction of the time that is day (PB Table 5.3 context: 0.44)
 */
export function societalOutcomes(
  events: readonly RiskEvent[],
  wind: WindStatistics,
  population: readonly PopulationPoint[],
  dayFraction: number,
): SocietalOutcome[] {
  const out: SocietalOutcome[] = [];
  const n = wind.sectors;
  for (const e of events) {
    const rose = sectorProbabilities(wind, e.weatherClassId);
    const reach = Math.max(e.societal.indoor.reach, e.societal.outdoor.reach);
    const near = population.filter((p) => Math.hypot(p.x - e.source[0], p.y - e.source[1]) <= reach);
    if (near.length === 0) continue;
    const radii = near.map((p) => Math.hypot(p.x - e.source[0], p.y - e.source[1]));
    const bearings = near.map((p) => bearing(p.x - e.source[0], p.y - e.source[1]));
    // A direction-independent effect kills the same people whichever way the wind blows: count them once.
    const radial = e.societal.indoor.radial && e.societal.outdoor.radial;
    let counted: { day: number; night: number } | undefined;
    for (let k = 0; k < n; k++) {
      const pk = rose[k]!;
      if (pk === 0) continue;
      if (!counted || !radial) {
        const axis = downwindBearing(k, n);
        let day = 0;
        let night = 0;
        near.forEach((p, q) => {
          const r = radii[q]!;
          const alpha = bearings[q]! - axis;
          const lin = lethalityAtPoint(e.societal.indoor, r, alpha);
          const lout = lethalityAtPoint(e.societal.outdoor, r, alpha);
          day += p.day * (p.indoorDay * lin + (1 - p.indoorDay) * lout);
          night += p.night * (p.indoorNight * lin + (1 - p.indoorNight) * lout);
        });
        counted = { day, night };
      }
      const { day, night } = counted;
      const base = { installationId: e.installationId, scenarioId: e.scenarioId, outcome: e.outcome };
      if (day > 0) out.push({ ...base, deaths: day, frequency: e.frequency * pk * dayFraction });
      if (night > 0) out.push({ ...base, deaths: night, frequency: e.frequency * pk * (1 - dayFraction) });
    }
  }
  return out;
}

/**
 * The F-N curve: for each distinct N among the outcomes (ascending), F(N) = Σ frequency of outcomes with
 * deaths ≥ N (PB eq. 6.6). F is a falling step function, constant on (N_{i−1}, N_i].
 */
export function fnCurve(outcomes: readonly SocietalOutcome[]): FnPoint[] {
  const sorted = [...outcomes].sort((a, b) => b.deaths - a.deaths);
  const points: FnPoint[] = [];
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]!.frequency;
    const next = sorted[i + 1];
    if (!next || next.deaths !== sorted[i]!.deaths) points.push({ n: sorted[i]!.deaths, f: cumulative });
  }
  return points.reverse();
}

/** Potential loss of life, deaths per year: Σ frequency × N, which equals the area under the F-N curve. */
export function potentialLossOfLife(outcomes: readonly SocietalOutcome[]): number {
  let pll = 0;
  for (const o of outcomes) pll += o.frequency * o.deaths;
  return pll;
}

/** A criterion line F = constant / N^slope for N ≥ 1 (GB 36894-2018 Figure 1: slope 1). */
export interface FnLine {
  constant: number;
  slope: number;
}

export type FnRegion = 'unacceptable' | 'alarp' | 'acceptable';

export interface FnVerdict {
  region: FnRegion;
  /** Largest F(N)·N^slope / constant of the unacceptable line over N ≥ 1 (> 1 means unacceptable). */
  worstRatio: number;
  /** N at which the worst ratio occurs, or null when no outcome reaches N ≥ 1. */
  worstN: number | null;
  /** Largest ratio to the acceptable line (≤ 1 means acceptable). */
  worstRatioAcceptable: number;
}

/**
 * Judges an F-N curve against the unacceptable and acceptable lines (GB 36894-2018 §4.2, Figure 1). Because F
 * is constant on each step (N_{i−1}, N_i] and the lines fall with N, checking the right-hand corner of
 * each step with N_i ≥ 1 is exact (spec/standards.md, defaults table).
 */
export function judgeFn(curve: readonly FnPoint[], unacceptable: FnLine, acceptable: FnLine): FnVerdict {
  let worstRatio = 0;
  let worstN: number | null = null;
  let worstAcc = 0;
  for (const { n, f } of curve) {
    if (n < 1) continue;
    const ratio = (f * n ** unacceptable.slope) / unacceptable.constant;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worstN = n;
    }
    worstAcc = Math.max(worstAcc, (f * n ** acceptable.slope) / acceptable.constant);
  }
  const region: FnRegion = worstRatio > 1 ? 'unacceptable' : worstAcc > 1 ? 'alarp' : 'acceptable';
  return { region, worstRatio, worstN, worstRatioAcceptable: worstAcc };
}
