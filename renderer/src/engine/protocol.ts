/**
 * Messages between the renderer and its engine workers (worker.ts): the risk-worker protocol of
 * core/qra/risk-jobs.ts (`events` → `extent`, `rays` → `ray-samples`, `layers` → `progress`… `layers`), the
 * same one the CLI's worker threads speak, plus one request of the app's own, `assess`: the verdicts, the
 * contours and the F-N curve of assessProject on a grid and layers computed before. Plain, structured-clonable
 * data; layers travel as Float64Arrays whose buffers are transferred.
 */
import type { GridSpec } from '../../../core/risk/grid.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { LayerOut, RiskRequest, RiskResponse } from '../../../core/qra/risk-jobs.ts';
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

/** The whole assessment on a grid whose every installation layer is given (assessProject `riskGrid`). */
export interface AssessRequest {
  kind: 'assess';
  input: EngineInput;
  grid: GridSpec;
  layers: LayerOut[];
}

export type EngineRequest = RiskRequest | AssessRequest;

export type EngineResponse = RiskResponse | { kind: 'assessed'; result: AssessmentResult };
