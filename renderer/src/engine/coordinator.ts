/**
 * Spreading one run's individual-risk grid over several engine workers, with the protocol of
 * core/qra/risk-jobs.ts and the same order of work as the CLI (cli/risk-workers.ts): each worker builds the
 * events of its installations and says where they lie; the extents merge; when the grid is sized, each worker
 * samples its installations on the grid-sizing rays and the samples are summed in sorted installation order;
 * then each worker computes its installations' layers. No result depends on the number of workers: a layer
 * is one installation's alone, and every sum runs in sorted id order.
 *
 * Layers of earlier runs are kept when the installation's key (layerKey) is unchanged and the grid is the
 * same, so editing one installation recomputes one layer. The grid itself is always sized afresh from every
 * installation (coarse fields, cheap): an edit can move the lowest criterion's contour.
 */
import {
  partitionInstallations,
  lowestCriterion,
  type LayerOut,
  type RiskRequest,
  type RiskResponse,
} from '../../../core/qra/risk-jobs.ts';
import { gridFromRaySamples, mergeExtents, riskRays, type GridSpec } from '../../../core/risk/grid.ts';
import { layerKey, sameGrid } from './layer-key.ts';
import type { EngineInput, EngineRequest, EngineResponse, KnownLayer } from './protocol.ts';

/** One engine worker, one request at a time; `onProgress` receives the events done of a `layers` request. */
export interface EnginePort {
  request(message: EngineRequest, onProgress?: (done: number) => void): Promise<EngineResponse>;
}

/** What the coordinator is doing, for the progress line. */
export type EngineStage = 'events' | 'grid' | 'layers' | 'verdicts';

export interface RiskGridRun {
  grid: GridSpec;
  /** Every installation's layer on `grid`, in sorted id order, with its key. */
  layers: KnownLayer[];
  /** How many layers were computed in this run (the others were reused). */
  computed: number;
  /** How many workers took part. */
  workers: number;
}

/**
 * How many engine workers to start: one core is left to the page, at least one worker, at most four (beyond
 * that the per-worker cost of building events outweighs the gain on the plants the app is for).
 */
export function workerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency!) : 2;
  return Math.min(4, Math.max(1, cores - 1));
}

async function ask<K extends RiskResponse['kind']>(
  port: EnginePort,
  request: RiskRequest,
  kind: K,
  onProgress?: (done: number) => void,
): Promise<Extract<RiskResponse, { kind: K }>> {
  const response = await port.request(request, onProgress);
  if (response.kind === 'error') throw new Error(response.message);
  if (response.kind !== kind)
    throw new Error(`engine worker answered '${response.kind}', expected '${kind}'`);
  return response as Extract<RiskResponse, { kind: K }>;
}

/** Substances the installations with equipment use (user-defined scenarios need none). */
function substancesUsed(input: EngineInput) {
  const ids = new Set(
    input.project.installations.filter((i) => i.equipment.length > 0).map((i) => i.substance),
  );
  return input.substances.filter((s) => ids.has(s.id));
}

/**
 * The grid and every installation's layer, computed on `ports` (one per partition set; pass at least as many
 * ports as `partitionInstallations(project, ports.length)` returns sets). `known` layers are reused where
 * their key and grid still match.
 */
export async function riskGridOnPorts(
  input: EngineInput,
  ports: readonly EnginePort[],
  known: readonly KnownLayer[],
  onProgress: (stage: EngineStage, done: number, total: number) => void,
): Promise<RiskGridRun> {
  const { project, rules } = input;
  const substances = substancesUsed(input);
  const parts = partitionInstallations(project, ports.length);
  const used = ports.slice(0, parts.length);
  const eventsOf = (ids: readonly string[]): RiskRequest => ({
    kind: 'events',
    project,
    rules,
    substances,
    installationIds: ids,
  });

  onProgress('events', 0, 0);
  const extents = await Promise.all(used.map((port, i) => ask(port, eventsOf(parts[i]!), 'extent')));
  const extent = mergeExtents(extents.map((e) => e.extent));
  const cellSize = project.settings.cellSize;
  onProgress('grid', 0, 0);
  const rays = riskRays(extent, cellSize);
  const sampled = await Promise.all(
    used.map((port) => ask(port, { kind: 'rays', rays, cellSize }, 'ray-samples')),
  );
  const byId = new Map(sampled.flatMap((a) => a.samples.map((s) => [s.installationId, s.values] as const)));
  const total = new Float64Array(rays.rays * rays.radii.length);
  for (const id of [...byId.keys()].sort()) {
    const values = byId.get(id)!;
    for (let q = 0; q < total.length; q++) total[q]! += values[q]!;
  }
  const grid = gridFromRaySamples(extent, rays, total, cellSize, lowestCriterion(rules));

  const keys = new Map(project.installations.map((i) => [i.id, layerKey(input, i.id)]));
  const reused = new Map(
    known
      .filter((k) => keys.get(k.installationId) === k.key && sameGrid(k.grid, grid))
      .map((k) => [k.installationId, k.layer]),
  );
  // A worker whose installations are all reused rests; one with some reused rebuilds only the others' events.
  const jobs = used.flatMap((port, i) => {
    const ids = parts[i]!.filter((id) => !reused.has(id));
    if (ids.length === 0) return [];
    return [{ port, ids, events: ids.length === parts[i]!.length ? extents[i]!.events : -1 }];
  });
  await Promise.all(
    jobs
      .filter((job) => job.events < 0)
      .map(async (job) => {
        job.events = (await ask(job.port, eventsOf(job.ids), 'extent')).events;
      }),
  );
  const allEvents = jobs.reduce((sum, job) => sum + job.events, 0);
  const done = jobs.map(() => 0);
  onProgress('layers', 0, allEvents);
  const answers = await Promise.all(
    jobs.map((job, i) =>
      ask(job.port, { kind: 'layers', grid }, 'layers', (d) => {
        done[i] = d;
        onProgress(
          'layers',
          done.reduce((s, x) => s + x, 0),
          allEvents,
        );
      }),
    ),
  );
  const computed = new Map(
    answers.flatMap((a) => a.layers.map((l) => [l.installationId, l.values] as const)),
  );
  const layers = [...new Set([...reused.keys(), ...computed.keys()])].sort().map((installationId) => ({
    installationId,
    key: keys.get(installationId) ?? '',
    grid,
    layer: (computed.get(installationId) ?? reused.get(installationId))!,
  }));
  return { grid, layers, computed: computed.size, workers: used.length };
}

/** Layers as the protocol's LayerOut; posted without transfer, so the worker gets copies and the caller keeps its own. */
export const layersOut = (layers: readonly KnownLayer[]): LayerOut[] =>
  layers.map((l) => ({ installationId: l.installationId, values: l.layer }));
