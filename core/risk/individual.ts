import { downwindBearing, sectorProbabilities, type RiskEvent, type WindStatistics } from './events.ts';
import { sectorMeanLethality, type Footprint } from './footprint.ts';
import { bearing } from './geometry.ts';

/**
 * Probability of death at (x, y) given that the event happens, averaged over the wind rose: for each sector
 * the wind direction is uniform within it and the footprint is averaged over those directions
 * (PB CPR 18E §6.3, Appendix 6.B; DESIGN.md "The calculation", step 7).
 * @returns probability 0–1 (multiply by the event frequency for the risk per year)
 */
export function eventDeathProbability(
  footprint: Footprint,
  source: readonly [number, number],
  x: number,
  y: number,
  windRose: readonly number[],
): number {
  const dx = x - source[0];
  const dy = y - source[1];
  const r = Math.hypot(dx, dy);
  if (r > footprint.reach) return 0;
  if (footprint.radial) return footprint.lethality(r, 0);
  const n = windRose.length;
  const width = (2 * Math.PI) / n;
  const toPoint = bearing(dx, dy);
  let p = 0;
  for (let k = 0; k < n; k++) {
    const pk = windRose[k]!;
    if (pk === 0) continue;
    p += pk * sectorMeanLethality(footprint, r, toPoint - downwindBearing(k, n), width);
  }
  return p;
}

/** Individual risk at (x, y) from one event, per year. */
export function eventIndividualRisk(event: RiskEvent, wind: WindStatistics, x: number, y: number): number {
  return (
    event.frequency *
    eventDeathProbability(
      event.individual,
      event.source,
      x,
      y,
      sectorProbabilities(wind, event.weatherClassId),
    )
  );
}

export interface Contribution {
  installationId: string;
  scenarioId: string;
  outcome: string;
  /** Individual risk from this (installation, scenario, outcome), summed over weather classes, per year. */
  risk: number;
  /** Share of the point's total risk, 0–1. */
  share: number;
}

export interface PointRisk {
  /** Individual risk, per year. */
  risk: number;
  /** Contributors, largest first. */
  contributors: Contribution[];
}

/**
 * Individual risk at a point with its contributors (installation, scenario, outcome), summed over weather
 * classes, largest first. Computed directly from the events, not interpolated from a grid.
 */
export function individualRiskAt(
  events: readonly RiskEvent[],
  wind: WindStatistics,
  x: number,
  y: number,
): PointRisk {
  return pointRiskOf(events, (e) => eventIndividualRisk(e, wind, x, y));
}

/**
 * The point risk of `individualRiskAt` from each event's risk at the point (per year), given by `riskOf`
 * (event, its index in `events`): callers that kept the events' risks at a point (core/qra's judge cache)
 * sum them here in the same order, so the total and the contributors are the same numbers to the bit.
 */
export function pointRiskOf(
  events: readonly RiskEvent[],
  riskOf: (event: RiskEvent, index: number) => number,
): PointRisk {
  const byKey = new Map<string, Contribution>();
  let total = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    const risk = riskOf(e, k);
    if (risk === 0) continue;
    total += risk;
    const key = `${e.installationId}\u0000${e.scenarioId}\u0000${e.outcome}`;
    const c = byKey.get(key);
    if (c) c.risk += risk;
    else
      byKey.set(key, {
        installationId: e.installationId,
        scenarioId: e.scenarioId,
        outcome: e.outcome,
        risk,
        share: 0,
      });
  }
  const contributors = [...byKey.values()];
  for (const c of contributors) c.share = total > 0 ? c.risk / total : 0;
  contributors.sort((a, b) => b.risk - a.risk || compareKeys(a, b));
  return { risk: total, contributors };
}

function compareKeys(a: Contribution, b: Contribution): number {
  return (
    a.installationId.localeCompare(b.installationId) ||
    a.scenarioId.localeCompare(b.scenarioId) ||
    a.outcome.localeCompare(b.outcome)
  );
}
