/**
 * The site map as inline SVG: individual-risk contours at the criteria levels, installations, plant
 * boundary, protection targets coloured by verdict, other population areas, a scale bar and a north arrow.
 * Site coordinates (m, x east, y north) map to SVG units by one uniform scale, so distances read true.
 */
import type { Project } from '../project/types.ts';
import type { AssessmentResult } from '../qra/assess.ts';
import { n2, niceStep } from './charts.ts';
import type { Html } from './format.ts';
import { html, join } from './format.ts';

type Pt = readonly [number, number];

/** Width of the map in SVG units; the height follows the site's aspect ratio within these bounds. */
export const MAP_WIDTH = 680;
const MIN_HEIGHT = 360;
const MAX_HEIGHT = 820;
const PAD = 24;

/** Colours of the contour levels, from the highest risk down (print-safe, distinct in grey). */
export const CONTOUR_COLOURS = ['#7f0000', '#d7301f', '#f08c00', '#2b8cbe', '#6a51a3', '#41ab5d'];

export interface MapFrame {
  /** SVG units per metre. */
  scale: number;
  width: number;
  height: number;
  x(siteX: number): number;
  y(siteY: number): number;
}

/** The frame that holds every given point with a margin, equal scale on both axes, y flipped. */
export function mapFrame(points: readonly Pt[]): MapFrame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [-100, 100, -100, 100];
  const spanX = Math.max(maxX - minX, 50);
  const spanY = Math.max(maxY - minY, 50);
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;
  const margin = 1.12;
  const inner = MAP_WIDTH - 2 * PAD;
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (inner * spanY) / spanX + 2 * PAD));
  const scale = Math.min(inner / (spanX * margin), (height - 2 * PAD) / (spanY * margin));
  return {
    scale,
    width: MAP_WIDTH,
    height,
    x: (sx) => MAP_WIDTH / 2 + (sx - midX) * scale,
    y: (sy) => height / 2 - (sy - midY) * scale,
  };
}

export interface SiteMapLabels {
  north: string;
}

export interface SiteMapLevel {
  level: number;
  colour: string;
}

