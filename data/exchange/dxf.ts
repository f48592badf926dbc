import DxfParser, { type IEntity } from 'dxf-parser';
import type { PlanPolyline } from '../store/store.ts';
import type { Placement } from './coordinates.ts';
import type { SceneFeature } from './scene.ts';

/** AutoCAD colour index per kind (1 red, 2 yellow, 6 magenta, 7 black/white, 8 grey, 30 orange). */
const COLOUR: Record<SceneFeature['kind'], number> = {
  boundary: 7,
  installation: 1,
  target: 30,
  population: 2,
  probe: 6,
  contour: 1,
  plan: 8,
};
/** Contours cycle through these so neighbouring levels differ. */
const CONTOUR_COLOURS = [1, 30, 2, 3, 4, 5, 6];

/** A DXF R12 layer name: upper case, letters, digits, `$`, `-`, `_`, at most 31 characters. */
export function dxfLayerName(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/[^A-Z0-9$_-]/g, '_')
      .slice(0, 31) || 'LAYER'
  );
}

/** Text for an R12 string value: ASCII, other characters as AutoCAD's `\U+XXXX` escapes. */
function dxfText(s: string): string {
  let out = '';
  for (const ch of s.replace(/[\r\n]/g, ' ')) {
    const code = ch.codePointAt(0)!;
    if (code < 128) out += ch;
    else if (code <= 0xffff) out += `\\U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += '?';
  }
  return out;
}

/** Reads `\U+XXXX` escapes back into characters (how CAD shows them). */
export function decodeDxfText(s: string): string {
  return s.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const num = (v: number) => v.toFixed(6);

/**
 * A DXF R12 ASCII drawing of the scene (AutoCAD DXF Reference, R12 group codes): one layer per kind (and per
 * contour level, and per target category), closed POLYLINEs for polygons, open ones for lines, POINTs for
 * positions, and a TEXT label with each feature's id. Coordinates are those of `place` (site metres by
 * default; a Gauss-Krüger zone gives easting as X and northing as Y).
 */
export function toDxf(scene: readonly SceneFeature[], place: Placement, labelHeight = 2): string {
  const out: string[] = [];
  const g = (code: number, value: string | number) => out.push(String(code), String(value));
  const layers = new Map<string, number>();
  let contourIndex = 0;
  for (const f of scene) {
    const name = dxfLayerName(f.layer);
    if (layers.has(name)) continue;
    const colour =
      f.kind === 'contour' ? CONTOUR_COLOURS[contourIndex++ % CONTOUR_COLOURS.length]! : COLOUR[f.kind];
    layers.set(name, colour);
  }
  layers.set('LABELS', 7);

  g(0, 'SECTION');
  g(2, 'HEADER');
  g(9, '$ACADVER');
  g(1, 'AC1009');
  g(0, 'ENDSEC');
  g(0, 'SECTION');
  g(2, 'TABLES');
  g(0, 'TABLE');
  g(2, 'LTYPE');
  g(70, 1);
  g(0, 'LTYPE');
  g(2, 'CONTINUOUS');
  g(70, 0);
  g(3, 'Solid line');
  g(72, 65);
  g(73, 0);
  g(40, num(0));
  g(0, 'ENDTAB');
  g(0, 'TABLE');
  g(2, 'LAYER');
  g(70, layers.size);
  for (const [name, colour] of layers) {
    g(0, 'LAYER');
    g(2, name);
    g(70, 0);
    g(62, colour);
    g(6, 'CONTINUOUS');
  }
  g(0, 'ENDTAB');
  g(0, 'ENDSEC');

  g(0, 'SECTION');
  g(2, 'ENTITIES');
  const polyline = (layer: string, points: [number, number][], closed: boolean) => {
    g(0, 'POLYLINE');
    g(8, layer);
    g(66, 1);
    g(10, num(0));
    g(20, num(0));
    g(30, num(0));
    g(70, closed ? 1 : 0);
    for (const [x, y] of points) {
      const [px, py] = place.map(x, y);
      g(0, 'VERTEX');
      g(8, layer);
      g(10, num(px));
      g(20, num(py));
      g(30, num(0));
    }
    g(0, 'SEQEND');
    g(8, layer);
  };
  for (const f of scene) {
    const layer = dxfLayerName(f.layer);
    const geom = f.geometry;
    let anchor: [number, number];
    if (geom.type === 'point') {
      anchor = geom.at;
      const [px, py] = place.map(...geom.at);
      g(0, 'POINT');
      g(8, layer);
      g(10, num(px));
      g(20, num(py));
      g(30, num(0));
    } else if (geom.type === 'line') {
      anchor = geom.points[0] ?? [0, 0];
      polyline(layer, geom.points, false);
    } else {
      anchor = geom.polygons[0]?.[0]?.[0] ?? [0, 0];
      for (const poly of geom.polygons) for (const r of poly) polyline(layer, r, true);
    }
    if (f.kind === 'plan') continue;
    const [tx, ty] = place.map(...anchor);
    g(0, 'TEXT');
    g(8, 'LABELS');
    g(10, num(tx));
    g(20, num(ty));
    g(30, num(0));
    g(40, num(labelHeight));
    g(1, dxfText(f.kind === 'contour' ? f.name : `${f.id} ${f.name}`));
  }
  g(0, 'ENDSEC');
  g(0, 'EOF');
  return `${out.join('\n')}\n`;
}

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
