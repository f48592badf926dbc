/**
 * Messages between the renderer and its engine worker (worker.ts). Plain, structured-clonable data; layers
 * travel as Float64Arrays whose buffers are transferred, not copied.
 */
import type { GridSpec } from '../../../core/risk/grid.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { PreparedAssessment } from '../../../shared/contract.ts';

/** The part of a prepared assessment the engine reads. */
export type EngineInput = Pick<
  PreparedAssessment,
  'project' | 'rules' | 'substances' | 'consequenceInstallations'
>;

/** One installation's individual-risk layer on a grid, with the key of everything it was computed from. */
export interface KnownLayer {
  installationId: string;
  /** layerKey(): the installation, its substance, the weather and the settings it was computed with. */
  key: string;
  grid: GridSpec;
  layer: Float64Array;
}

export interface RunRequest {
  type: 'run';
  input: EngineInput;
  /** Layers from earlier runs; the worker reuses those whose key still matches and whose grid is the same. */
  known: KnownLayer[];
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'done';
      result: AssessmentResult;
      /** Every installation's layer on result.grid, with its key. */
      layers: KnownLayer[];
      /** How many layers were computed in this run (the others were reused). */
      computed: number;
    }
  | { type: 'error'; message: string };
