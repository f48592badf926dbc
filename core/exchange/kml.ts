import type { Placement } from './coordinates.ts';
import type { SceneFeature } from './scene.ts';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** Line colour per kind, KML aabbggrr. */
const STYLE: Record<SceneFeature['kind'], string> = {
  boundary: 'ff000000',
  installation: 'ff0000ff',
  target: 'ff00a5ff',
  population: 'ff00ffff',
  probe: 'ffff00ff',
  contour: 'ff0000cc',
  plan: 'ff808080',
};

const FOLDER: Record<SceneFeature['kind'], string> = {
  boundary: '厂区边界 Site boundary',
  installation: '装置 Installations',
  target: '防护目标 Protection targets',
  population: '人口 Population areas',
  probe: '关注点 Probes',
  contour: '个人风险等值线 Individual-risk contours',
  plan: '总平面图 Site plan',
};

/** `#rrggbb` as KML aabbggrr with alpha `aa`. */
const kmlColour = (hex: string, alpha: string) =>
  `${alpha}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`.toLowerCase();

/** A feature's own style: its colour for lines, and the same colour at 25 % opacity to fill its polygons. */
const ownStyle = (colour: string) =>
  `<Style><LineStyle><color>${kmlColour(colour, 'ff')}</color><width>2</width></LineStyle>` +
  `<PolyStyle><color>${kmlColour(colour, '40')}</color><fill>1</fill></PolyStyle></Style>`;

/**
 * A KML 2.2 document of the scene (OGC 07-147r2): one folder per kind, polygons with outlines only, except
 * a feature with its own `colour` (outline in it, fill at 25 %). KML coordinates are always WGS 84 lon,lat,
 * so `place` must be the WGS 84 placement.
 */
export function toKml(scene: readonly SceneFeature[], place: Placement, projectName: string): string {
  if (place.crs !== 'wgs84') throw new RangeError('KML is always WGS 84: place the scene with crs wgs84');
  const coords = (pts: [number, number][]) =>
    pts
      .map(([x, y]) =>
        place
          .map(x, y)
          .map((v) => v.toFixed(8))
          .join(','),
      )
      .join(' ');
  const ring = (r: [number, number][]) => coords(r.length > 0 ? [...r, r[0]!] : r);
  const geometry = (f: SceneFeature) => {
    const g = f.geometry;
    if (g.type === 'point') return `<Point><coordinates>${coords([g.at])}</coordinates></Point>`;
    if (g.type === 'line') return `<LineString><coordinates>${coords(g.points)}</coordinates></LineString>`;
    const polygons = g.polygons.map(
      ([outer, ...holes]) =>
        `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(outer ?? [])}</coordinates></LinearRing></outerBoundaryIs>` +
        holes
          .map(
            (h) =>
              `<innerBoundaryIs><LinearRing><coordinates>${ring(h)}</coordinates></LinearRing></innerBoundaryIs>`,
          )
          .join('') +
        '</Polygon>',
    );
    return polygons.length === 1 ? polygons[0]! : `<MultiGeometry>${polygons.join('')}</MultiGeometry>`;
  };
  const kinds = [...new Set(scene.map((f) => f.kind))];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${escapeXml(projectName)}</name>`,
    ...kinds.map(
      (k) =>
        `<Style id="${k}"><LineStyle><color>${STYLE[k]}</color><width>2</width></LineStyle><PolyStyle><fill>0</fill></PolyStyle></Style>`,
    ),
    ...kinds.flatMap((k) => [
      `<Folder><name>${escapeXml(FOLDER[k])}</name>`,
      ...scene
        .filter((f) => f.kind === k)
        .map(
          (f) =>
            `<Placemark><name>${escapeXml(`${f.id} ${f.name}`)}</name><styleUrl>#${k}</styleUrl>` +
            (f.colour && /^#[0-9a-fA-F]{6}$/.test(f.colour) ? ownStyle(f.colour) : '') +
            '<ExtendedData>' +
            Object.entries({ layer: f.layer, ...f.properties })
              .map(
                ([key, v]) => `<Data name="${escapeXml(key)}"><value>${escapeXml(String(v))}</value></Data>`,
              )
              .join('') +
            `</ExtendedData>${geometry(f)}</Placemark>`,
        ),
      '</Folder>',
    ]),
    '</Document>',
    '</kml>',
  ];
  return `${lines.join('\n')}\n`;
}
