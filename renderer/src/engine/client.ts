import type { AssessmentResult } from '../../../core/qra/assess.ts';
import { layersOut, riskGridOnPorts, workerCount, type EnginePort, type EngineStage } from './coordinator.ts';
import type { EngineInput, EngineRequest, EngineResponse, KnownLayer } from './protocol.ts';

export interface EngineRun {
  /** Resolves with the result and every installation's layer; rejects with CancelledError when cancelled. */
  done: Promise<{ result: AssessmentResult; layers: KnownLayer[]; computed: number; workers: number }>;
  /** Stops the computation at once (terminates the workers). */
  cancel(): void;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** A Web Worker speaking the engine protocol, one request at a time. */
class WorkerPort implements EnginePort {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'safedist-engine',
  });
  private pending:
    | {
        resolve: (r: EngineResponse) => void;
        reject: (e: Error) => void;
        onProgress?: (done: number) => void;
      }
    | undefined;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<EngineResponse>) => {
      const p = this.pending;
      if (!p) return;
      if (event.data.kind === 'progress') return p.onProgress?.(event.data.done);
      this.pending = undefined;
      p.resolve(event.data);
    };
    this.worker.onerror = (event) =>
      this.fail(new Error(event.message || 'the engine worker failed to start'));
  }

  request(message: EngineRequest, onProgress?: (done: number) => void): Promise<EngineResponse> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, ...(onProgress ? { onProgress } : {}) };
      this.worker.postMessage(message);
    });
  }

  fail(error: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(error);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/**
 * Starts one assessment on new Web Workers: navigator.hardwareConcurrency − 1 of them (1 to 4) share the
 * installations' layers (coordinator.ts; never more workers than installations), then the first assesses the whole project on that grid. Fresh
 * workers per run: the engine is synchronous inside, so cancelling means terminating them, and it frees the
 * memory of the last run. `known` layers are only read.
 */
export function startEngine(
  input: EngineInput,
  known: readonly KnownLayer[],
  onProgress: (stage: EngineStage, done: number, total: number) => void,
): EngineRun {
  const count = Math.min(
    workerCount(navigator.hardwareConcurrency),
    Math.max(1, input.project.installations.length),
  );
  const ports = Array.from({ length: count }, () => new WorkerPort());
  let cancelled = false;
  const stop = () => ports.forEach((p) => p.terminate());
  const done = (async () => {
    try {
      const run = await riskGridOnPorts(input, ports, known, onProgress);
      onProgress('verdicts', 0, 0);
      const answer = await ports[0]!.request({
        kind: 'assess',
        input,
        grid: run.grid,
        layers: layersOut(run.layers),
      });
      if (answer.kind === 'error') throw new Error(answer.message);
      if (answer.kind !== 'assessed')
        throw new Error(`engine worker answered '${answer.kind}', expected 'assessed'`);
      return { result: answer.result, layers: run.layers, computed: run.computed, workers: run.workers };
    } catch (error) {
      throw cancelled ? new CancelledError('cancelled') : error;
    } finally {
      stop();
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      stop();
      ports.forEach((p) => p.fail(new CancelledError('cancelled')));
    },
  };
}
