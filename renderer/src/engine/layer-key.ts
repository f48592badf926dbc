import type { GridSpec } from '../../../core/risk/grid.ts';
import type { EngineInput } from './protocol.ts';

/**
 * What one installation's individual-risk layer depends on, as text: the installation itself (position,
 * inventory, equipment, scenarios…), the record of its substance, the weather (classes, wind rose, ambient),
 * the grid and vulnerability settings and the rule set (LOC catalogue, probits). Two runs with the same key
 * give the same layer on the same grid, so an unchanged installation's layer can be kept when another one is
 * edited. Deliberately broad: a false "changed" costs a recomputation, a false "same" a wrong result.
 */
export function layerKey(input: EngineInput, installationId: string): string {
  const installation = input.project.installations.find((i) => i.id === installationId);
  if (!installation) throw new RangeError(`layerKey: no installation '${installationId}'`);
  return JSON.stringify({
    installation,
    substance: input.substances.find((s) => s.id === installation.substance) ?? null,
    weather: input.project.weather,
    settings: input.project.settings,
    rules: input.rules,
  });
}

export const sameGrid = (a: GridSpec, b: GridSpec): boolean =>
  a.x0 === b.x0 && a.y0 === b.y0 && a.cellSize === b.cellSize && a.nx === b.nx && a.ny === b.ny;
