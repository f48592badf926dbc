/**
 * A DXF site plan as a backdrop of the site editor: its LINE, LWPOLYLINE, POLYLINE, CIRCLE and ARC entities
 * read with dxf-parser (pure JavaScript, runs in the renderer) and placed in site metres by a unit and a base
 * point, like `safedist import plan.dxf --scale --base` (data/exchange/dxf.ts, which the renderer may not
 * import). Geometry follows the AutoCAD DXF Reference: arcs run counter-clockwise from the start to the end
 * angle; a polyline vertex's bulge is tan(θ/4) of the arc to the next vertex (negative: clockwise); an
 * extrusion direction of (0, 0, −1) mirrors the entity's object coordinates in x.
 */
import DxfParser from 'dxf-parser';
import type { XY } from '../project-state/document.ts';

/** Drawing units a site plan uses, with metres per unit. */
export const DXF_UNITS = { mm: 0.001, cm: 0.01, dm: 0.1, m: 1, km: 1000, in: 0.0254, ft: 0.3048 } as const;
export type DxfUnit = keyof typeof DXF_UNITS;

/** $INSUNITS codes of the DXF HEADER (AutoCAD DXF Reference) for the units above. */
const INSUNITS: Record<number, DxfUnit> = { 1: 'in', 2: 'ft', 4: 'mm', 5: 'cm', 6: 'm', 7: 'km', 14: 'dm' };

/** One drawn line of the plan, in drawing units (arcs already replaced by short chords). */
export interface DxfPath {
  layer: string;
  points: XY[];
  closed: boolean;
}

export interface DxfDrawing {
  paths: DxfPath[];
  /** Points worth snapping to, drawing units: line ends, polyline vertices, centres of circles and arcs. */
  snapPoints: XY[];
  /** The unit $INSUNITS declares, when it is one of DXF_UNITS. */
  declaredUnit: DxfUnit | null;
  /** Bounding box of the drawn paths, drawing units. */
  extent: [XY, XY];
  layers: string[];
  /** Entities of other types (TEXT, INSERT, HATCH…), counted by type: not drawn. */
  skipped: Record<string, number>;
}

/** How the drawing lies on the site: site = (drawing − base) × metres per unit. */
export interface DxfPlacement {
  unit: DxfUnit;
  /** The drawing point that is the site origin, drawing units. */
  base: XY;
}

/** Longest chord when an arc is drawn as a polyline: 5° of turn. */
const ARC_STEP = Math.PI / 36;

/** A DXF that cannot be used as a backdrop; the message says why. */
export class DxfBackdropError extends Error {
  override name = 'DxfBackdropError';
}

interface RawPoint {
  x: number;
  y: number;
  bulge?: number;
}
interface RawEntity {
  type: string;
  layer?: string;
  vertices?: RawPoint[];
  shape?: boolean;
  center?: RawPoint;
  radius?: number;
  startAngle?: number;
  endAngle?: number;
  extrusionDirectionZ?: number;
  is3dPolygonMesh?: boolean;
  isPolyfaceMesh?: boolean;
}

const finite = (p: RawPoint | undefined): p is RawPoint =>
  p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);

/**
 * Points along the arc of centre c and radius r from angle a0 counter-clockwise to a1 (radians), both ends
 * included, chords of at most ARC_STEP.
 */
export function arcPoints(c: XY, r: number, a0: number, a1: number): XY[] {
  let sweep = a1 - a0;
  while (sweep <= 0) sweep += 2 * Math.PI;
  const steps = Math.max(1, Math.ceil(sweep / ARC_STEP));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = a0 + (sweep * i) / steps;
    return [c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)] as XY;
  });
}

/**
 * The points of a bulged polyline segment from p to q, excluding p and including q: the arc of included
 * angle θ = 4·atan(bulge), counter-clockwise for a positive bulge (DXF Reference, group code 42).
 */
export function bulgePoints(p: XY, q: XY, bulge: number): XY[] {
  if (bulge === 0 || !Number.isFinite(bulge)) return [q];
  const theta = 4 * Math.atan(bulge);
  const chord = Math.hypot(q[0] - p[0], q[1] - p[1]);
  if (chord === 0) return [q];
  const radius = chord / (2 * Math.sin(Math.abs(theta) / 2));
  // The centre lies on the chord's perpendicular bisector, on the left for a counter-clockwise arc.
  const mid: XY = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  const toCentre = radius * Math.cos(theta / 2) * Math.sign(theta);
  const nx = -(q[1] - p[1]) / chord;
  const ny = (q[0] - p[0]) / chord;
  const centre: XY = [mid[0] + nx * toCentre, mid[1] + ny * toCentre];
  const a0 = Math.atan2(p[1] - centre[1], p[0] - centre[0]);
  const steps = Math.max(1, Math.ceil(Math.abs(theta) / ARC_STEP));
  const out: XY[] = [];
  for (let i = 1; i < steps; i += 1) {
    const a = a0 + (theta * i) / steps;
    out.push([centre[0] + radius * Math.cos(a), centre[1] + radius * Math.sin(a)]);
  }
  out.push(q);
  return out;
}

