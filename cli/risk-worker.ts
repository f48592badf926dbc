import { parentPort } from 'node:worker_threads';
import { handleRiskRequest, type RiskRequest, type RiskWorkerState } from '../core/qra/risk-jobs.ts';

/** A risk worker thread: answers the requests of core/qra/risk-jobs.ts on its parent port. */
const port = parentPort;
if (!port) throw new Error('risk-worker.ts must run in a worker thread');
const state: RiskWorkerState = { events: [] };
port.on('message', (request: RiskRequest) => {
  handleRiskRequest(state, request, (response, transfer) => port.postMessage(response, transfer));
});
