import { sectorProbabilities, type RiskEvent, type WindStatistics } from './events.ts';
import { eventDeathProbability } from './individual.ts';
import type { GridSpec } from './grid.ts';

/**
 * Individual risk on a grid, one layer per installation (risk is additive over installations, so editing one
 * installation recomputes one layer). This is the plain reference engine: every event is evaluated directly
 * at every cell centre within its reach, summed over wind sectors with the exact sector mean of its footprint.
 * @param onProgress called after each event with (events done, events in all), for a progress bar
 * @returns layers by installation id, each a Float64Array of nx·ny values in risk per year (index j·nx + i)
 */
export function individualRiskLayers(
  events: readonly RiskEvent[],
  wind: WindStatistics,
  grid: GridSpec,
  onProgress?: (done: number, total: number) => void,
): Map<string, Float64Array> {
  const layers = new Map<string, Float64Array>();
  let done = 0;
  for (const event of events) {
    let layer = layers.get(event.installationId);
    if (!layer) {
      layer = new Float64Array(grid.nx * grid.ny);
      layers.set(event.installationId, layer);
    }
    addEvent(layer, event, wind, grid);
    onProgress?.(++done, events.length);
  }
  return layers;
}

function addEvent(layer: Float64Array, event: RiskEvent, wind: WindStatistics, grid: GridSpec): void {
  const { x0, y0, cellSize, nx, ny } = grid;
  const reach = event.individual.reach;
  const [sx, sy] = event.source;
  const i0 = Math.max(0, Math.floor((sx - reach - x0) / cellSize));
  const i1 = Math.min(nx - 1, Math.ceil((sx + reach - x0) / cellSize));
  const j0 = Math.max(0, Math.floor((sy - reach - y0) / cellSize));
  const j1 = Math.min(ny - 1, Math.ceil((sy + reach - y0) / cellSize));
  const rose = sectorProbabilities(wind, event.weatherClassId);
  for (let j = j0; j <= j1; j++) {
    const y = y0 + j * cellSize;
    for (let i = i0; i <= i1; i++) {
      const p = eventDeathProbability(event.individual, event.source, x0 + i * cellSize, y, rose);
      if (p > 0) layer[j * nx + i]! += event.frequency * p;
    }
  }
}

/** Sum of the layers, cell by cell, in a fixed order (sorted ids) so the result is bit-identical run to run. */
export function sumLayers(layers: ReadonlyMap<string, Float64Array>, size: number): Float64Array {
  const total = new Float64Array(size);
  for (const id of [...layers.keys()].sort()) {
    const layer = layers.get(id)!;
    for (let k = 0; k < size; k++) total[k]! += layer[k]!;
  }
  return total;
}
