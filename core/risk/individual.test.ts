import { describe, expect, it } from 'vitest';
import type { WindStatistics } from './events.ts';
import { testEvent, UNIFORM_WIND } from './test-events.ts';
import { circularZonesFootprint, downwindZonesFootprint } from './footprint.ts';
import { individualRiskAt } from './individual.ts';
import { gridCoveringEvents } from './grid.ts';
import { individualRiskLayers, sumLayers } from './individual-grid.ts';

const uniform = UNIFORM_WIND;
/** All wind from the north (sector 0): clouds travel south. */
const northerly: WindStatistics = { sectors: 12, byClass: { D5: [1, ...new Array(11).fill(0)] } };

describe('individual risk at a point, analytic projects', () => {
  it('circular zones: IR = f × lethality of the zone (closed form)', () => {
    const e = testEvent(
      circularZonesFootprint([
        { radius: 100, lethality: 1 },
        { radius: 300, lethality: 0.2 },
      ]),
      1e-5,
    );
    expect(individualRiskAt([e], uniform, 60, 0).risk).toBeCloseTo(1e-5, 20);
    expect(individualRiskAt([e], uniform, 0, -200).risk).toBeCloseTo(2e-6, 20);
    expect(individualRiskAt([e], uniform, 250, 250).risk).toBe(0);
  });

  it('downwind rectangle under a uniform rose: IR = f·L·asin(w/r)/π (closed form)', () => {
    const e = testEvent(downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]), 5e-6);
    for (const [x, y] of [
      [400, 0],
      [-123, 456],
      [0, -700],
    ] as const) {
      const r = Math.hypot(x, y);
      expect(individualRiskAt([e], uniform, x, y).risk).toBeCloseTo(
        (5e-6 * 0.6 * Math.asin(30 / r)) / Math.PI,
        18,
      );
    }
  });

  it('wind from the north only: risk south of the source, none north of it', () => {
    const e = testEvent(downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]), 1e-5);
    const r = 400;
    const width = Math.PI / 6;
    expect(individualRiskAt([e], northerly, 0, -r).risk).toBeCloseTo(
      (1e-5 * 0.6 * 2 * Math.asin(30 / r)) / width,
      18,
    );
    expect(individualRiskAt([e], northerly, 0, r).risk).toBe(0);
  });

  it('adds installations and reports contributors with their shares', () => {
    const a = testEvent(circularZonesFootprint([{ radius: 500, lethality: 1 }]), 3e-6);
    const b = testEvent(circularZonesFootprint([{ radius: 500, lethality: 1 }]), 1e-6, {
      installationId: 'B',
      source: [100, 0],
    });
    const p = individualRiskAt([a, b], uniform, 50, 0);
    expect(p.risk).toBeCloseTo(4e-6, 20);
    expect(p.contributors.map((c) => [c.installationId, c.share])).toEqual([
      ['A', 0.75],
      ['B', 0.25],
    ]);
  });
});

describe('individual risk grid', () => {
  it('matches the point evaluation at every cell centre and keeps one layer per installation', () => {
    const a = testEvent(circularZonesFootprint([{ radius: 40, lethality: 1 }]), 1e-5);
    const b = testEvent(downwindZonesFootprint([{ length: 60, halfWidth: 10, lethality: 0.5 }]), 2e-5, {
      installationId: 'B',
      source: [30, 10],
    });
    const grid = gridCoveringEvents([a, b], 5);
    const layers = individualRiskLayers([a, b], uniform, grid);
    expect([...layers.keys()].sort()).toEqual(['A', 'B']);
    const total = sumLayers(layers, grid.nx * grid.ny);
    for (const [i, j] of [
      [3, 4],
      [grid.nx >> 1, grid.ny >> 1],
      [10, 12],
    ] as const) {
      const x = grid.x0 + i * grid.cellSize;
      const y = grid.y0 + j * grid.cellSize;
      expect(total[j * grid.nx + i]).toBeCloseTo(individualRiskAt([a, b], uniform, x, y).risk, 20);
    }
  });

  it('leaves the border cells empty so every contour closes', () => {
    const a = testEvent(circularZonesFootprint([{ radius: 42, lethality: 1 }]), 1e-5, { source: [7, -3] });
    const grid = gridCoveringEvents([a], 5);
    const total = sumLayers(individualRiskLayers([a], uniform, grid), grid.nx * grid.ny);
    for (let i = 0; i < grid.nx; i++) {
      expect(total[i]).toBe(0);
      expect(total[(grid.ny - 1) * grid.nx + i]).toBe(0);
    }
    for (let j = 0; j < grid.ny; j++) {
      expect(total[j * grid.nx]).toBe(0);
      expect(total[j * grid.nx + grid.nx - 1]).toBe(0);
    }
  });
});
