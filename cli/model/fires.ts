import type { ModelCommand } from './types.ts';

export const fireModels: ModelCommand[] = [];
