import { describe, expect, it } from 'vitest';
import type { EngineInput } from './protocol.ts';
import { layerKey, sameGrid } from './layer-key.ts';

/** A layer is kept only while everything it was computed from is unchanged. */
const input = (inventoryA: number, windSpeed = 5): EngineInput =>
  ({
    project: {
      installations: [
        { id: 'A', substance: 'chlorine', inventory: inventoryA, position: [0, 0] },
        { id: 'B', substance: 'ammonia', inventory: 1000, position: [100, 0] },
      ],
      weather: { classes: [{ id: 'D5', windSpeed }] },
      settings: { cellSize: 5 },
    },
    rules: { id: 'GB36894-2018', version: 1 },
    substances: [
      { id: 'chlorine', molarMass: 0.0709 },
      { id: 'ammonia', molarMass: 0.017 },
    ],
    consequenceInstallations: [],
  }) as unknown as EngineInput;

describe('layerKey', () => {
  it('changes for the edited installation only', () => {
    expect(layerKey(input(2000), 'A')).not.toBe(layerKey(input(1000), 'A'));
    expect(layerKey(input(2000), 'B')).toBe(layerKey(input(1000), 'B'));
  });

  it('changes for every installation when the weather changes', () => {
    expect(layerKey(input(1000, 3), 'B')).not.toBe(layerKey(input(1000, 5), 'B'));
  });

  it('names an unknown installation', () => {
    expect(() => layerKey(input(1), 'Z')).toThrow(/no installation 'Z'/);
  });
});

describe('sameGrid', () => {
  it('compares origin, cell and size', () => {
    const g = { x0: -100, y0: -50, cellSize: 5, nx: 41, ny: 21 };
    expect(sameGrid(g, { ...g })).toBe(true);
    expect(sameGrid(g, { ...g, nx: 42 })).toBe(false);
    expect(sameGrid(g, { ...g, x0: -105 })).toBe(false);
  });
});
