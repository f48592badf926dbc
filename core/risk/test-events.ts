import type { RiskEvent, WindStatistics } from './events.ts';
import type { Footprint } from './footprint.ts';

/**
 * A test event: installation A, scenario U1, generic effect, weather class D5, at the origin, with the same
 * footprint for individual and societal risk unless `over` says otherwise.
 */
export function testEvent(footprint: Footprint, frequency: number, over: Partial<RiskEvent> = {}): RiskEvent {
  return {
    installationId: 'A',
    scenarioId: 'U1',
    outcome: '0',
    effect: 'generic',
    weatherClassId: 'D5',
    source: [0, 0],
    frequency,
    individual: footprint,
    societal: { indoor: footprint, outdoor: footprint },
    ...over,
  };
}

/** Weather class D5 with the wind equally likely from each of 12 sectors. */
export const UNIFORM_WIND: WindStatistics = { sectors: 12, byClass: { D5: new Array(12).fill(1 / 12) } };
