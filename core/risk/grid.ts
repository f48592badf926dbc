import type { RiskEvent } from './events.ts';

/**
 * A regular grid of cell centres in site coordinates: centre (i, j) is at (x0 + i·cellSize, y0 + j·cellSize),
 * i along x (east), j along y (north); values are stored row by row, index j·nx + i.
 */
export interface GridSpec {
  x0: number;
  y0: number;
  cellSize: number;
  nx: number;
  ny: number;
}

/**
 * The smallest grid, aligned on multiples of the cell size, that contains every event's footprint with one
 * empty cell all round. Outside it every event's lethality is zero, so every risk contour (the lowest GB
 * criterion 3×10⁻⁷ included) closes inside the grid.
 * @param cellSize cell edge, m
 */
export function gridCoveringEvents(events: readonly RiskEvent[], cellSize: number): GridSpec {
  if (!(cellSize > 0)) throw new RangeError(`cellSize must be > 0 m, got ${cellSize}`);
  return coveringGrid(eventExtent(events), cellSize);
}

/** Site coordinates of cell centre (i, j). */
export function cellCentre(grid: GridSpec, i: number, j: number): [number, number] {
  return [grid.x0 + i * grid.cellSize, grid.y0 + j * grid.cellSize];
}

/**
 * Where a set of events lies: the box of their release points, the longest individual-risk reach and the box
 * of every footprint (gridCoveringEvents). Extents of disjoint event sets merge (mergeExtents), so the grid of
 * a whole project can be found from per-installation parts computed apart (in workers).
 */
export interface EventExtent {
  /** Box of the release points, m; Infinity/−Infinity when there are no events. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Longest individual-risk footprint reach, m. */
  maxReach: number;
  /** Box of every footprint (individual and societal) about its release point, m. */
  cover: { minX: number; minY: number; maxX: number; maxY: number };
}

/** The extent of a set of events (see {@link EventExtent}). */
export function eventExtent(events: readonly RiskEvent[]): EventExtent {
  const extent: EventExtent = {
    minX: Infinity,
    minY: Infinity,
    maxX: -Infinity,
    maxY: -Infinity,
    maxReach: 0,
    cover: { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity },
  };
  for (const e of events) {
    const [x, y] = e.source;
    const reach = Math.max(e.individual.reach, e.societal.indoor.reach, e.societal.outdoor.reach);
    extent.minX = Math.min(extent.minX, x);
    extent.maxX = Math.max(extent.maxX, x);
    extent.minY = Math.min(extent.minY, y);
    extent.maxY = Math.max(extent.maxY, y);
    extent.maxReach = Math.max(extent.maxReach, e.individual.reach);
    extent.cover.minX = Math.min(extent.cover.minX, x - reach);
    extent.cover.maxX = Math.max(extent.cover.maxX, x + reach);
    extent.cover.minY = Math.min(extent.cover.minY, y - reach);
    extent.cover.maxY = Math.max(extent.cover.maxY, y + reach);
  }
  return extent;
}

/** The extent of the union of event sets. */
export function mergeExtents(parts: readonly EventExtent[]): EventExtent {
  return parts.reduce<EventExtent>(
    (a, b) => ({
      minX: Math.min(a.minX, b.minX),
      minY: Math.min(a.minY, b.minY),
      maxX: Math.max(a.maxX, b.maxX),
      maxY: Math.max(a.maxY, b.maxY),
      maxReach: Math.max(a.maxReach, b.maxReach),
      cover: {
        minX: Math.min(a.cover.minX, b.cover.minX),
        minY: Math.min(a.cover.minY, b.cover.minY),
        maxX: Math.max(a.cover.maxX, b.cover.maxX),
        maxY: Math.max(a.cover.maxY, b.cover.maxY),
      },
    }),
    eventExtent([]),
  );
}

function coveringGrid(extent: EventExtent, cellSize: number): GridSpec {
  const { minX, minY, maxX, maxY } = extent.cover;
  if (!Number.isFinite(minX)) return { x0: 0, y0: 0, cellSize, nx: 1, ny: 1 };
  const i0 = Math.floor(minX / cellSize) - 1;
  const j0 = Math.floor(minY / cellSize) - 1;
  const i1 = Math.ceil(maxX / cellSize) + 1;
  const j1 = Math.ceil(maxY / cellSize) + 1;
  return { x0: i0 * cellSize, y0: j0 * cellSize, cellSize, nx: i1 - i0 + 1, ny: j1 - j0 + 1 };
}

/** The points at which gridForRiskLevel samples the risk: RAYS rays from a centre, radii growing by 5 %. */
export interface RiskRays {
  cx: number;
  cy: number;
  /** Number of rays, bearing 2πk/rays clockwise from north. */
  rays: number;
  /** Sample distances along every ray, m. */
  radii: Float64Array;
}

