import { describe, expect, it } from 'vitest';
import type { RiskEvent, WindStatistics } from './events.ts';
import { circularZonesFootprint } from './footprint.ts';
import { gridCoveringEvents } from './grid.ts';
import { individualRiskLayers, sumLayers } from './individual-grid.ts';
import { riskContours } from './contours.ts';
import { polygonArea } from './geometry.ts';

describe('risk contours', () => {
  const fp = circularZonesFootprint([
    { radius: 100, lethality: 1 },
    { radius: 250, lethality: 0.1 },
  ]);
  const e: RiskEvent = {
    installationId: 'A',
    scenarioId: 'U1',
    outcome: '0',
    effect: 'generic',
    weatherClassId: 'D5',
    source: [1000, -500],
    frequency: 1e-5,
    individual: fp,
    societal: { indoor: fp, outdoor: fp },
  };
  const wind: WindStatistics = { sectors: 12, byClass: { D5: new Array(12).fill(1 / 12) } };
  const grid = gridCoveringEvents([e], 5);
  const total = sumLayers(individualRiskLayers([e], wind, grid), grid.nx * grid.ny);
  const [c3e6, c3e7] = riskContours(total, grid, [3e-6, 3e-7]);

  it('draws closed circles at the zone radii in site coordinates, within one cell', () => {
    // IR is 1e-5 within 100 m and 1e-6 within 250 m (closed form), so 3e-6 → r = 100, 3e-7 → r = 250.
    for (const [contour, radius] of [
      [c3e6!, 100],
      [c3e7!, 250],
    ] as const) {
      expect(contour.polygons).toHaveLength(1);
      const ring = contour.polygons[0]![0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [x, y] of ring) {
        const r = Math.hypot(x! - 1000, y! + 500);
        expect(r).toBeGreaterThan(radius - 5);
        expect(r).toBeLessThan(radius + 5);
      }
      const area = Math.abs(polygonArea(ring.map(([x, y]) => [x!, y!] as const)));
      expect(area / (Math.PI * radius * radius)).toBeGreaterThan(0.9);
      expect(area / (Math.PI * radius * radius)).toBeLessThan(1.1);
    }
  });

  it('nests: the higher level lies inside the lower', () => {
    const inner = Math.abs(polygonArea(c3e6!.polygons[0]![0]!.map(([x, y]) => [x!, y!] as const)));
    const outer = Math.abs(polygonArea(c3e7!.polygons[0]![0]!.map(([x, y]) => [x!, y!] as const)));
    expect(inner).toBeLessThan(outer);
  });
});
