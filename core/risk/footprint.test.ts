import { describe, expect, it } from 'vitest';
import {
  circularZonesFootprint,
  downwindZonesFootprint,
  radialProfileFootprint,
  sectorMeanLethality,
  tabulatedWindFrameFootprint,
  windFrameFootprint,
} from './footprint.ts';

const deg = Math.PI / 180;

describe('circular zones (spec/project-format.md, user-defined scenarios)', () => {
  const fp = circularZonesFootprint([
    { radius: 300, lethality: 0.2 },
    { radius: 100, lethality: 1 },
  ]);
  it('takes the lethality of the smallest zone containing the distance, boundary included', () => {
    expect(fp.lethality(0, 0)).toBe(1);
    expect(fp.lethality(100, 0)).toBe(1);
    expect(fp.lethality(100.001, 0)).toBe(0.2);
    expect(fp.lethality(300, 0)).toBe(0.2);
    expect(fp.lethality(300.001, 0)).toBe(0);
    expect(fp.reach).toBe(300);
  });
  it('does not depend on the wind direction', () => {
    expect(sectorMeanLethality(fp, 200, 2.5, 30 * deg)).toBe(0.2);
  });
});

describe('downwind rectangles', () => {
  const fp = downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]);

  it('is the rectangle 0 ≤ along ≤ length, |across| ≤ halfWidth in the wind frame', () => {
    expect(fp.lethality(500, 0)).toBe(0.6);
    expect(fp.lethality(500, Math.asin(29 / 500))).toBe(0.6);
    expect(fp.lethality(500, Math.asin(31 / 500))).toBe(0);
    expect(fp.lethality(500, Math.PI)).toBe(0); // upwind
    expect(fp.lethality(801, 0)).toBe(0);
  });

  it('has the closed-form angular measure 2·asin(w/r) at r ≤ length', () => {
    // ∫ over all directions of L = 0.6 · 2·asin(30/r): the rectangle subtends ±asin(w/r) at radius r.
    const r = 400;
    expect(2 * fp.halfAngleIntegral(r, Math.PI)).toBeCloseTo(0.6 * 2 * Math.asin(30 / r), 14);
  });

  it('beyond the length keeps only the band acos(L/r) ≤ |α| ≤ asin(w/r)', () => {
    const r = Math.hypot(800, 20);
    const expected = 0.6 * (Math.asin(30 / r) - Math.acos(800 / r));
    expect(fp.halfAngleIntegral(r, Math.PI)).toBeCloseTo(expected, 14);
  });

  it('averages exactly over a sector: narrow plume centred in a 30° sector gives measure/width', () => {
    const r = 400;
    const width = 30 * deg;
    const mean = sectorMeanLethality(fp, r, 0, width);
    expect(mean).toBeCloseTo((0.6 * 2 * Math.asin(30 / r)) / width, 14);
    // Half the plume falls outside when the point is on the sector edge.
    expect(sectorMeanLethality(fp, r, width / 2, width)).toBeCloseTo((0.6 * Math.asin(30 / r)) / width, 14);
  });

  it('lets the smallest of overlapping rectangles rule', () => {
    const nested = downwindZonesFootprint([
      { length: 1000, halfWidth: 50, lethality: 0.1 },
      { length: 200, halfWidth: 20, lethality: 0.9 },
    ]);
    const r = 100;
    const inner = Math.asin(20 / r);
    const outer = Math.asin(50 / r);
    expect(nested.halfAngleIntegral(r, Math.PI)).toBeCloseTo(0.9 * inner + 0.1 * (outer - inner), 14);
    expect(nested.lethality(100, 0)).toBe(0.9);
  });
});

