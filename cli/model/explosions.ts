import type { ModelCommand } from './types.ts';

export const explosionModels: ModelCommand[] = [];
