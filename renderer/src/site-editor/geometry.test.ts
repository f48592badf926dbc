import { describe, expect, it } from 'vitest';
import type { XY } from '../project-state/document.ts';
import {
  applyAffine,
  centroid,
  dropRepeats,
  invertAffine,
  niceStep,
  pathLength,
  pointInPolygon,
  roundTo,
  similarityFromTwoPoints,
  snapPoint,
  translate,
} from './geometry.ts';

describe('site-editor geometry', () => {
  it('picks 1-2-5 steps at or above the target', () => {
    expect([0.7, 1, 1.2, 3, 7, 10, 4500].map(niceStep)).toEqual([1, 1, 2, 5, 10, 10, 5000]);
    expect(niceStep(0.03)).toBeCloseTo(0.05, 12);
    expect(() => niceStep(0)).toThrow(RangeError);
  });

  it('measures a polyline: a 3-4-5 triangle leg sum', () => {
    expect(
      pathLength([
        [0, 0],
        [3, 4],
        [3, 10],
      ]),
    ).toBe(11);
    expect(pathLength([[1, 1]])).toBe(0);
  });

  it('snaps to a vertex within the tolerance before the grid', () => {
    const vertices: XY[] = [[12.3, 7.9]];
    expect(snapPoint([12, 8], { grid: 10, vertices, tolerance: 1 })).toEqual({
      point: [12.3, 7.9],
      to: 'vertex',
    });
    expect(snapPoint([14, 8], { grid: 10, vertices, tolerance: 1 })).toEqual({ point: [10, 10], to: 'grid' });
    expect(snapPoint([14, 8], { grid: null, vertices, tolerance: 1 })).toEqual({ point: [14, 8], to: null });
    expect(snapPoint([-24.9, 0.2], { grid: 5, vertices: [], tolerance: 0 }).point).toEqual([-25, 0]);
  });

  it('finds the centroid of a rectangle and of an L shape (area-weighted, not the vertex mean)', () => {
    expect(
      centroid([
        [0, 0],
        [4, 0],
        [4, 2],
        [0, 2],
      ]),
    ).toEqual([2, 1]);
    // L of a 2×2 square at the origin plus a 2×1 bar to its right: areas 4 and 2, centroids (1,1) and (3,0.5).
    const [x, y] = centroid([
      [0, 0],
      [4, 0],
      [4, 1],
      [2, 1],
      [2, 2],
      [0, 2],
    ]);
    expect(x).toBeCloseTo((4 * 1 + 2 * 3) / 6, 12);
    expect(y).toBeCloseTo((4 * 1 + 2 * 0.5) / 6, 12);
  });

  it('drops the repeated vertex of a closing double-click and moves shapes to the centimetre', () => {
    expect(
      dropRepeats([
        [0, 0],
        [5, 0],
        [5, 0],
        [5, 5],
      ]),
    ).toEqual([
      [0, 0],
      [5, 0],
      [5, 5],
    ]);
    expect(translate([[0.1, 0.2]], 0.2, -0.1)).toEqual([[0.3, 0.1]]);
    expect(roundTo(1.23456)).toBe(1.23);
  });

  it('georeferences by two points: a 2 m/px plan rotated 90° maps both points exactly and inverts', () => {
    const p1: XY = [100, 200];
    const p2: XY = [300, 200];
    const q1: XY = [-50, -40];
    const q2: XY = [-50, -440];
    const m = similarityFromTwoPoints(p1, p2, q1, q2);
    expect(applyAffine(m, p1)[0]).toBeCloseTo(q1[0], 9);
    expect(applyAffine(m, p1)[1]).toBeCloseTo(q1[1], 9);
    expect(applyAffine(m, p2)[0]).toBeCloseTo(q2[0], 9);
    expect(applyAffine(m, p2)[1]).toBeCloseTo(q2[1], 9);
    // Scale 400 m / 200 px = 2 m/px, no shear: the columns are orthogonal and of equal length.
    expect(Math.hypot(m.a, m.b)).toBeCloseTo(2, 12);
    expect(m.a * m.c + m.b * m.d).toBeCloseTo(0, 12);
    const back = applyAffine(invertAffine(m), q2);
    expect(back[0]).toBeCloseTo(p2[0], 9);
    expect(back[1]).toBeCloseTo(p2[1], 9);
    expect(() => similarityFromTwoPoints(p1, p1, q1, q2)).toThrow(RangeError);
  });

  it('tells inside from outside a polygon', () => {
    const square: XY[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([15, 5], square)).toBe(false);
  });
});
