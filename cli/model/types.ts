import type { z } from 'zod';

/**
 * One physical model callable as `safedist model <name>` (spec/model-cli.md). The input schema is a strict
 * zod object whose quantities accept SI numbers or unit strings (data/schema/quantity.ts); `run` calls the
 * same core/ function the engine uses and returns SI numbers.
 */
export interface ModelCommand<S extends z.ZodType = z.ZodType> {
  /** Contract name, e.g. `discharge-gas`. */
  name: string;
  /** Equation source shown by `--list`, e.g. "YB (2005) eq. 2.22–2.26". */
  source: string;
  /** One-line description. */
  summary: string;
  input: S;
  run(input: z.output<S>): object;
}

/** Keeps the input type of `run` tied to the schema without widening the registry's element type. */
export function defineModel<S extends z.ZodType>(command: ModelCommand<S>): ModelCommand {
  return command as unknown as ModelCommand;
}
