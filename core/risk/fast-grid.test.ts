import { describe, expect, it } from 'vitest';
import type { RiskEvent, WindStatistics } from './events.ts';
import { testEvent, UNIFORM_WIND } from './test-events.ts';
import {
  circularZonesFootprint,
  downwindZonesFootprint,
  radialProfileFootprint,
  tabulatedWindFrameFootprint,
  type Footprint,
} from './footprint.ts';
import { gridCoveringEvents, gridForRiskLevel, type GridSpec } from './grid.ts';
import { individualRiskLayers, sumLayers } from './individual-grid.ts';
import { individualRiskAt } from './individual.ts';
import { fastGridForRiskLevel, fastIndividualRiskLayers } from './fast-grid.ts';
import { riskContours } from './contours.ts';
import { contourReach } from './judge.ts';

const uniform = UNIFORM_WIND;
const rose = [0.06, 0.09, 0.12, 0.13, 0.1, 0.08, 0.07, 0.08, 0.07, 0.06, 0.07, 0.07];
const twoClasses: WindStatistics = { sectors: 12, byClass: { D5: rose, F2: [...rose].reverse() } };

const total = (layers: Map<string, Float64Array>, grid: GridSpec) => sumLayers(layers, grid.nx * grid.ny);
const centre = (grid: GridSpec, q: number): [number, number] => [
  grid.x0 + (q % grid.nx) * grid.cellSize,
  grid.y0 + Math.floor(q / grid.nx) * grid.cellSize,
];

/** A widening Gaussian plume decaying along the wind, tabulated like the model footprints (core/qra/outcomes). */
function plume(): Footprint {
  const sigma = (along: number) => 15 + 0.05 * along;
  return tabulatedWindFrameFootprint(
    (a, c) => (a > 0 ? Math.exp(-a / 600) * Math.exp((-c * c) / (2 * sigma(a) ** 2)) : 0),
    2000,
    {
      radialStep: 2.5,
      halfAngleAt: (r) => (r <= 8 * sigma(r) ? Math.PI : Math.asin((8 * sigma(r)) / r)),
    },
  );
}

/** Two installations, three release points, radial and directional footprints in two weather classes. */
function modelledEvents(): RiskEvent[] {
  const cloud = plume();
  return [
    testEvent(
      circularZonesFootprint([
        { radius: 80, lethality: 1 },
        { radius: 200, lethality: 0.3 },
      ]),
      1e-5,
    ),
    testEvent(
      downwindZonesFootprint([
        { length: 700, halfWidth: 25, lethality: 0.6 },
        { length: 300, halfWidth: 60, lethality: 1 },
      ]),
      3e-6,
      { weatherClassId: 'F2', source: [100, -50], installationId: 'B' },
    ),
    testEvent(cloud, 2e-5, { source: [-120, 40] }),
    testEvent(cloud, 1e-5, { source: [-120, 40], weatherClassId: 'F2' }),
    testEvent(
      radialProfileFootprint(new Float64Array([0, 50, 100, 150]), new Float64Array([1, 0.8, 0.2, 0])),
      4e-6,
      { source: [-120, 40], scenarioId: 'U2' },
    ),
  ];
}

