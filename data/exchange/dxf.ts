import DxfParser, { type IEntity } from 'dxf-parser';
import type { PlanPolyline } from '../store/store.ts';

/** A DXF that cannot be imported; the message names the file. */
export class DxfImportError extends Error {
  override name = 'DxfImportError';
}

/** How drawing coordinates become site metres: site = (drawing − base) × scale. */
export interface DxfPlacement {
  /** Metres per drawing unit; by default from the drawing's $INSUNITS (mm 0.001, cm 0.01, m 1), else 1. */
  scale?: number;
  /** The drawing point that is the site origin (0, 0), in drawing units; default (0, 0). */
  base?: [number, number];
  /** Only entities on these layers (exact names); all layers when absent. */
  layers?: readonly string[];
}

/** Metres per unit for the DXF $INSUNITS codes a site plan uses (AutoCAD DXF Reference, HEADER). */
const INSUNITS_METRES: Record<number, number> = { 1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1, 14: 0.1 };

/**
 * The outlines of a site plan drawing: LWPOLYLINE, POLYLINE and LINE entities (on the chosen layers) as
 * polylines in site metres. Arcs of bulged vertices are replaced by their chords.
 * @throws DxfImportError naming the file when it is not a DXF, or holds no usable outline
 */
export function planFromDxf(text: string, fileName: string, options: DxfPlacement = {}): PlanPolyline[] {
  let dxf: ReturnType<DxfParser['parseSync']>;
  try {
    dxf = new DxfParser().parseSync(text);
  } catch (e) {
    throw new DxfImportError(`${fileName}: not a readable DXF file (${(e as Error).message})`);
  }
  if (!dxf || !Array.isArray(dxf.entities)) throw new DxfImportError(`${fileName}: not a readable DXF file`);
  const insunits = dxf.header?.$INSUNITS;
  const scale = options.scale ?? (typeof insunits === 'number' ? INSUNITS_METRES[insunits] : undefined) ?? 1;
  const [bx, by] = options.base ?? [0, 0];
  const wanted = options.layers ? new Set(options.layers) : undefined;
  const toSite = (p: { x: number; y: number }): [number, number] => [(p.x - bx) * scale, (p.y - by) * scale];
  const out: PlanPolyline[] = [];
  const layersSeen = new Set<string>();
  for (const e of dxf.entities as (IEntity & { vertices?: { x: number; y: number }[]; shape?: boolean })[]) {
    layersSeen.add(e.layer);
    if (wanted && !wanted.has(e.layer)) continue;
    if (!['LWPOLYLINE', 'POLYLINE', 'LINE'].includes(e.type) || !Array.isArray(e.vertices)) continue;
    const points = e.vertices.filter((v) => Number.isFinite(v.x) && Number.isFinite(v.y)).map(toSite);
    if (points.length < 2) continue;
    const first = points[0]!;
    const last = points.at(-1)!;
    const repeatsFirst = points.length > 2 && first[0] === last[0] && first[1] === last[1];
    if (repeatsFirst) points.pop();
    out.push({ layer: e.layer, closed: e.type !== 'LINE' && (e.shape === true || repeatsFirst), points });
  }
  if (out.length === 0) {
    const which = wanted ? `on layer${wanted.size > 1 ? 's' : ''} ${[...wanted].join(', ')}` : '';
    throw new DxfImportError(
      `${fileName}: no polylines or lines ${which} (layers in the drawing: ${[...layersSeen].sort().join(', ') || 'none'})`,
    );
  }
  return out;
}

/** Shoelace area of a ring, m² (positive either way round). */
function area(points: readonly [number, number][]): number {
  let s = 0;
  points.forEach(([x, y], k) => {
    const [x2, y2] = points[(k + 1) % points.length]!;
    s += x * y2 - x2 * y;
  });
  return Math.abs(s) / 2;
}

/** Even-odd point-in-polygon test. */
function contains(points: readonly [number, number][], [px, py]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The project JSON with outlines from a plan: `boundary` takes the largest closed polyline as
 * `site.boundary`; `outlines` gives each installation the smallest closed polyline around its position.
 * @returns the new project JSON and the ids of the installations that got an outline
 */
export function applyPlanOutlines(
  project: Record<string, unknown>,
  plan: readonly PlanPolyline[],
  mode: 'boundary' | 'outlines',
  fileName: string,
): { project: Record<string, unknown>; changed: string[] } {
  const closed = plan.filter((p) => p.closed && p.points.length >= 3);
  if (closed.length === 0) throw new DxfImportError(`${fileName}: no closed polylines to use as ${mode}`);
  const round = (pts: [number, number][]) =>
    pts.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  if (mode === 'boundary') {
    const largest = closed.reduce((a, b) => (area(b.points) > area(a.points) ? b : a));
    const site = (project.site ?? {}) as Record<string, unknown>;
    return {
      project: { ...project, site: { ...site, boundary: round(largest.points) } },
      changed: ['site.boundary'],
    };
  }
  const installations = (Array.isArray(project.installations) ? project.installations : []) as Record<
    string,
    unknown
  >[];
  const changed: string[] = [];
  const updated = installations.map((i) => {
    const pos = i.position as { x?: unknown; y?: unknown } | undefined;
    if (typeof pos?.x !== 'number' || typeof pos.y !== 'number') return i;
    const around = closed
      .filter((p) => contains(p.points, [pos.x as number, pos.y as number]))
      .sort((a, b) => area(a.points) - area(b.points))[0];
    if (!around) return i;
    changed.push(String(i.id));
    return { ...i, outline: round(around.points) };
  });
  if (changed.length === 0)
    throw new DxfImportError(
      `${fileName}: no closed polyline contains an installation's position (check --base and --scale)`,
    );
  return { project: { ...project, installations: updated }, changed };
}
