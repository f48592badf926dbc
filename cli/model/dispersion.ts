import type { ModelCommand } from './types.ts';

export const dispersionModels: ModelCommand[] = [];
