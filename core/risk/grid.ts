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
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const e of events) {
    const reach = Math.max(e.individual.reach, e.societal.indoor.reach, e.societal.outdoor.reach);
    minX = Math.min(minX, e.source[0] - reach);
    maxX = Math.max(maxX, e.source[0] + reach);
    minY = Math.min(minY, e.source[1] - reach);
    maxY = Math.max(maxY, e.source[1] + reach);
  }
  if (!Number.isFinite(minX)) return { x0: 0, y0: 0, cellSize, nx: 1, ny: 1 };
  const i0 = Math.floor(minX / cellSize) - 1;
  const j0 = Math.floor(minY / cellSize) - 1;
  const i1 = Math.ceil(maxX / cellSize) + 1;
  const j1 = Math.ceil(maxY / cellSize) + 1;
  return { x0: i0 * cellSize, y0: j0 * cellSize, cellSize, nx: i1 - i0 + 1, ny: j1 - j0 + 1 };
}

/** Site coordinates of cell centre (i, j). */
export function cellCentre(grid: GridSpec, i: number, j: number): [number, number] {
  return [grid.x0 + i * grid.cellSize, grid.y0 + j * grid.cellSize];
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
  const full = gridCoveringEvents(events, cellSize);
  if (events.length === 0) return full;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxReach = 0;
  for (const e of events) {
    minX = Math.min(minX, e.source[0]);
    maxX = Math.max(maxX, e.source[0]);
    minY = Math.min(minY, e.source[1]);
    maxY = Math.max(maxY, e.source[1]);
    maxReach = Math.max(maxReach, e.individual.reach);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const span = Math.hypot(maxX - minX, maxY - minY) / 2;
  const rays = 72;
  for (let k = 0; k < rays; k++) {
    const angle = (2 * Math.PI * k) / rays;
    const ux = Math.sin(angle);
    const uy = Math.cos(angle);
    let farthest = 0;
    for (let r = cellSize; r <= span + maxReach; r *= 1.05) {
      if (riskAt(cx + r * ux, cy + r * uy) >= level) farthest = r;
    }
    minX = Math.min(minX, cx + farthest * ux);
    maxX = Math.max(maxX, cx + farthest * ux);
    minY = Math.min(minY, cy + farthest * uy);
    maxY = Math.max(maxY, cy + farthest * uy);
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
