/// <reference lib="webworker" />
/**
 * One engine Web Worker. Risk requests go to core/qra/risk-jobs.ts handleRiskRequest unchanged (the worker
 * rebuilds the events of the installations it was given and computes their layers); `assess` runs
 * assessProject on the grid and layers the coordinator gathered, for the targets, contours, distances, F-N and
 * verdicts. The work is synchronous: cancelling is the page terminating the worker.
 */
import { assessProject } from '../../../core/qra/assess.ts';
import { handleRiskRequest, type RiskWorkerState } from '../../../core/qra/risk-jobs.ts';
import type { AssessRequest, EngineRequest, EngineResponse } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const state: RiskWorkerState = { events: [] };
const post = (message: EngineResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);

function assess({ input, grid, layers }: AssessRequest): void {
  try {
    const substances = new Map(input.substances.map((s) => [s.id, s]));
    const { layers: _sameAsGiven, ...result } = assessProject(
      input.project,
      input.rules,
      (id) => substances.get(id),
      {
        consequenceInstallations: input.consequenceInstallations,
        riskGrid: { grid, layers: new Map(layers.map((l) => [l.installationId, l.values])) },
      },
    );
    post({ kind: 'assessed', result });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.kind === 'assess') assess(request);
  else handleRiskRequest(state, request, post);
};
