/**
 * Messages between the plan panel and its Web Worker (worker.ts): one request, the whole plan of the project
 * (core/plan planProject) on the data the assessment was computed from. Plain, structured-clonable data.
 */
import type { ProjectPlan } from '../../../core/plan/index.ts';
import type { EngineInput } from '../engine/protocol.ts';

export interface PlanRequest {
  kind: 'plan';
  input: EngineInput;
}

export type PlanResponse = { kind: 'planned'; plan: ProjectPlan } | { kind: 'error'; message: string };