/**
 * Reads a DXF text into drawable paths in drawing units.
 * @throws DxfBackdropError when the text is not a DXF or holds none of the drawable entities
 */
export function readDxf(text: string): DxfDrawing {
  let parsed: ReturnType<DxfParser['parseSync']>;
  try {
    parsed = new DxfParser().parseSync(text);
  } catch (error) {
    throw new DxfBackdropError(`not a readable DXF file (${(error as Error).message})`);
  }
  if (!parsed || !Array.isArray(parsed.entities)) throw new DxfBackdropError('not a readable DXF file');
  const paths: DxfPath[] = [];
  const snapPoints: XY[] = [];
  const skipped: Record<string, number> = {};
  const layers = new Set<string>();
  for (const entity of parsed.entities as unknown as RawEntity[]) {
    const layer = entity.layer ?? '0';
    // Object coordinates seen from below (extrusion 0,0,−1) are mirrored in x (arbitrary-axis algorithm).
    const mirror = (entity.extrusionDirectionZ ?? 1) < 0 ? -1 : 1;
    const xy = (p: RawPoint): XY => [mirror * p.x, p.y];
    const path = (points: XY[], closed: boolean) => {
      paths.push({ layer, points, closed });
      layers.add(layer);
    };
    if (entity.type === 'LINE') {
      const [a, b] = entity.vertices ?? [];
      if (!finite(a) || !finite(b)) continue;
      path([xy(a), xy(b)], false);
      snapPoints.push(xy(a), xy(b));
    } else if (
      (entity.type === 'LWPOLYLINE' || entity.type === 'POLYLINE') &&
      !entity.is3dPolygonMesh &&
      !entity.isPolyfaceMesh
    ) {
      const vertices = (entity.vertices ?? []).filter(finite);
      if (vertices.length < 2) continue;
      const closed = entity.shape === true;
      // A mirrored object system turns arcs the other way.
      const points: XY[] = [xy(vertices[0] as RawPoint)];
      const count = closed ? vertices.length : vertices.length - 1;
      for (let i = 0; i < count; i += 1) {
        const from = vertices[i] as RawPoint;
        const to = vertices[(i + 1) % vertices.length] as RawPoint;
        points.push(...bulgePoints(xy(from), xy(to), mirror * (from.bulge ?? 0)));
      }
      if (closed) points.pop();
      path(points, closed);
      snapPoints.push(...vertices.map(xy));
    } else if (entity.type === 'CIRCLE' || entity.type === 'ARC') {
      const { center, radius } = entity;
      if (!finite(center) || !(typeof radius === 'number' && radius > 0)) continue;
      const c = xy(center);
      if (entity.type === 'CIRCLE') {
        path(arcPoints(c, radius, 0, 2 * Math.PI).slice(0, -1), true);
      } else {
        const a0 = entity.startAngle ?? 0;
        const a1 = entity.endAngle ?? 2 * Math.PI;
        // Mirroring x maps angle a to π − a and reverses the sense of the arc.
        const points =
          mirror < 0 ? arcPoints(c, radius, Math.PI - a1, Math.PI - a0) : arcPoints(c, radius, a0, a1);
        path(points, false);
        snapPoints.push(points[0] as XY, points.at(-1) as XY);
      }
      snapPoints.push(c);
    } else {
      skipped[entity.type] = (skipped[entity.type] ?? 0) + 1;
    }
  }
  if (paths.length === 0) {
    const others = Object.keys(skipped).sort().join(', ') || 'none';
    throw new DxfBackdropError(
      `no LINE, LWPOLYLINE, POLYLINE, CIRCLE or ARC entities to draw (entities found: ${others})`,
    );
  }
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of paths)
    for (const [x, y] of p.points) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  const insunits = parsed.header?.$INSUNITS;
  return {
    paths,
    snapPoints,
    declaredUnit: typeof insunits === 'number' ? (INSUNITS[insunits] ?? null) : null,
    extent: [
      [x0, y0],
      [x1, y1],
    ],
    layers: [...layers].sort(),
    skipped,
  };
}

/** A drawing point in site metres: (p − base) × metres per unit. */
export function dxfToSite(p: XY, placement: DxfPlacement): XY {
  const scale = DXF_UNITS[placement.unit];
  return [(p[0] - placement.base[0]) * scale, (p[1] - placement.base[1]) * scale];
}
