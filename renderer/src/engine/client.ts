import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { EngineInput, KnownLayer, RunRequest, WorkerMessage } from './protocol.ts';

export interface EngineRun {
  /** Resolves with the result and every installation's layer; rejects with CancelledError when cancelled. */
  done: Promise<{ result: AssessmentResult; layers: KnownLayer[]; computed: number }>;
  /** Stops the computation at once (terminates the worker). */
  cancel(): void;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}

/**
 * Starts one assessment in a new Web Worker. One worker per run: the engine is synchronous inside, so
 * cancelling means terminating it, and a fresh worker also frees the memory of the last run.
 * The known layers are copied to the worker (the caller keeps its own).
 */
export function startEngine(
  input: EngineInput,
  known: readonly KnownLayer[],
  onProgress: (done: number, total: number) => void,
): EngineRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'safedist-engine',
  });
  let settle: ((error: Error) => void) | null = null;
  const done = new Promise<{ result: AssessmentResult; layers: KnownLayer[]; computed: number }>(
    (resolve, reject) => {
      settle = reject;
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'progress') return onProgress(message.done, message.total);
        worker.terminate();
        if (message.type === 'done') resolve(message);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || 'the engine worker failed to start'));
      };
    },
  );
  const request: RunRequest = {
    type: 'run',
    input,
    known: known.map((k) => ({ ...k, layer: k.layer.slice() })),
  };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle?.(new CancelledError('cancelled'));
    },
  };
}
