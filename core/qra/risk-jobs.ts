import type { Project } from '../project/types.ts';
import type { RuleSet } from '../rules/types.ts';
import { INSTALLATION_STATUSES, TARGET_CATEGORIES } from '../rules/types.ts';
import type { Substance } from '../substance/index.ts';
import type { RiskEvent } from '../risk/events.ts';
import { eventExtent, type EventExtent, type GridSpec, type RiskRays } from '../risk/grid.ts';
import {
  fastIndividualRiskLayers,
  installationFields,
  raySamples,
  RAY_FIELD_OPTIONS,
} from '../risk/fast-grid.ts';
import { projectEvents, windStatistics, type SubstanceLookup } from './assess.ts';

/**
 * The message protocol of the risk workers (docs/performance.md "Workers"). A worker computes the individual
 * risk of some installations; events hold functions and cannot cross a thread boundary, so the worker gets
 * plain data (the parsed project, the rule set, the substances its installations use) and rebuilds its
 * installations' events itself. Three requests, each answered once, in this order:
 *
 * 1. `events` → `extent`: build the events of `installationIds`; answer where they lie.
 * 2. `rays` (only when the caller sizes the grid) → `ray-samples`: each installation's risk on the
 *    grid-sizing rays, read from coarse fields.
 * 3. `layers` → `progress`… then `layers`: each installation's layer on the grid.
 *
 * Any failure answers `error`. Cancellation is the caller terminating the worker: the work is synchronous
 * and a worker holds nothing that must be released. Arrays travel as transferable Float64Arrays. The same
 * handler serves Node worker_threads (cli/risk-workers.ts) and browser Web Workers.
 */
export type RiskRequest =
  | {
      kind: 'events';
      project: Project;
      rules: RuleSet;
      substances: readonly Substance[];
      installationIds: readonly string[];
    }
  | { kind: 'rays'; rays: RiskRays; cellSize: number }
  | { kind: 'layers'; grid: GridSpec };

export interface LayerOut {
  installationId: string;
  values: Float64Array;
}

export type RiskResponse =
  | { kind: 'extent'; extent: EventExtent; events: number }
  | { kind: 'ray-samples'; samples: LayerOut[] }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'layers'; layers: LayerOut[] }
  | { kind: 'error'; message: string };

/**
 * Installations split into at most `n` sets of about equal work (1 + equipment items + scenarios), heaviest
 * first, ties by id, each into the lightest set so far; empty sets dropped. Deterministic, and which set an
 * installation lands in never changes a result (the callers sum in sorted installation order). Shared by
 * the CLI's worker threads (cli/risk-workers.ts) and the app's Web Workers (renderer/src/engine).
 */
export function partitionInstallations(project: Project, n: number): string[][] {
  if (!(n >= 1)) throw new RangeError(`partitionInstallations: n must be ≥ 1, got ${n}`);
  const weight = (i: Project['installations'][number]) => 1 + i.equipment.length + i.scenarios.length;
  const sorted = [...project.installations].sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
  const parts = Array.from({ length: n }, () => ({ ids: [] as string[], load: 0 }));
  for (const inst of sorted) {
    const lightest = parts.reduce((best, p) => (p.load < best.load ? p : best));
    lightest.ids.push(inst.id);
    lightest.load += weight(inst);
  }
  return parts.map((p) => p.ids).filter((ids) => ids.length > 0);
}

/** The lowest individual-risk threshold of a rule set (GB 36894 Table 1), per year: the contour the grid must close. */
export function lowestCriterion(rules: RuleSet): number {
  return Math.min(
    ...TARGET_CATEGORIES.flatMap((c) => INSTALLATION_STATUSES.map((s) => rules.individualRisk[c][s].value)),
  );
}

/**
 * The events of some installations of a project, in the order projectEvents gives them for the whole project
 * (events of one installation do not depend on the others).
 */
export function installationEvents(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  installationIds: readonly string[],
): RiskEvent[] {
  const wanted = new Set(installationIds);
  return projectEvents(
    { ...project, installations: project.installations.filter((i) => wanted.has(i.id)) },
    rules,
    substanceOf,
  );
}

/**
 * Recomputes one installation's layer after an edit, on the grid of the previous run, and returns the new
 * layer set (the others unchanged, shared). The grid stays that of the previous run: when the edit moves
 * the lowest criterion's contour beyond it, run the whole assessment again.
 * @param previous layers by installation id on `grid`
 */
export function updateInstallationLayer(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  grid: GridSpec,
  previous: ReadonlyMap<string, Float64Array>,
  installationId: string,
): Map<string, Float64Array> {
  const layers = new Map(previous);
  layers.delete(installationId);
  if (project.installations.some((i) => i.id === installationId)) {
    const events = installationEvents(project, rules, substanceOf, [installationId]);
    const layer = fastIndividualRiskLayers(events, windStatistics(project), grid).get(installationId);
    if (layer) layers.set(installationId, layer);
  }
  return layers;
}

/** What a worker keeps between requests. */
export interface RiskWorkerState {
  project?: Project;
  events: RiskEvent[];
}

/**
 * Answers one request of the protocol above; `post` sends a response (with the arrays to transfer).
 * Pure apart from `post`: the caller wires it to postMessage.
 */
export function handleRiskRequest(
  state: RiskWorkerState,
  request: RiskRequest,
  post: (response: RiskResponse, transfer: ArrayBuffer[]) => void,
): void {
  try {
    if (request.kind === 'events') {
      const substances = new Map(request.substances.map((s) => [s.id, s]));
      state.project = request.project;
      state.events = installationEvents(
        request.project,
        request.rules,
        (id) => substances.get(id),
        request.installationIds,
      );
      post({ kind: 'extent', extent: eventExtent(state.events), events: state.events.length }, []);
      return;
    }
    const project = state.project;
    if (!project) throw new Error(`'${request.kind}' before 'events'`);
    const wind = windStatistics(project);
    if (request.kind === 'rays') {
      const fields = installationFields(state.events, wind, {
        cellSize: request.cellSize,
        ...RAY_FIELD_OPTIONS,
      });
      const samples = [...fields.values()].map((f) => ({
        installationId: f.installationId,
        values: raySamples(f, request.rays),
      }));
      post({ kind: 'ray-samples', samples }, buffers(samples));
      return;
    }
    const layers = [
      ...fastIndividualRiskLayers(state.events, wind, request.grid, (done, total) =>
        post({ kind: 'progress', done, total }, []),
      ),
    ].map(([installationId, values]) => ({ installationId, values }));
    post({ kind: 'layers', layers }, buffers(layers));
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) }, []);
  }
}

function buffers(list: readonly LayerOut[]): ArrayBuffer[] {
  return list.map((l) => l.values.buffer as ArrayBuffer);
}
