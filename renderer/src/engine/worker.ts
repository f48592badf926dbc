/// <reference lib="webworker" />
/**
 * The engine in a Web Worker: core/qra assessProject on the plain data the main process prepared, with
 * progress messages (at most one per percent) and the layers kept by installation id so that a later run
 * recomputes only the installations whose inputs changed. Cancelling is terminating the worker.
 */
import { assessProject } from '../../../core/qra/assess.ts';
import type { GridSpec } from '../../../core/risk/grid.ts';
import { layerKey, sameGrid } from './layer-key.ts';
import type { KnownLayer, RunRequest, WorkerMessage } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { input, known } = event.data;
  try {
    const substances = new Map(input.substances.map((s) => [s.id, s]));
    const keys = new Map(input.project.installations.map((i) => [i.id, layerKey(input, i.id)]));
    const reusable = (grid: GridSpec) =>
      new Map(
        known
          .filter((k) => keys.get(k.installationId) === k.key && sameGrid(k.grid, grid))
          .map((k) => [k.installationId, k.layer]),
      );
    let reused = 0;
    let shown = -1;
    const result = assessProject(input.project, input.rules, (id) => substances.get(id), {
      consequenceInstallations: input.consequenceInstallations,
      knownLayers: (grid) => {
        const layers = reusable(grid);
        reused = layers.size;
        return layers;
      },
      onProgress: (done, total) => {
        const percent = Math.floor((100 * done) / total);
        if (percent === shown) return;
        shown = percent;
        post({ type: 'progress', done, total });
      },
    });
    const { layers, ...plain } = result;
    const out: KnownLayer[] = [...layers].map(([installationId, layer]) => ({
      installationId,
      key: keys.get(installationId) ?? '',
      grid: result.grid,
      layer,
    }));
    // Known layers came in as copies; all of them can be handed back by transfer.
    post({ type: 'done', result: plain, layers: out, computed: layers.size - reused }, [
      ...new Set(out.map((l) => l.layer.buffer)),
    ]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
