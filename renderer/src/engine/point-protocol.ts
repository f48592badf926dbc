import type { ContributorOut } from '../../../core/qra/assess.ts';
import type { EngineInput } from './protocol.ts';

/** Requests to the point probe (point-worker.ts): the project once, then points in site metres. */
export type PointRequest =
  { kind: 'load'; input: EngineInput } | { kind: 'point'; id: number; x: number; y: number; top: number };

export type PointResponse =
  | { kind: 'point'; id: number; risk: number; contributors: ContributorOut[] }
  | { kind: 'error'; id: number; message: string };
