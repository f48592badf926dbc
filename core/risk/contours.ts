import { contours as d3Contours } from 'd3-contour';
import type { GridSpec } from './grid.ts';

/** A contour at one level: polygons (outer ring first, then holes) in site coordinates, m. */
export interface RiskContour {
  level: number;
  /** GeoJSON-style MultiPolygon coordinates in site metres. */
  polygons: number[][][][];
  /**
   * True when the risk reaches this level on the grid's border, so the contour is cut by the grid edge and
   * its true extent is larger than drawn (only for levels below the one the grid was sized for).
   */
  clipped: boolean;
}

/**
 * Iso-risk contours by marching squares (d3-contour) at the given levels, closed polygons in site
 * coordinates, in the order of `levels`. d3-contour places sample (i, j) at (i + 0.5, j + 0.5) and interpolates linearly along cell
 * edges; the grid's border cells are empty (gridCoveringEvents), so every contour closes.
 */
export function riskContours(values: Float64Array, grid: GridSpec, levels: readonly number[]): RiskContour[] {
  const generator = d3Contours()
    .size([grid.nx, grid.ny])
    .smooth(true)
    .thresholds([...levels]);
  const toSite = (p: number[]): number[] => [
    grid.x0 + (p[0]! - 0.5) * grid.cellSize,
    grid.y0 + (p[1]! - 0.5) * grid.cellSize,
  ];
  const byLevel = new Map(generator(Array.from(values)).map((mp) => [mp.value, mp]));
  // d3-contour sorts its thresholds; answer in the order the levels were asked for.
  let borderMax = 0;
  for (let i = 0; i < grid.nx; i++) {
    borderMax = Math.max(borderMax, values[i]!, values[(grid.ny - 1) * grid.nx + i]!);
  }
  for (let j = 0; j < grid.ny; j++) {
    borderMax = Math.max(borderMax, values[j * grid.nx]!, values[j * grid.nx + grid.nx - 1]!);
  }
  return levels.map((level) => ({
    level,
    polygons: (byLevel.get(level)?.coordinates ?? []).map((poly) => poly.map((ring) => ring.map(toSite))),
    clipped: borderMax >= level,
  }));
}