function ringPath(frame: MapFrame, ring: readonly (readonly number[])[]): string {
  return (
    ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${n2(frame.x(p[0]!))},${n2(frame.y(p[1]!))}`).join(' ') + ' Z'
  );
}

function polygonPoints(frame: MapFrame, polygon: readonly Pt[]): string {
  return polygon.map(([x, y]) => `${n2(frame.x(x))},${n2(frame.y(y))}`).join(' ');
}

/**
 * The site map. `levels` are the contour levels to draw (the criteria levels), each with its colour.
 * Targets are drawn green when they comply and red when they do not.
 */
export function siteMapSvg(
  project: Project,
  result: AssessmentResult,
  levels: readonly SiteMapLevel[],
  labels: SiteMapLabels,
): Html {
  const drawn = levels
    .map((l) => ({ ...l, contour: result.contours.find((c) => c.level === l.level) }))
    .filter((l) => l.contour && l.contour.multiPolygon.length > 0);

  const pts: Pt[] = [];
  for (const p of project.site.boundary ?? []) pts.push(p);
  for (const i of project.installations) pts.push(...(i.outline ?? [i.position]));
  for (const t of [...project.targets, ...project.population])
    pts.push(...(t.polygon ?? (t.position ? [t.position] : [])));
  for (const p of project.probes) pts.push(p.position);
  for (const l of drawn)
    for (const poly of l.contour!.multiPolygon) for (const p of poly[0] ?? []) pts.push([p[0]!, p[1]!]);
  const frame = mapFrame(pts);

  const grid = gridLines(frame);

  const contours = drawn.map(
    (l) =>
      html`<path
        class="contour"
        data-level="${l.level}"
        fill-rule="evenodd"
        style="stroke:${l.colour};fill:${l.colour}"
        d="${l.contour!.multiPolygon.map((poly) => poly.map((ring) => ringPath(frame, ring)).join(' ')).join(' ')}"
      />`,
  );

  const boundary = project.site.boundary
    ? html`<polygon class="boundary" points="${polygonPoints(frame, project.site.boundary)}" />`
    : html``;

  const population = project.population.map((a) =>
    a.polygon
      ? html`<polygon class="population" points="${polygonPoints(frame, a.polygon)}" />`
      : html`<circle
          class="population"
          cx="${n2(frame.x(a.position![0]))}"
          cy="${n2(frame.y(a.position![1]))}"
          r="4"
        />`,
  );

  const verdictOf = new Map(result.targets.map((t) => [t.id, t.complies]));
  const targets = project.targets.map((t) => {
    const cls = verdictOf.get(t.id) === false ? 'target target-fail' : 'target target-ok';
    const [lx, ly] = labelPoint(t.polygon ?? [t.position!]);
    const shape = t.polygon
      ? html`<polygon class="${cls}" data-target="${t.id}" points="${polygonPoints(frame, t.polygon)}" />`
      : html`<circle
          class="${cls}"
          data-target="${t.id}"
          cx="${n2(frame.x(t.position![0]))}"
          cy="${n2(frame.y(t.position![1]))}"
          r="6"
        />`;
    return html`${shape}<text class="map-label" x="${n2(frame.x(lx) + 8)}" y="${n2(frame.y(ly) - 8)}"
        >${t.id}</text
      >`;
  });

  const installations = project.installations.map((i) => {
    const shape = i.outline
      ? html`<polygon
          class="installation"
          data-installation="${i.id}"
          points="${polygonPoints(frame, i.outline)}"
        />`
      : html`<rect
          class="installation"
          data-installation="${i.id}"
          x="${n2(frame.x(i.position[0]) - 4)}"
          y="${n2(frame.y(i.position[1]) - 4)}"
          width="8"
          height="8"
        />`;
    return html`${shape}<circle
        class="installation-centre"
        data-installation-centre="${i.id}"
        cx="${n2(frame.x(i.position[0]))}"
        cy="${n2(frame.y(i.position[1]))}"
        r="1.5"
      /><text
        class="map-label installation-label"
        x="${n2(frame.x(i.position[0]) + 7)}"
        y="${n2(frame.y(i.position[1]) + 14)}"
        >${i.id}</text
      >`;
  });

  return html`<svg
    class="chart site-map"
    viewBox="0 0 ${frame.width} ${n2(frame.height)}"
    role="img"
    aria-label="site map"
    data-scale="${frame.scale}"
  >
    <defs>
      <clipPath id="map-clip">
        <rect x="0" y="0" width="${frame.width}" height="${n2(frame.height)}" />
      </clipPath>
    </defs>
    <rect class="map-bg" x="0" y="0" width="${frame.width}" height="${n2(frame.height)}" />
    <g clip-path="url(#map-clip)">
      ${grid} ${join(contours)} ${boundary} ${join(population)} ${join(targets)} ${join(installations)}
    </g>
    ${scaleBar(frame)} ${northArrow(frame, project.site.rotation, labels.north)}
    <rect class="frame" x="0.5" y="0.5" width="${frame.width - 1}" height="${n2(frame.height - 1)}" />
  </svg>`;
}

function labelPoint(points: readonly Pt[]): Pt {
  let best = points[0]!;
  for (const p of points) if (p[1] > best[1] || (p[1] === best[1] && p[0] > best[0])) best = p;
  return best;
}

/** Light coordinate grid at a round spacing, labelled along the left and bottom edges. */
function gridLines(frame: MapFrame): Html {
  const metresWide = frame.width / frame.scale;
  const step = niceStep(metresWide / 6);
  const out: Html[] = [];
  const siteXAt = (sx: number) => (sx - frame.x(0)) / frame.scale;
  const siteYAt = (sy: number) => (frame.y(0) - sy) / frame.scale;
  for (let v = Math.ceil(siteXAt(0) / step) * step; v <= siteXAt(frame.width); v += step) {
    const x = frame.x(v);
    out.push(html`<line class="map-grid" x1="${n2(x)}" y1="0" x2="${n2(x)}" y2="${n2(frame.height)}" />`);
    if (x > 110 && x < frame.width - 40)
      out.push(
        html`<text class="map-tick" x="${n2(x + 2)}" y="${n2(frame.height - 4)}">${fmtCoord(v)}</text>`,
      );
  }
  for (let v = Math.ceil(siteYAt(frame.height) / step) * step; v <= siteYAt(0); v += step) {
    const y = frame.y(v);
    out.push(html`<line class="map-grid" x1="0" y1="${n2(y)}" x2="${frame.width}" y2="${n2(y)}" />`);
    if (y > 16 && y < frame.height - 50)
      out.push(html`<text class="map-tick" x="3" y="${n2(y - 2)}">${fmtCoord(v)}</text>`);
  }
  return join(out);
}

function fmtCoord(v: number): string {
  return String(Math.round(v));
}

/** A scale bar of a round length near a fifth of the map width, divided in four. */
function scaleBar(frame: MapFrame): Html {
  const metres = niceStep(frame.width / frame.scale / 5);
  const length = metres * frame.scale;
  const x = 16;
  const y = frame.height - 28;
  const quarter = length / 4;
  const blocks = [0, 1, 2, 3].map(
    (i) =>
      html`<rect
        class="${i % 2 === 0 ? 'bar-dark' : 'bar-light'}"
        x="${n2(x + i * quarter)}"
        y="${n2(y)}"
        width="${n2(quarter)}"
        height="6"
      />`,
  );
  return html`<g class="scale-bar" data-metres="${metres}" data-length="${length}">
    <rect class="scale-bg" x="${n2(x - 6)}" y="${n2(y - 16)}" width="${n2(length + 52)}" height="30" />
    ${join(blocks)}
    <text class="map-tick" x="${n2(x)}" y="${n2(y - 4)}">0</text>
    <text class="map-tick" x="${n2(x + length)}" y="${n2(y - 4)}" text-anchor="middle">${metres} m</text>
  </g>`;
}

/**
 * North arrow: the site's y axis is rotated `rotationDeg` clockwise from true north, so true north points
 * `rotationDeg` anticlockwise from the map's up direction.
 */
function northArrow(frame: MapFrame, rotationDeg: number, label: string): Html {
  const cx = frame.width - 34;
  const cy = 52;
  return html`<g class="north-arrow" transform="translate(${n2(cx)},${n2(cy)}) rotate(${n2(-rotationDeg)})">
    <circle class="scale-bg" cx="0" cy="0" r="24" />
    <polygon class="arrow-dark" points="0,-20 7,10 0,4" />
    <polygon class="arrow-light" points="0,-20 -7,10 0,4" />
    <text class="north-label" x="0" y="-28" text-anchor="middle">${label}</text>
  </g>`;
}
