import { describe, expect, it } from 'vitest';
import { assessProject } from '../core/qra/assess.ts';
import { installationEvents, updateInstallationLayer } from '../core/qra/risk-jobs.ts';
import type { Project } from '../core/project/types.ts';
import { loadProjectFile } from './project-input.ts';
import type { CliIo } from './io.ts';
import { partitionInstallations } from '../core/qra/risk-jobs.ts';
import { riskGridInWorkers } from './risk-workers.ts';
import { smallModelledPlant } from './test-plants.ts';

/**
 * The fast engine on worker threads (issue "Fast engine"): no result may depend on the number of workers, and
 * one edited installation recomputes alone to the same layer a full run gives.
 */
const zones = {
  id: 'ZONES',
  name: 'assessor zones',
  kind: 'storage',
  status: 'existing',
  position: { x: -200, y: 120 },
  substance: 'ammonia',
  inventory: '1 t',
  temperature: '15 degC',
  pressure: '7.3 bar',
  phase: 'liquefied-gas',
  equipment: [],
  scenarios: [
    {
      id: 'U1',
      type: 'user-defined',
      frequency: 1e-5,
      outcomes: [
        {
          probability: 1,
          effect: 'toxic',
          downwind: [{ length: 600, halfWidth: 30, lethality: 0.5 }],
        },
      ],
    },
  ],
};
const plant = {
  ...smallModelledPlant,
  name: 'workers',
  installations: [...smallModelledPlant.installations, zones],
  targets: [],
};

async function load(json: unknown) {
  const io = { readFile: async () => JSON.stringify(json) } as unknown as CliIo;
  return loadProjectFile('plant.json', io);
}

describe('risk workers', async () => {
  const { project, rules, substanceOf } = await load(plant);
  const inThread = assessProject(project, rules, substanceOf);

  it('splits the installations over the workers, each once', () => {
    const parts = partitionInstallations(project, 2);
    expect(parts.flat().sort()).toEqual(['H2', 'NH3', 'ZONES']);
    expect(parts).toHaveLength(2);
  });

  it('gives bit-identical grids and layers with 1 and 2 workers, and as the in-thread engine', async () => {
    const one = await riskGridInWorkers(project, rules, substanceOf, { workers: 1 });
    const two = await riskGridInWorkers(project, rules, substanceOf, { workers: 2 });
    expect(two.grid).toEqual(one.grid);
    expect(one.grid).toEqual(inThread.grid);
    expect([...two.layers.keys()].sort()).toEqual(['H2', 'NH3', 'ZONES']);
    for (const [id, layer] of inThread.layers) {
      expect(Buffer.from(one.layers.get(id)!.buffer).equals(Buffer.from(layer.buffer))).toBe(true);
      expect(Buffer.from(two.layers.get(id)!.buffer).equals(Buffer.from(layer.buffer))).toBe(true);
    }
  });

  it('reports progress up to every event, and stops when aborted', async () => {
    const seen: number[] = [];
    await riskGridInWorkers(project, rules, substanceOf, {
      workers: 2,
      onProgress: (done, total) => seen.push(done / total),
    });
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    const run = riskGridInWorkers(project, rules, substanceOf, { workers: 2, signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(run).rejects.toThrow('user cancelled');
  });

  it('recomputes one edited installation alone to the layer a full run gives', async () => {
    const edited = structuredClone(plant);
    edited.installations[0]!.equipment[0]!.volume = '8 m^3';
    const after = await load(edited);
    const full = assessProject(after.project, after.rules, after.substanceOf, {
      riskGrid: { grid: inThread.grid, layers: new Map() },
    });
    const updated = updateInstallationLayer(
      after.project as Project,
      after.rules,
      after.substanceOf,
      inThread.grid,
      inThread.layers,
      'NH3',
    );
    expect(updated.get('NH3')).toEqual(full.layers.get('NH3'));
    expect(updated.get('NH3')).not.toEqual(inThread.layers.get('NH3'));
    expect(updated.get('H2')).toBe(inThread.layers.get('H2'));
    expect(installationEvents(after.project, after.rules, after.substanceOf, ['NH3']).length).toBeGreaterThan(
      0,
    );
  });
});
