import { describe, expect, it } from 'vitest';
import { parseProject, ProjectError } from './index.ts';

const base = (targets: unknown[]) => ({
  format: 'safedist-project',
  version: 1,
  name: 'fence',
  site: {
    boundary: [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ],
  },
  installations: [
    {
      id: 'A',
      name: 'a',
      kind: 'storage',
      status: 'existing',
      position: { x: 50, y: 50 },
      substance: 'chlorine',
      inventory: '1 t',
      temperature: '20 degC',
      pressure: '7 bar',
      phase: 'liquefied-gas',
    },
  ],
  targets,
});
const parse = (targets: unknown[]) =>
  parseProject(base(targets), { fileName: 'f.json', isKnownSubstance: () => true });
const target = (extra: object) => ({
  id: 'T',
  category: 'general-1',
  population: { day: 1, night: 1 },
  ...extra,
});

describe('site.boundary: protection targets are off-site', () => {
  it('refuses a target point inside the fence, naming the field', () => {
    expect(() => parse([target({ position: { x: 50, y: 20 } })])).toThrow(ProjectError);
    expect(() => parse([target({ position: { x: 50, y: 20 } })])).toThrow(
      /targets\[0\]\.position: protection target 'T' lies inside the plant fence \(site\.boundary\)/,
    );
  });

  it('refuses a target polygon centred inside the fence', () => {
    const polygon = [
      [10, 10],
      [30, 10],
      [30, 30],
    ];
    expect(() => parse([target({ polygon })])).toThrow(/targets\[0\]\.polygon/);
  });

  it('accepts targets outside the fence, on its edge, or sharing an edge with it', () => {
    expect(parse([target({ position: { x: 150, y: 50 } })]).targets).toHaveLength(1);
    expect(parse([target({ position: { x: 100, y: 50 } })]).targets).toHaveLength(1);
    const polygon = [
      [100, 0],
      [200, 0],
      [200, 100],
      [100, 100],
    ];
    expect(parse([target({ polygon })]).targets).toHaveLength(1);
  });
});
