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
