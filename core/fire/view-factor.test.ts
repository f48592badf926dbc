import { describe, expect, it } from 'vitest';
import { meshViewFactor, meshViewFactorMax, obliqueCylinderMesh } from './flame-surface.ts';
import {
  viewFactorCylinder,
  viewFactorCylinderMax,
  viewFactorSphere,
  viewFactorTiltedCylinder,
  viewFactorVerticalCylinder,
} from './view-factor.ts';

const DEG = Math.PI / 180;

describe('Mudan tilted-cylinder view factor (YB 2005 Appendix 6.1, models.md §5.1 item 5)', () => {
  it('reproduces YB worked example 6.6.3 step 12 [FIRE-VF-YBPOOL, SRC-BOOKS]', () => {
    // Published: F_v = 0.091915, F_h = 0.029146 for a = L/R = 2.20396, b = X/R = 4.712, θ = 50.8286°.
    // Tolerance 2e-6 absolute (validation/public-cases.md). Needs the square roots on A, B, C (models.md §9).
    const f = viewFactorTiltedCylinder(2.20396, 4.712, 50.8286 * DEG);
    expect(Math.abs(f.fv - 0.091915)).toBeLessThanOrEqual(2e-6);
    expect(Math.abs(f.fh - 0.029146)).toBeLessThanOrEqual(2e-6);
    expect(f.fmax).toBeCloseTo(Math.hypot(0.091915, 0.029146), 5);
  });

  it('agrees with a numerical integration over the leaning cylinder surface (independent check)', () => {
    for (const [a, b, tiltDeg] of [
      [2.20396, 4.712, 50.8286],
      [3, 3, 30],
      [1, 8, 60],
    ] as const) {
      const closed = viewFactorTiltedCylinder(a, b, tiltDeg * DEG);
      const mesh = obliqueCylinderMesh(1, a, tiltDeg * DEG, { around: 144, along: 96 });
      expect(meshViewFactor(mesh, b, 0, 0, -1, 0, 0) / closed.fv - 1).toBeCloseTo(0, 2);
      expect(meshViewFactor(mesh, b, 0, 0, 0, 0, 1) / closed.fh - 1).toBeCloseTo(0, 2);
      expect(meshViewFactorMax(mesh, b, 0, 0) / closed.fmax - 1).toBeCloseTo(0, 2);
    }
  });

  it('refuses a target under the leaning flame, where the closed form does not hold', () => {
    expect(() => viewFactorTiltedCylinder(4, 2.5, 45 * DEG)).toThrow(RangeError);
    expect(() => viewFactorTiltedCylinder(2, 0.9, 0.1)).toThrow(/X\/R must be > 1/);
  });

  it('viewFactorCylinderMax (the engine form) equals fmax, and Raj at zero tilt', () => {
    expect(viewFactorCylinderMax(2.20396, 4.712, 50.8286 * DEG)).toBe(
      viewFactorTiltedCylinder(2.20396, 4.712, 50.8286 * DEG).fmax,
    );
    expect(viewFactorCylinderMax(2, 2)).toBeCloseTo(viewFactorVerticalCylinder(2, 2).fmax, 12);
    expect(() => viewFactorCylinderMax(4, 2.5, 45 * DEG)).toThrow(RangeError);
  });

  it('equals the Raj vertical-cylinder form at zero tilt', () => {
    for (const [h, x] of [
      [0.5, 1.5],
      [2, 2],
      [5, 10],
    ] as const) {
      const raj = viewFactorVerticalCylinder(h, x);
      const mudan = viewFactorTiltedCylinder(h, x, 0);
      expect(mudan.fv).toBeCloseTo(raj.fv, 12);
      expect(mudan.fh).toBeCloseTo(raj.fh, 12);
    }
  });
});

describe('Raj vertical-cylinder view factor (YB 2005 Table 6.A.1)', () => {
  it('reproduces YB Table 6.A.1 within its truncation [FIRE-VF-RAJ-TABLE, SRC-BOOKS]', () => {
    // Table values are 1000·F truncated to integers; tolerance |1000·F − printed| ≤ 1.
    const table = [
      { x: 1.5, h: 0.5, fh: 97, fv: 253 },
      { x: 1.5, h: 1.0, fh: 170, fv: 312 },
      { x: 1.5, h: 5.0, fh: 228, fv: 333 },
      { x: 2.0, h: 1.0, fh: 73, fv: 194 },
      { x: 2.0, h: 2.0, fh: 126, fv: 236 },
      { x: 2.0, h: 5.0, fh: 158, fv: 248 },
    ];
    for (const row of table) {
      const f = viewFactorVerticalCylinder(row.h, row.x);
      expect(Math.abs(1000 * f.fh - row.fh)).toBeLessThanOrEqual(1);
      expect(Math.abs(1000 * f.fv - row.fv)).toBeLessThanOrEqual(1);
      // Truncated, not rounded (models.md §9): the printed digit never exceeds the value.
      expect(Math.trunc(1000 * f.fv)).toBe(row.fv);
    }
  });

  it('tends to 0 far away, as the projected area 2RL over πX² (far-field limit)', () => {
    // The curved front of the cylinder sits up to R nearer than the axis: a correction of order R/X.
    const h = 3;
    const far = viewFactorVerticalCylinder(h, 1000);
    expect(Math.abs(far.fv / ((2 * h) / (Math.PI * 1000 ** 2)) - 1)).toBeLessThan(2 / 1000);
    expect(far.fv / viewFactorVerticalCylinder(h, 500).fv).toBeCloseTo(0.25, 3);
  });

  it('tends to 1/(2x) for a very tall cylinder (half an infinite cylinder, F = R/X) and to ½ close up', () => {
    expect(viewFactorVerticalCylinder(1e6, 3).fv).toBeCloseTo(1 / 6, 5);
    expect(viewFactorVerticalCylinder(1e6, 1.0001).fv).toBeCloseTo(0.5, 3);
  });

  it('grows with flame height and falls with distance', () => {
    expect(viewFactorCylinder(2, 3).fv).toBeGreaterThan(viewFactorCylinder(1, 3).fv);
    expect(viewFactorCylinder(2, 4).fv).toBeLessThan(viewFactorCylinder(2, 3).fv);
  });
});

describe('sphere view factor', () => {
  it('is (D/2)²/X² outside and 1 inside', () => {
    expect(viewFactorSphere(10, 40)).toBeCloseTo(1 / 16, 14);
    expect(viewFactorSphere(10, 5)).toBe(1);
    expect(() => viewFactorSphere(0, 5)).toThrow(RangeError);
  });
});
