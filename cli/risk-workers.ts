import { Worker } from 'node:worker_threads';
import type { Project } from '../core/project/types.ts';
import type { RuleSet } from '../core/rules/types.ts';
import type { SubstanceLookup } from '../core/qra/assess.ts';
import {
  lowestCriterion,
  partitionInstallations,
  type RiskRequest,
  type RiskResponse,
} from '../core/qra/risk-jobs.ts';
import { gridFromRaySamples, mergeExtents, riskRays, type GridSpec } from '../core/risk/grid.ts';
import type { Substance } from '../core/substance/index.ts';
import { riskWorkerEntry, type RiskWorkerEntry } from './risk-worker-source.ts';

export interface WorkerRunOptions {
  /** Number of worker threads (≥ 1); the result does not depend on it. */
  workers: number;
  /** Progress over all workers, (events done, events in all). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the workers and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A fixed grid; absent: sized like gridForRiskLevel to close the rule set's lowest criterion. */
  grid?: GridSpec;
}

/** One worker thread speaking the protocol of core/qra/risk-jobs.ts, one request at a time. */
class RiskWorker {
  private readonly worker: Worker;
  private pending:
    | { resolve: (r: RiskResponse) => void; reject: (e: Error) => void; onProgress?: (done: number) => void }
    | undefined;

  constructor(entry: RiskWorkerEntry) {
    // A larger young generation: building events and fields allocates many short-lived objects, and the
    // default semi-spaces make the thread spend about a fifth of its time collecting them.
    const resourceLimits = { maxYoungGenerationSizeMb: 96 };
    this.worker =
      entry.kind === 'bundle'
        ? new Worker(entry.code, { eval: true, resourceLimits })
        : new Worker(entry.url, { resourceLimits });
    this.worker.on('message', (response: RiskResponse) => {
      const p = this.pending;
      if (!p) return;
      if (response.kind === 'progress') return p.onProgress?.(response.done);
      this.pending = undefined;
      if (response.kind === 'error') p.reject(new RangeError(response.message));
      else p.resolve(response);
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`risk worker stopped (exit code ${code})`)));
  }

  request(message: RiskRequest, onProgress?: (done: number) => void): Promise<RiskResponse> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, ...(onProgress ? { onProgress } : {}) };
      this.worker.postMessage(message);
    });
  }

  fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

function expect<K extends RiskResponse['kind']>(
  r: RiskResponse,
  kind: K,
): Extract<RiskResponse, { kind: K }> {
  if (r.kind !== kind) throw new Error(`risk worker answered '${r.kind}', expected '${kind}'`);
  return r as Extract<RiskResponse, { kind: K }>;
}

/**
 * The fast engine's grid and per-installation layers computed on worker threads: installations are
 * partitioned over the workers, each worker rebuilds its installations' events from plain data, the ray
 * samples of gridForRiskLevel are summed in sorted installation order, and every layer comes back as a
 * transferred Float64Array. Bit-identical to the in-thread fast engine whatever the number of workers.
 */
export async function riskGridInWorkers(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  options: WorkerRunOptions,
): Promise<{ grid: GridSpec; layers: Map<string, Float64Array> }> {
  if (!(options.workers >= 1)) throw new RangeError(`workers must be ≥ 1, got ${options.workers}`);
  const signal = options.signal;
  signal?.throwIfAborted();
  const substances = [
    ...new Set(project.installations.filter((i) => i.equipment.length > 0).map((i) => i.substance)),
  ]
    .map(substanceOf)
    .filter((s): s is Substance => s !== undefined);
  const parts = partitionInstallations(project, options.workers);
  const entry = await riskWorkerEntry();
  signal?.throwIfAborted();
  const workers = parts.map(() => new RiskWorker(entry));
  const abort = () =>
    workers.forEach((w) => w.fail(signal?.reason instanceof Error ? signal.reason : new Error('cancelled')));
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const all = <T>(each: (w: RiskWorker, i: number) => Promise<T>) => Promise.all(workers.map(each));
    const extents = await all(async (w, i) =>
      expect(
        await w.request({ kind: 'events', project, rules, substances, installationIds: parts[i]! }),
        'extent',
      ),
    );
    const extent = mergeExtents(extents.map((e) => e.extent));
    const totalEvents = extents.reduce((s, e) => s + e.events, 0);
    const cellSize = project.settings.cellSize;
    let grid = options.grid;
    if (!grid) {
      const rays = riskRays(extent, cellSize);
      const answers = await all(async (w) =>
        expect(await w.request({ kind: 'rays', rays, cellSize }), 'ray-samples'),
      );
      const byId = new Map(
        answers.flatMap((a) => a.samples.map((s) => [s.installationId, s.values] as const)),
      );
      const total = new Float64Array(rays.rays * rays.radii.length);
      for (const id of [...byId.keys()].sort()) {
        const values = byId.get(id)!;
        for (let q = 0; q < total.length; q++) total[q]! += values[q]!;
      }
      grid = gridFromRaySamples(extent, rays, total, cellSize, lowestCriterion(rules));
    }
    const done = new Array<number>(workers.length).fill(0);
    const answers = await all(async (w, i) =>
      expect(
        await w.request({ kind: 'layers', grid: grid! }, (d) => {
          done[i] = d;
          options.onProgress?.(
            done.reduce((s, x) => s + x, 0),
            totalEvents,
          );
        }),
        'layers',
      ),
    );
    const layers = new Map(
      answers.flatMap((a) => a.layers.map((l) => [l.installationId, l.values] as const)),
    );
    return { grid, layers };
  } finally {
    signal?.removeEventListener('abort', abort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
