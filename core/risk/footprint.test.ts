import { describe, expect, it } from 'vitest';
import {
  circularZonesFootprint,
  downwindZonesFootprint,
  offsetDiscsFootprint,
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

describe('offset discs (an explosion charge downwind of the source)', () => {
  const c = 100;
  const inner = { radius: 40, lethality: 1 };
  const outer = { radius: 90, lethality: 0.025 };
  const fp = offsetDiscsFootprint(c, [outer, inner]);

  it('gives the half-angle of the disc by the law of cosines', () => {
    // At r = c: cos a = 1 − ρ²/(2c²). For ρ = 40: a = acos(0.92); for ρ = 90: acos(0.595).
    const a40 = Math.acos(1 - 40 ** 2 / (2 * c * c));
    const a90 = Math.acos(1 - 90 ** 2 / (2 * c * c));
    expect(fp.halfAngleIntegral(c, Math.PI)).toBeCloseTo(a40 + 0.025 * (a90 - a40), 12);
    expect(fp.supportHalfAngle!(c)).toBeCloseTo(a90, 12);
    // Inside the inner disc's near edge the ring is wholly in neither disc but crosses both.
    expect(fp.halfAngleIntegral(c, 0.1)).toBeCloseTo(0.1, 12);
  });

  it('holds whole rings near the source when the disc covers the source, and nothing beyond c + ρ', () => {
    const big = offsetDiscsFootprint(30, [{ radius: 50, lethality: 1 }]);
    // r + c ≤ ρ: the whole ring lies in the disc.
    expect(big.halfAngleIntegral(20, Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(big.halfAngleIntegral(81, Math.PI)).toBe(0);
    expect(big.reach).toBe(80);
    expect(fp.reach).toBe(190);
  });

  it('integrates its own lethality: G equals the quadrature of L over the angle', () => {
    for (const r of [5, 61, 100, 139, 150, 185]) {
      const n = 20000;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += fp.lethality(r, ((k + 0.5) * Math.PI) / n);
      expect(fp.halfAngleIntegral(r, Math.PI)).toBeCloseTo((sum * Math.PI) / n, 3);
    }
  });

  it('a centred disc is a circular zone', () => {
    const centred = offsetDiscsFootprint(0, [{ radius: 30, lethality: 0.4 }]);
    const zone = circularZonesFootprint([{ radius: 30, lethality: 0.4 }]);
    for (const r of [0, 10, 29.9, 30.1])
      expect(centred.halfAngleIntegral(r, 1.2)).toBeCloseTo(zone.halfAngleIntegral(r, 1.2), 12);
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
