/**
 * Plane geometry in site coordinates: metres, x east, y north (spec/project-format.md "Coordinates and wind").
 * Bearings are radians clockwise from north, as a compass reads.
 */

export type Point = readonly [x: number, y: number];
export type Polygon = readonly Point[];

/** Bearing of the vector (dx, dy), radians clockwise from north, in (−π, π]. */
export function bearing(dx: number, dy: number): number {
  return Math.atan2(dx, dy);
}

/** Wraps an angle to (−π, π]. */
export function wrapAngle(a: number): number {
  const twoPi = 2 * Math.PI;
  let w = a - twoPi * Math.floor((a + Math.PI) / twoPi);
  if (w <= -Math.PI) w += twoPi;
  return w;
}

/**
 * Ray-casting point-in-polygon (even-odd rule); points on an edge may fall either way, which is immaterial
 * for sampling risk over a target's area.
 */
export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed area (positive when counter-clockwise), m². Shoelace formula. */
export function polygonArea(polygon: Polygon): number {
  let a = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    a += polygon[j]![0] * polygon[i]![1] - polygon[i]![0] * polygon[j]![1];
  }
  return a / 2;
}

/** Area centroid of a simple polygon; the vertex mean when the area is zero. */
export function polygonCentroid(polygon: Polygon): Point {
  const area = polygonArea(polygon);
  if (Math.abs(area) < 1e-12) {
    let sx = 0;
    let sy = 0;
    for (const [x, y] of polygon) {
      sx += x;
      sy += y;
    }
    return [sx / polygon.length, sy / polygon.length];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xj, yj] = polygon[j]!;
    const [xi, yi] = polygon[i]!;
    const cross = xj * yi - xi * yj;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

/**
 * Points that stand for a polygon's area: the centres of a square lattice of the given spacing that fall
 * inside it (aligned on the polygon's bounding box so the result does not depend on the risk grid), or the
 * centroid when the polygon is smaller than one lattice cell. Each point stands for an equal share of the area.
 */
export function interiorSamples(polygon: Polygon, spacing: number): Point[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const nx = Math.max(1, Math.ceil((maxX - minX) / spacing));
  const ny = Math.max(1, Math.ceil((maxY - minY) / spacing));
  const dx = (maxX - minX) / nx;
  const dy = (maxY - minY) / ny;
  const points: Point[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = minX + (i + 0.5) * dx;
      const y = minY + (j + 0.5) * dy;
      if (pointInPolygon(x, y, polygon)) points.push([x, y]);
    }
  }
  if (points.length === 0) points.push(polygonCentroid(polygon));
  return points;
}

/** Shortest distance from a point to a polygon's boundary, or 0 when the point is inside. */
export function distanceToPolygon(x: number, y: number, polygon: Polygon): number {
  if (polygon.length >= 3 && pointInPolygon(x, y, polygon)) return 0;
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    best = Math.min(best, distanceToSegment(x, y, polygon[j]!, polygon[i]!));
  }
  return best;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * vx + (y - a[1]) * vy) / len2));
  return Math.hypot(x - a[0] - t * vx, y - a[1] - t * vy);
}
