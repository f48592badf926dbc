import { describe, expect, it } from 'vitest';
import type { Installation, Project } from '../../../core/project/types.ts';
import { windStatistics, projectEvents } from '../../../core/qra/assess.ts';
import { handleRiskRequest, type RiskRequest, type RiskWorkerState } from '../../../core/qra/risk-jobs.ts';
import { fastGridForRiskLevel, fastIndividualRiskLayers } from '../../../core/risk/fast-grid.ts';
import type { RuleSet } from '../../../core/rules/types.ts';
import { partitionInstallations } from '../../../core/qra/risk-jobs.ts';
import { riskGridOnPorts, workerCount, type EnginePort } from './coordinator.ts';
import type { EngineInput, EngineRequest, EngineResponse, KnownLayer } from './protocol.ts';

/**
 * The app's engine spread over several workers (issue 7): the grid and every layer are bit-identical whatever
 * the number of workers and equal to the in-thread fast engine; an edited installation is the only layer
 * recomputed. Workers are stood in for by ports that call core's handleRiskRequest in this thread, which is
 * exactly what worker.ts does on a message. The plant is three assessor-zone installations (GB/T 37243
 * allows user-defined consequence zones), so the risk inside a circular zone of lethality 1 is its frequency.
 */
const D5 = { id: 'D5', stability: 'D', windSpeed: 5, probability: 1, windRose: Array(12).fill(1 / 12) };

function zones(id: string, x: number, frequency: number, radius: number): Installation {
  return {
    id,
    name: id,
    kind: 'storage',
    status: 'existing',
    unit: id,
    position: [x, 0],
    substance: 'chlorine',
    inventory: 1000,
    temperature: 293.15,
    pressure: 101325,
    phase: 'liquefied-gas',
    equipment: [],
    scenarios: [
      {
        id: 'U1',
        type: 'user-defined',
        frequency,
        outcomes: [{ probability: 1, effect: 'generic', zones: [{ radius, lethality: 1 }] }],
      },
    ],
  } as unknown as Installation;
}

const project = (installations: Installation[]): Project =>
  ({
    format: 'safedist-project',
    version: 1,
    name: 'zones',
    site: { rotation: 0 },
    weather: {
      ambient: { temperature: 293.15, relativeHumidity: 0.7, pressure: 101325 },
      dayFraction: 0.5,
      sectors: 12,
      classes: [D5],
      defaulted: [],
    },
    installations,
    targets: [],
    population: [],
    probes: [],
    settings: {
      ruleSet: { id: 'GB36894-2018', version: 1 },
      cellSize: 10,
      thermalCertainDeathFlux: 37500,
      locCatalogue: 'purple-book',
      newInstallationRule: 'total',
    },
  }) as unknown as Project;

// Only what a zones-only run reads: the GB 36894 Table 1 criteria (the grid closes the lowest, 3×10⁻⁷ /yr)
// and the vulnerability factors of user-defined zones.
const criteria = (value: number) => ({ existing: { value }, new: { value } });
const rules = {
  id: 'GB36894-2018',
  version: 1,
  individualRisk: {
    'high-sensitivity': criteria(3e-7),
    important: criteria(3e-7),
    'general-1': criteria(1e-6),
    'general-2': criteria(3e-6),
    'general-3': criteria(1e-5),
  },
  vulnerability: {
    toxic: { indoor: { value: 0.1 }, outdoor: { value: 1 } },
    heat: { indoor: { value: 0 }, outdoor: { value: 0.14 } },
    flashFire: { indoor: { value: 0 }, outdoor: { value: 1 } },
  },
} as unknown as RuleSet;

const input = (installations: Installation[]): EngineInput => ({
  project: project(installations),
  rules,
  substances: [],
  consequenceInstallations: [],
});

/** In-thread stand-ins for workers; they count the `layers` requests they answer. */
function ports(n: number): (EnginePort & { layerRequests: number })[] {
  return Array.from({ length: n }, () => {
    const state: RiskWorkerState = { events: [] };
    const port = {
      layerRequests: 0,
      request(message: EngineRequest, onProgress?: (done: number) => void) {
        if (message.kind === 'assess') throw new Error('not under test');
        if (message.kind === 'layers') port.layerRequests += 1;
        return new Promise<EngineResponse>((resolve) =>
          handleRiskRequest(state, message as RiskRequest, (response) => {
            if (response.kind === 'progress') onProgress?.(response.done);
            else resolve(response);
          }),
        );
      },
    };
    return port;
  });
}