describe('fast individual-risk grid: closed forms', () => {
  it('circular zones: every cell is f × the zone lethality exactly, as direct evaluation gives', () => {
    const e = testEvent(
      circularZonesFootprint([
        { radius: 100, lethality: 1 },
        { radius: 300, lethality: 0.2 },
      ]),
      1e-5,
    );
    const grid = gridCoveringEvents([e], 10);
    const layer = fastIndividualRiskLayers([e], uniform, grid).get('A')!;
    for (let q = 0; q < layer.length; q++) {
      const [x, y] = centre(grid, q);
      const d = Math.hypot(x, y);
      const expected = d <= 100 ? 1e-5 : d <= 300 ? 2e-6 : 0;
      expect(layer[q]).toBeCloseTo(expected, 20);
    }
  });

  it('downwind rectangle under a uniform rose: IR = f·L·asin(w/r)/π within 0.5 % (closed form)', () => {
    const e = testEvent(downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]), 5e-6);
    const grid = gridCoveringEvents([e], 5);
    const layer = fastIndividualRiskLayers([e], uniform, grid).get('A')!;
    let checked = 0;
    for (let q = 0; q < layer.length; q += 7) {
      const [x, y] = centre(grid, q);
      const r = Math.hypot(x, y);
      if (r < 60 || r > 790) continue;
      const exact = (5e-6 * 0.6 * Math.asin(30 / r)) / Math.PI;
      expect(Math.abs(layer[q]! / exact - 1)).toBeLessThan(0.005);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives no risk upwind of a one-sector rose and none beyond the reach', () => {
    const northerly: WindStatistics = { sectors: 12, byClass: { D5: [1, ...new Array(11).fill(0)] } };
    const e = testEvent(downwindZonesFootprint([{ length: 500, halfWidth: 20, lethality: 1 }]), 1e-5);
    const grid = gridCoveringEvents([e], 5);
    const layer = fastIndividualRiskLayers([e], northerly, grid).get('A')!;
    for (let q = 0; q < layer.length; q++) {
      const [x, y] = centre(grid, q);
      if (y > 5 || Math.hypot(x, y) > Math.hypot(500, 20)) expect(layer[q]).toBe(0);
    }
    // Straight downwind (south), inside the rectangle, the sector mean is f·2·asin(w/r)/Δ (Δ = 30°).
    const q = ((-300 - grid.y0) / 5) * grid.nx + (0 - grid.x0) / 5;
    expect(layer[q]! / ((1e-5 * 2 * Math.asin(20 / 300)) / (Math.PI / 6)) - 1).toBeLessThan(1e-3);
  });
});

describe('fast individual-risk grid against the plain engine', () => {
  const events = modelledEvents();
  const grid = gridCoveringEvents(events, 5);
  const plain = individualRiskLayers(events, twoClasses, grid);
  const fast = fastIndividualRiskLayers(events, twoClasses, grid);

  it('keeps one layer per installation, and each agrees cell by cell with it', () => {
    // Smooth footprints (plume, fire profile, circular zones: installation A) agree within 0.5 % of the peak
    // everywhere. The downwind rectangles of B step in r at their far edges; the polar field spreads a step
    // over one radial interval (0.5 % of r), so the few cells that fall inside one differ by part of the step.
    expect([...fast.keys()].sort()).toEqual(['A', 'B']);
    for (const [id, everywhere] of [
      ['A', 0.005],
      ['B', 0.1],
    ] as const) {
      const p = plain.get(id)!;
      const f = fast.get(id)!;
      let peak = 0;
      for (let q = 0; q < p.length; q++) peak = Math.max(peak, p[q]!);
      let worst = 0;
      let off = 0;
      let nonzero = 0;
      for (let q = 0; q < p.length; q++) {
        const d = Math.abs(f[q]! - p[q]!) / peak;
        worst = Math.max(worst, d);
        if (p[q]! > 0) nonzero++;
        if (d > 0.005) off++;
      }
      expect(peak).toBeGreaterThan(0);
      expect(worst).toBeLessThan(everywhere);
      expect(off / nonzero).toBeLessThan(0.01);
    }
  });

  it('contour reach agrees within 1 % at every level from 1e-5 to 1e-8', () => {
    const levels = [1e-5, 3e-6, 1e-6, 3e-7, 1e-7, 3e-8, 1e-8];
    const shapes = [[0, 0] as const, [100, -50] as const];
    const a = riskContours(total(plain, grid), grid, levels);
    const b = riskContours(total(fast, grid), grid, levels);
    for (let k = 0; k < levels.length; k++) {
      const ra = contourReach(a[k]!, shapes).distance;
      const rb = contourReach(b[k]!, shapes).distance;
      expect(ra).toBeGreaterThan(0);
      expect(Math.abs(rb / ra - 1)).toBeLessThan(0.01);
    }
  });

  it('sizes the same grid as gridForRiskLevel from its coarse fields', () => {
    const reference = gridForRiskLevel(
      events,
      (x, y) => individualRiskAt(events, twoClasses, x, y).risk,
      5,
      3e-7,
    );
    const sized = fastGridForRiskLevel(events, twoClasses, 5, 3e-7);
    // The rays sample every 5 % of distance: the extent may move by one sample at most.
    expect(Math.abs(sized.nx - reference.nx) / reference.nx).toBeLessThan(0.06);
    expect(Math.abs(sized.ny - reference.ny) / reference.ny).toBeLessThan(0.06);
  });

  it('is deterministic: the same events give bit-identical layers', () => {
    const again = fastIndividualRiskLayers(modelledEvents(), twoClasses, grid);
    for (const id of ['A', 'B']) expect(again.get(id)).toEqual(fast.get(id));
  });
});