describe('wind-frame footprint by quadrature', () => {
  it('reproduces the closed-form rectangle integral', () => {
    const rect = downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]);
    const numeric = windFrameFootprint(
      (a, c) => (a >= 0 && a <= 800 && Math.abs(c) <= 30 ? 0.6 : 0),
      810,
      1e-9,
    );
    for (const r of [50, 200, 799]) {
      expect(numeric.halfAngleIntegral(r, Math.PI)).toBeCloseTo(rect.halfAngleIntegral(r, Math.PI), 6);
    }
  });

  it('integrates a Gaussian crosswind profile to its effective width over r (PB App. 6.B)', () => {
    // L = exp(−c²/2σ²) at along > 0: ∫ L dc = σ√(2π), so ∫ L dα ≈ σ√(2π)/r for σ ≪ r.
    const sigma = 10;
    const fp = windFrameFootprint((a, c) => (a > 0 ? Math.exp((-c * c) / (2 * sigma * sigma)) : 0), 5000);
    const r = 2000;
    expect(2 * fp.halfAngleIntegral(r, Math.PI)).toBeCloseTo((sigma * Math.sqrt(2 * Math.PI)) / r, 6);
  });
});

describe('tabulated footprints', () => {
  it('radial profile: linear between nodes, zero beyond the last', () => {
    const fp = radialProfileFootprint(new Float64Array([0, 50, 100]), new Float64Array([1, 1, 0.2]));
    expect(fp.lethality(75, 0)).toBeCloseTo(0.6, 14);
    expect(fp.lethality(100, 0)).toBeCloseTo(0.2, 14);
    expect(fp.lethality(100.1, 0)).toBe(0);
    expect(fp.reach).toBe(100);
    expect(() => radialProfileFootprint(new Float64Array([1, 2]), new Float64Array([1, 1]))).toThrow(
      /start at 0/,
    );
  });

  it('tabulated wind-frame footprint reproduces the closed-form rectangle measure 2·asin(w/r)', () => {
    const rect = downwindZonesFootprint([{ length: 800, halfWidth: 30, lethality: 0.6 }]);
    const tab = tabulatedWindFrameFootprint(
      (a, c) => (a >= 0 && a <= 800 && Math.abs(c) <= 30 ? 0.6 : 0),
      Math.hypot(800, 30),
      { radialStep: 2.5, halfAngleAt: (r) => (r <= 30 ? Math.PI / 2 : Math.asin(30 / r)), angularNodes: 128 },
    );
    for (const r of [100, 400, 790]) {
      const exact = rect.halfAngleIntegral(r, Math.PI);
      expect(Math.abs(tab.halfAngleIntegral(r, Math.PI) / exact - 1)).toBeLessThan(0.01);
      expect(
        Math.abs(tab.halfAngleIntegral(r, exact / 0.6 / 2) - rect.halfAngleIntegral(r, exact / 0.6 / 2)),
      ).toBeLessThan(0.01 * exact);
    }
  });

  it('integrates a Gaussian crosswind profile to σ√(2π)/r (PB App. 6.B effective width)', () => {
    const sigma = 10;
    const tab = tabulatedWindFrameFootprint(
      (a, c) => (a > 0 ? Math.exp((-c * c) / (2 * sigma * sigma)) : 0),
      5000,
      { radialStep: 5, halfAngleAt: (r) => (r <= 8 * sigma ? Math.PI : Math.asin((8 * sigma) / r)) },
    );
    // 2000 m lies on the uniform rows (Δr = 5 m up to 2500 m); 4321 m on the geometric ones.
    for (const r of [2000, 4321]) {
      expect(2 * tab.halfAngleIntegral(r, Math.PI)).toBeCloseTo((sigma * Math.sqrt(2 * Math.PI)) / r, 6);
    }
    expect(tab.supportHalfAngle?.(4000)).toBeCloseTo(Math.asin(80 / 4000), 14);
  });

  it('skips a sector that cannot reach the point, and only then', () => {
    const tab = tabulatedWindFrameFootprint((a, c) => (a > 0 && Math.abs(c) < 10 ? 1 : 0), 1000, {
      radialStep: 5,
      halfAngleAt: (r) => (r <= 10 ? Math.PI : Math.asin(10 / r)),
    });
    const width = Math.PI / 6;
    expect(sectorMeanLethality(tab, 500, width / 2 + Math.asin(10 / 500) + 1e-6, width)).toBe(0);
    expect(sectorMeanLethality(tab, 500, width / 2, width)).toBeGreaterThan(0);
  });
});