const plant = [zones('A', 0, 1e-5, 100), zones('B', 400, 2e-5, 150), zones('C', -300, 5e-6, 80)];
const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('workerCount', () => {
  it('leaves one core to the page, uses at least 1 and at most 4 workers', () => {
    expect([1, 2, 3, 5, 16].map(workerCount)).toEqual([1, 1, 2, 4, 4]);
    expect(workerCount(undefined)).toBe(1);
  });
});

describe('partitionInstallations', () => {
  it('puts every installation in exactly one set, never more sets than installations', () => {
    const parts = partitionInstallations(project(plant), 4);
    expect(parts).toHaveLength(3);
    expect(parts.flat().sort()).toEqual(['A', 'B', 'C']);
    expect(() => partitionInstallations(project(plant), 0)).toThrow(/n must be ≥ 1/);
  });
});

describe('riskGridOnPorts', async () => {
  const events = projectEvents(project(plant), rules, () => undefined);
  const wind = windStatistics(project(plant));
  const inThreadGrid = fastGridForRiskLevel(events, wind, 10, 3e-7);
  const inThread = fastIndividualRiskLayers(events, wind, inThreadGrid);
  const one = await riskGridOnPorts(input(plant), ports(1), [], () => {});
  const three = await riskGridOnPorts(input(plant), ports(3), [], () => {});

  it('gives the in-thread grid and bit-identical layers with 1 and 3 workers', () => {
    expect(one.grid).toEqual(inThreadGrid);
    expect(three.grid).toEqual(inThreadGrid);
    expect(three.layers.map((l) => l.installationId)).toEqual(['A', 'B', 'C']);
    for (const run of [one, three])
      for (const l of run.layers) expect(bytes(l.layer)).toEqual(bytes(inThread.get(l.installationId)!));
    expect(three.workers).toBe(3);
    expect(three.computed).toBe(3);
  });

  it('has, inside a lethality-1 zone, the zone frequency as the risk (closed form)', () => {
    const { grid } = three;
    const at = (x: number, y: number) =>
      Math.round((y - grid.y0) / 10) * grid.nx + Math.round((x - grid.x0) / 10);
    const b = three.layers.find((l) => l.installationId === 'B')!.layer;
    expect(b[at(450, 0)]).toBeCloseTo(2e-5, 15);
    expect(b[at(0, 0)]).toBe(0);
  });

  it('recomputes only the edited installation, on the workers that hold it, with progress over its events', async () => {
    const edited = [plant[0]!, zones('B', 400, 4e-5, 150), plant[2]!];
    const workers = ports(3);
    const seen: [string, number, number][] = [];
    const again = await riskGridOnPorts(input(edited), workers, three.layers, (stage, done, total) =>
      seen.push([stage, done, total]),
    );
    expect(again.computed).toBe(1);
    expect(workers.reduce((n, w) => n + w.layerRequests, 0)).toBe(1);
    const layer = (run: { layers: KnownLayer[] }, id: string) =>
      run.layers.find((l) => l.installationId === id)!.layer;
    // Same grid (B's reach is unchanged), A and C kept as they were, B doubled.
    expect(again.grid).toEqual(three.grid);
    expect(layer(again, 'A')).toBe(layer(three, 'A'));
    const before = layer(three, 'B');
    const after = layer(again, 'B');
    for (let k = 0; k < after.length; k++) expect(after[k]).toBeCloseTo(2 * before[k]!, 20);
    expect(seen.map((s) => s[0])).toEqual(expect.arrayContaining(['events', 'grid', 'layers']));
    // B alone: one scenario, one outcome, one weather class — one event of the three.
    expect(seen.at(-1)).toEqual(['layers', 1, 1]);
  });

  it('recomputes everything when the grid changes, and a removed installation loses its layer', async () => {
    const grown = [plant[0]!, zones('B', 400, 2e-5, 600)];
    const again = await riskGridOnPorts(input(grown), ports(2), three.layers, () => {});
    expect(again.grid).not.toEqual(three.grid);
    expect(again.computed).toBe(2);
    expect(again.layers.map((l) => l.installationId)).toEqual(['A', 'B']);
  });
});
