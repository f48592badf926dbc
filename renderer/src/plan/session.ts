/**
 * The plan of one assessment and the variants the user looked at, kept while the user moves between screens
 * (the results screen unmounts): one session per assessment object, dropped with it. A plan runs in its own
 * Web Worker (client.ts); a variant's before/after runs on the same engine path as the results (engine/client.ts
 * startEngine, reusing the layers of the installations it leaves unchanged), one at a time.
 */
import { variantProject, type Measure, type ProjectPlan } from '../../../core/plan/index.ts';
import type { Project } from '../../../core/project/types.ts';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import { CancelledError, startEngine } from '../engine/client.ts';
import type { EngineInput } from '../engine/protocol.ts';
import type { Assessment } from '../results/AssessmentContext.tsx';
import { startPlan } from './client.ts';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'error';

export interface PlanJob {
  status: JobStatus;
  /** performance.now() when the search started. */
  started: number;
  elapsedMs?: number;
  plan?: ProjectPlan;
  error?: string;
}

export interface VariantJob {
  installationId: string;
  measure: Measure;
  /** The engine's project of the variant (core/plan variantProject). */
  project: Project;
  status: JobStatus;
  /** Events done of the variant's risk grid, when the engine says. */
  progress: { done: number; total: number } | null;
  result?: AssessmentResult;
  error?: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PlanSession {
  plan: PlanJob | null = null;
  variant: VariantJob | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private cancelPlan: (() => void) | null = null;
  private cancelVariant: (() => void) | null = null;

  constructor(private readonly assessment: Assessment) {}

  private get input(): EngineInput {
    const { project, rules, substances, consequenceInstallations } = this.assessment.prepared;
    return { project, rules, substances, consequenceInstallations };
  }

  private changed(): void {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever the plan or the variant does (for useSyncExternalStore). */
  readonly snapshot = (): number => this.version;

  /** Computes the plan of the assessed project; a plan already running is stopped first. */
  startPlan(): void {
    this.cancelPlan?.();
    this.stopVariant();
    this.variant = null;
    const run = startPlan(this.input);
    const job: PlanJob = { status: 'running', started: performance.now() };
    this.plan = job;
    this.cancelPlan = run.cancel;
    this.changed();
    run.done.then(
      (plan) => this.finishPlan(job, { status: 'done', plan }),
      (e: unknown) =>
        this.finishPlan(
          job,
          e instanceof CancelledError ? { status: 'cancelled' } : { status: 'error', error: message(e) },
        ),
    );
  }

  private finishPlan(job: PlanJob, outcome: Partial<PlanJob>): void {
    if (this.plan !== job) return;
    this.plan = { ...job, ...outcome, elapsedMs: performance.now() - job.started };
    this.cancelPlan = null;
    this.changed();
  }

  stopPlan(): void {
    this.cancelPlan?.();
  }

  /** Assesses the variant of one measure (BEFORE is the assessment itself); a variant running is stopped. */
  showVariant(installationId: string, measure: Measure): void {
    const plan = this.plan?.plan;
    if (!plan) return;
    this.stopVariant();
    const project = variantProject(this.input.project, plan, installationId, measure);
    const job: VariantJob = { installationId, measure, project, status: 'running', progress: null };
    this.variant = job;
    this.changed();
    if (project.installations.length === 0) {
      // Removing the only installation leaves nothing to assess: no risk anywhere, nothing to draw.
      this.finishVariant(job, { status: 'done' });
      return;
    }
    const run = startEngine({ ...this.input, project }, this.assessment.layers, (stage, done, total) => {
      if (this.variant === job && stage === 'layers') this.update(job, { progress: { done, total } });
    });
    this.cancelVariant = run.cancel;
    run.done.then(
      ({ result }) => this.finishVariant(job, { status: 'done', result }),
      (e: unknown) =>
        this.finishVariant(
          job,
          e instanceof CancelledError ? { status: 'cancelled' } : { status: 'error', error: message(e) },
        ),
    );
  }

  private update(job: VariantJob, patch: Partial<VariantJob>): void {
    if (this.variant !== job) return;
    // In place: readers re-render on the session's version, not on the object.
    Object.assign(job, patch);
    this.changed();
  }

  private finishVariant(job: VariantJob, outcome: Partial<VariantJob>): void {
    this.cancelVariant = null;
    this.update(job, outcome);
  }

  stopVariant(): void {
    this.cancelVariant?.();
  }
}

const sessions = new WeakMap<Assessment, PlanSession>();
let latest: PlanSession | null = null;

/**
 * The session of an assessment, created on first use. A new assessment's session stops the work of the one
 * before: its results could no longer be shown.
 */
export function sessionOf(assessment: Assessment): PlanSession {
  let session = sessions.get(assessment);
  if (!session) {
    latest?.stopPlan();
    latest?.stopVariant();
    session = new PlanSession(assessment);
    sessions.set(assessment, session);
    latest = session;
  }
  return session;
}
