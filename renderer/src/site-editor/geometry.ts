/**
 * Plane geometry of the site editor, in site metres (x east, y north): snapping, measuring, moving shapes and
 * georeferencing a site-plan image by two points. Pure functions, tested without a browser.
 */
import type { XY } from '../project-state/document.ts';

/** The smallest 1, 2 or 5 × 10ⁿ that is at least `target` (> 0): grid steps and scale-bar lengths. */
export function niceStep(target: number): number {
  if (!(target > 0) || !Number.isFinite(target))
    throw new RangeError(`niceStep: target must be > 0, got ${target}`);
  const power = 10 ** Math.floor(Math.log10(target));
  for (const factor of [1, 2, 5, 10]) {
    const step = factor * power;
    // Guard against 10^n computed a hair below the target.
    if (step >= target * (1 - 1e-12)) return step;
  }
  return 10 * power;
}

export const distance = (a: XY, b: XY): number => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Length of a polyline through the points, m. */
export function pathLength(points: readonly XY[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i += 1) total += distance(points[i - 1] as XY, points[i] as XY);
  return total;
}

export interface SnapOptions {
  /** Grid step, m; null for no grid snapping. */
  grid: number | null;
  /** Vertices to snap to, m. */
  vertices: readonly XY[];
  /** How near a vertex must be to win over the grid, m (a few screen pixels at the current zoom). */
  tolerance: number;
}

/**
 * Where a click lands: on the nearest vertex within the tolerance, else on the nearest grid node, else where
 * it is. Vertices win because joining shapes exactly matters more than round coordinates.
 */
export function snapPoint(point: XY, options: SnapOptions): { point: XY; to: 'vertex' | 'grid' | null } {
  let best: XY | null = null;
  let bestDistance = options.tolerance;
  for (const vertex of options.vertices) {
    const d = distance(point, vertex);
    if (d <= bestDistance) {
      best = vertex;
      bestDistance = d;
    }
  }
  if (best) return { point: [best[0], best[1]], to: 'vertex' };
  if (options.grid !== null) {
    const step = options.grid;
    return {
      point: [roundTo(Math.round(point[0] / step) * step), roundTo(Math.round(point[1] / step) * step)],
      to: 'grid',
    };
  }
  return { point, to: null };
}

/** A coordinate rounded to the centimetre: what is written into the project. */
export const roundTo = (value: number, step = 0.01): number =>
  Number((Math.round(value / step) * step).toFixed(6));

/** Area-weighted centroid of a simple polygon; the vertex mean when the area is zero. */
export function centroid(polygon: readonly XY[]): XY {
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  polygon.forEach(([x0, y0], i) => {
    const [x1, y1] = polygon[(i + 1) % polygon.length] as XY;
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  });
  if (Math.abs(area2) < 1e-12) {
    const n = Math.max(polygon.length, 1);
    return [polygon.reduce((s, p) => s + p[0], 0) / n, polygon.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * area2), cy / (3 * area2)];
}

/** Drops a vertex repeated at the same place (the two clicks of a double-click that closes a polygon). */
export function dropRepeats(points: readonly XY[], tolerance = 1e-9): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (!last || distance(last, p) > tolerance) out.push(p);
  }
  return out;
}

export const translate = (points: readonly XY[], dx: number, dy: number): XY[] =>
  points.map(([x, y]) => [roundTo(x + dx), roundTo(y + dy)]);

/** An affine map x' = a·x + c·y + e, y' = b·x + d·y + f (SVG `matrix(a b c d e f)` order). */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export const applyAffine = (m: Affine, [x, y]: XY): XY => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (det === 0) throw new RangeError('invertAffine: the map is singular');
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  };
}

/**
 * The similarity (scale, rotation, shift; no shear or mirror) taking image pixels p1, p2 to site points q1, q2:
 * how a site plan is georeferenced by two points. Pixels count down from the top of the image; the map drawn
 * in SVG also counts y downward, so the site points are given as `[x, −y]` (SVG world coordinates) and the
 * map needs no mirror. With complex numbers, q = s·p + t where s = (q2 − q1)/(p2 − p1).
 */
export function similarityFromTwoPoints(p1: XY, p2: XY, q1: XY, q2: XY): Affine {
  const dpx = p2[0] - p1[0];
  const dpy = p2[1] - p1[1];
  const denominator = dpx * dpx + dpy * dpy;
  if (denominator === 0) throw new RangeError('similarityFromTwoPoints: the two image points coincide');
  const dqx = q2[0] - q1[0];
  const dqy = q2[1] - q1[1];
  if (dqx === 0 && dqy === 0) throw new RangeError('similarityFromTwoPoints: the two site points coincide');
  // s = dq / dp in complex arithmetic.
  const sr = (dqx * dpx + dqy * dpy) / denominator;
  const si = (dqy * dpx - dqx * dpy) / denominator;
  return {
    a: sr,
    b: si,
    c: -si,
    d: sr,
    e: q1[0] - (sr * p1[0] - si * p1[1]),
    f: q1[1] - (si * p1[0] + sr * p1[1]),
  };
}

/** True when the point is inside the polygon (even-odd rule). */
export function pointInPolygon([x, y]: XY, polygon: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] as XY;
    const [xj, yj] = polygon[j] as XY;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
