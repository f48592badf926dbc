/// <reference lib="webworker" />
/**
 * The point probe's Web Worker: builds the project's events once (`load`), then answers `point` requests
 * with the individual risk at a point evaluated directly over every event (core/risk individualRiskAt, the
 * plain engine's sum) and its largest contributors by scenario and outcome. Kept apart from the grid
 * workers, which end with their run.
 */
import { projectEvents, windStatistics } from '../../../core/qra/assess.ts';
import { individualRiskAt } from '../../../core/risk/individual.ts';
import type { RiskEvent, WindStatistics } from '../../../core/risk/events.ts';
import type { PointRequest, PointResponse } from './point-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let loaded: { events: RiskEvent[]; wind: WindStatistics } | undefined;
const post = (message: PointResponse) => self.postMessage(message);

self.onmessage = (event: MessageEvent<PointRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'load') {
      const substances = new Map(request.input.substances.map((s) => [s.id, s]));
      loaded = {
        events: projectEvents(request.input.project, request.input.rules, (id) => substances.get(id)),
        wind: windStatistics(request.input.project),
      };
      return;
    }
    if (!loaded) throw new Error("'point' before 'load'");
    const { risk, contributors } = individualRiskAt(loaded.events, loaded.wind, request.x, request.y);
    post({
      kind: 'point',
      id: request.id,
      risk,
      contributors: contributors.slice(0, request.top).map((c) => ({
        installation: c.installationId,
        scenario: c.scenarioId,
        outcome: c.outcome,
        risk: c.risk,
        share: c.share,
      })),
    });
  } catch (error) {
    post({ kind: 'error', id: request.kind === 'point' ? request.id : -1, message: String(error) });
  }
};
