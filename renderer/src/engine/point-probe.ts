import type { ContributorOut } from '../../../core/qra/assess.ts';
import type { PointRequest, PointResponse } from './point-protocol.ts';
import type { EngineInput } from './protocol.ts';

export interface PointDetails {
  x: number;
  y: number;
  /** Individual risk at the point, per year, summed directly over every event (not read from the grid). */
  risk: number;
  /** Largest contributors by installation, scenario and outcome, largest first. */
  contributors: ContributorOut[];
}

/**
 * The risk and its scenario contributors at any point of an assessed project, from a Web Worker that builds
 * the events once (the first call waits for that). Only the latest request is answered: a newer `at` makes
 * the older one resolve with null, as the pointer has moved on.
 */
export class PointProbe {
  private readonly worker = new Worker(new URL('./point-worker.ts', import.meta.url), {
    type: 'module',
    name: 'safedist-point-probe',
  });
  private next = 0;
  private waiting:
    { id: number; x: number; y: number; resolve: (d: PointDetails | null) => void } | undefined;

  constructor(input: EngineInput) {
    this.worker.onmessage = (event: MessageEvent<PointResponse>) => {
      const w = this.waiting;
      if (!w || event.data.id !== w.id) return;
      this.waiting = undefined;
      w.resolve(
        event.data.kind === 'point'
          ? { x: w.x, y: w.y, risk: event.data.risk, contributors: event.data.contributors }
          : null,
      );
    };
    this.post({ kind: 'load', input });
  }

  private post(message: PointRequest): void {
    this.worker.postMessage(message);
  }

  /** The details at (x, y), m; null when superseded by a newer request or when the engine fails there. */
  at(x: number, y: number, top = 3): Promise<PointDetails | null> {
    this.waiting?.resolve(null);
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting = { id, x, y, resolve };
      this.post({ kind: 'point', id, x, y, top });
    });
  }

  dispose(): void {
    this.waiting?.resolve(null);
    this.waiting = undefined;
    this.worker.terminate();
  }
}
