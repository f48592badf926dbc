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
