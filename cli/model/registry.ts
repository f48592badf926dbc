import type { ModelCommand } from './types.ts';
import { sourceTermModels } from './source-terms.ts';
import { dispersionModels } from './dispersion.ts';
import { fireModels } from './fires.ts';
import { explosionModels } from './explosions.ts';
import { vulnerabilityModels } from './vulnerability.ts';

/** Every model of spec/model-cli.md, in the order of that table. */
export const MODELS: readonly ModelCommand[] = [
  ...sourceTermModels,
  ...dispersionModels,
  ...fireModels,
  ...explosionModels,
  ...vulnerabilityModels,
];

export function findModel(name: string): ModelCommand | undefined {
  return MODELS.find((m) => m.name === name);
}
