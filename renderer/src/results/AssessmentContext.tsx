import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AssessmentResult } from '../../../core/qra/assess.ts';
import type { PreparedAssessment } from '../../../shared/contract.ts';
import { api } from '../api/index.ts';
import { CancelledError, startEngine, type EngineRun } from '../engine/client.ts';
import type { EngineStage } from '../engine/coordinator.ts';
import type { KnownLayer } from '../engine/protocol.ts';
import { serialiseProject } from '../project-state/document.ts';
import { useProjectState } from '../project-state/ProjectStateContext.tsx';
import { sumLayers } from '../../../core/risk/individual-grid.ts';

export type RunStatus = 'idle' | 'preparing' | 'running' | 'done' | 'cancelled' | 'error';

/** The outcome of the last completed run. */
export interface Assessment {
  prepared: PreparedAssessment;
  result: AssessmentResult;
  layers: KnownLayer[];
  /** Sum of the layers on result.grid. */
  total: Float64Array;
  /** The project text it was computed from: results are out of date when the project's text differs. */
  text: string;
  /** Wall time of the run, ms. */
  elapsedMs: number;
  /** Layers computed in this run (the others were kept from an earlier run). */
  computed: number;
  /** Web Workers that shared the layers. */
  workers: number;
}

/** Where a run is: its stage, and during `layers` the events done of all the workers' events. */
export interface RunProgress {
  stage: EngineStage;
  done: number;
  total: number;
}

export interface AssessmentApi {
  status: RunStatus;
  progress: RunProgress | null;
  error: string | null;
  /** The classification of the run in progress or of the last one (shown before the risk grid is done). */
  prepared: PreparedAssessment | null;
  assessment: Assessment | null;
  /** True when the project has changed since the assessment was computed. */
  stale: boolean;
  run(): void;
  cancel(): void;
}

const Context = createContext<AssessmentApi | null>(null);

/**
 * Runs assessments and keeps the last one while the user moves between screens. A run first has the main
 * process read and classify the project (api.prepareAssessment), then computes on Web Workers
 * (engine/client.ts); the layers of every installation are kept, and the next run recomputes only the
 * installations whose inputs changed.
 */
export function AssessmentProvider({ children }: { children: ReactNode }) {
  const { doc, fileName } = useProjectState();
  const [status, setStatus] = useState<RunStatus>('idle');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<PreparedAssessment | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const current = useRef<{ run: EngineRun | null; token: number }>({ run: null, token: 0 });
  const known = useRef<KnownLayer[]>([]);

  const text = useMemo(() => (doc ? serialiseProject(doc) : null), [doc]);

  const run = useCallback(() => {
    if (text === null || !doc) return;
    current.current.run?.cancel();
    const token = ++current.current.token;
    const live = () => current.current.token === token;
    const started = performance.now();
    setStatus('preparing');
    setError(null);
    setProgress(null);
    void (async () => {
      try {
        const ready = await api.prepareAssessment({ fileName: fileName ?? (doc.name || 'project'), text });
        if (!live()) return;
        setPrepared(ready);
        setStatus('running');
        const engine = startEngine(ready, known.current, (stage, done, total) => {
          if (live()) setProgress({ stage, done, total });
        });
        current.current.run = engine;
        const { result, layers, computed, workers } = await engine.done;
        if (!live()) return;
        known.current = layers;
        const size = result.grid.nx * result.grid.ny;
        setAssessment({
          prepared: ready,
          result,
          layers,
          total: sumLayers(new Map(layers.map((l) => [l.installationId, l.layer])), size),
          text,
          elapsedMs: performance.now() - started,
          computed,
          workers,
        });
        setStatus('done');
      } catch (e) {
        if (!live()) return;
        if (e instanceof CancelledError) setStatus('cancelled');
        else {
          setError(e instanceof Error ? e.message : String(e));
          setStatus('error');
        }
      } finally {
        if (live()) current.current.run = null;
      }
    })();
  }, [doc, fileName, text]);

  const cancel = useCallback(() => {
    const engine = current.current.run;
    if (engine) engine.cancel();
    else if (current.current.token > 0 && status === 'preparing') {
      current.current.token += 1;
      setStatus('cancelled');
    }
  }, [status]);

  const value = useMemo<AssessmentApi>(
    () => ({
      status,
      progress,
      error,
      prepared,
      assessment,
      stale: assessment !== null && assessment.text !== text,
      run,
      cancel,
    }),
    [status, progress, error, prepared, assessment, text, run, cancel],
  );
  return <Context value={value}>{children}</Context>;
}

export function useAssessment(): AssessmentApi {
  const value = useContext(Context);
  if (!value) throw new Error('useAssessment outside AssessmentProvider');
  return value;
}