/** Sample i of ray k is at index k·radii.length + i of a samples array; its site coordinates. */
export function rayPoint(rays: RiskRays, k: number, i: number): [number, number] {
  const angle = (2 * Math.PI * k) / rays.rays;
  const r = rays.radii[i]!;
  return [rays.cx + r * Math.sin(angle), rays.cy + r * Math.cos(angle)];
}

/** The sampling rays of gridForRiskLevel for an extent: from the centre of the release points, 72 rays. */
export function riskRays(extent: EventExtent, cellSize: number): RiskRays {
  const cx = (extent.minX + extent.maxX) / 2;
  const cy = (extent.minY + extent.maxY) / 2;
  const span = Math.hypot(extent.maxX - extent.minX, extent.maxY - extent.minY) / 2;
  const radii: number[] = [];
  // No events: no rays (gridFromRaySamples then answers the one-cell grid).
  if (!Number.isFinite(span)) return { cx: 0, cy: 0, rays: 72, radii: new Float64Array(0) };
  for (let r = cellSize; r <= span + extent.maxReach; r *= 1.05) radii.push(r);
  return { cx, cy, rays: 72, radii: Float64Array.from(radii) };
}

/**
 * The grid from the risk sampled on the rays (`samples[k·radii.length + i]`, per year); see
 * {@link gridForRiskLevel}.
 */
export function gridFromRaySamples(
  extent: EventExtent,
  rays: RiskRays,
  samples: Float64Array,
  cellSize: number,
  level: number,
  margin = 4,
): GridSpec {
  const full = coveringGrid(extent, cellSize);
  if (!Number.isFinite(extent.minX)) return full;
  let { minX, minY, maxX, maxY } = extent;
  const n = rays.radii.length;
  for (let k = 0; k < rays.rays; k++) {
    const angle = (2 * Math.PI * k) / rays.rays;
    const ux = Math.sin(angle);
    const uy = Math.cos(angle);
    let farthest = 0;
    for (let i = 0; i < n; i++) if (samples[k * n + i]! >= level) farthest = rays.radii[i]!;
    minX = Math.min(minX, rays.cx + farthest * ux);
    maxX = Math.max(maxX, rays.cx + farthest * ux);
    minY = Math.min(minY, rays.cy + farthest * uy);
    maxY = Math.max(maxY, rays.cy + farthest * uy);
  }
  // Between two samples the risk may stay above the level for up to 5 % further, and between two rays the
  // contour may bulge: widen by 10 % of the extent as well as the margin.
  const padX = 0.1 * (maxX - minX) + margin * cellSize;
  const padY = 0.1 * (maxY - minY) + margin * cellSize;
  const i0 = Math.max(Math.floor((minX - padX) / cellSize), Math.round(full.x0 / cellSize));
  const j0 = Math.max(Math.floor((minY - padY) / cellSize), Math.round(full.y0 / cellSize));
  const i1 = Math.min(Math.ceil((maxX + padX) / cellSize), Math.round(full.x0 / cellSize) + full.nx - 1);
  const j1 = Math.min(Math.ceil((maxY + padY) / cellSize), Math.round(full.y0 / cellSize) + full.ny - 1);
  return { x0: i0 * cellSize, y0: j0 * cellSize, cellSize, nx: i1 - i0 + 1, ny: j1 - j0 + 1 };
}

/**
 * The grid for an assessment: it must hold every place where the individual risk reaches `level` (the lowest
 * GB 36894 criterion, 3×10⁻⁷/yr, so that contour closes), with a margin. Footprints may reach much further
 * than that risk does (a 1 % lethality cloud 20 km long in F1.5 weather carries little risk so far out), so
 * the extent is found by walking outward along 72 rays from the centre of the release points, sampling the
 * risk directly at distances growing by 5 % up to the longest reach, and keeping the farthest point at or
 * above `level`; the grid is the box of those points, the release points and `margin` cells more, aligned on
 * multiples of the cell size and never larger than gridCoveringEvents. Contours of lower levels are drawn
 * where they fit (see riskContours' `clipped`).
 * @param riskAt individual risk at a point, per year
 * @param level risk level that must close, per year
 * @param margin extra cells all round; default 4
 */
export function gridForRiskLevel(
  events: readonly RiskEvent[],
  riskAt: (x: number, y: number) => number,
  cellSize: number,
  level: number,
  margin = 4,
): GridSpec {
  if (!(cellSize > 0)) throw new RangeError(`cellSize must be > 0 m, got ${cellSize}`);
  const extent = eventExtent(events);
  if (events.length === 0) return coveringGrid(extent, cellSize);
  const rays = riskRays(extent, cellSize);
  const n = rays.radii.length;
  const samples = new Float64Array(rays.rays * n);
  for (let k = 0; k < rays.rays; k++) {
    for (let i = 0; i < n; i++) samples[k * n + i] = riskAt(...rayPoint(rays, k, i));
  }
  return gridFromRaySamples(extent, rays, samples, cellSize, level, margin);
}
