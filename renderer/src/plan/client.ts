import type { ProjectPlan } from '../../../core/plan/index.ts';
import { CancelledError } from '../engine/client.ts';
import type { EngineInput } from '../engine/protocol.ts';
import type { PlanRequest, PlanResponse } from './protocol.ts';

export interface PlanRun {
  /** Resolves with the plan; rejects with CancelledError when cancelled, or with the engine's error. */
  done: Promise<ProjectPlan>;
  /** Stops the search at once (terminates the worker). */
  cancel(): void;
}

/**
 * Starts the plan of a project in a new Web Worker (worker.ts). One worker per plan: the search is
 * synchronous inside, so cancelling means terminating it.
 */
export function startPlan(input: EngineInput): PlanRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'safedist-plan',
  });
  let settle: ((error: Error) => void) | null = null;
  const done = new Promise<ProjectPlan>((resolve, reject) => {
    settle = reject;
    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      worker.terminate();
      if (event.data.kind === 'planned') resolve(event.data.plan);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the plan worker failed to start'));
    };
  });
  const request: PlanRequest = { kind: 'plan', input };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle?.(new CancelledError('cancelled'));
    },
  };
}
