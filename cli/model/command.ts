import { formatIssue } from '../../data/schema/quantity.ts';
import { UsageError, type CliIo } from '../io.ts';
import { findModel, MODELS } from './registry.ts';

/**
 * `safedist model <name> [--input file.json]` and `safedist model --list` (spec/model-cli.md).
 * Reads one JSON object, validates it against the model's schema, prints one JSON object.
 * @throws UsageError with a one-line message naming the field, for exit code 2.
 */
export async function modelCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { name, input, list } = parseModelArgs(args);
  if (list) {
    const width = Math.max(...MODELS.map((m) => m.name.length));
    for (const m of MODELS) io.stdout(`${m.name.padEnd(width)}  ${m.summary} — ${m.source}\n`);
    return 0;
  }
  if (!name) throw new UsageError('model: name a model (see `safedist model --list`)');
  const model = findModel(name);
  if (!model) throw new UsageError(`model: unknown model '${name}' (see \`safedist model --list\`)`);

  const text = input !== undefined ? await io.readFile(input) : await io.readStdin();
  if (text === undefined || text.trim() === '') {
    throw new UsageError(`model ${name}: no input; pass --input case.json or pipe a JSON object on stdin`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`model ${name}: input is not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new UsageError(`model ${name}: input must be one JSON object`);
  }
  const parsed = model.input.safeParse(json);
  if (!parsed.success) throw new UsageError(`model ${name}: ${formatIssue(parsed.error)}`);
  const result = model.run(parsed.data);
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function parseModelArgs(args: readonly string[]): { name?: string; input?: string; list: boolean } {
  let name: string | undefined;
  let input: string | undefined;
  let list = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--list') list = true;
    else if (a === '--input' || a === '-i') {
      input = args[++i];
      if (input === undefined) throw new UsageError('model: --input needs a file path');
    } else if (a.startsWith('--input=')) input = a.slice('--input='.length);
    else if (a.startsWith('-')) throw new UsageError(`model: unknown option '${a}'`);
    else if (name === undefined) name = a;
    else throw new UsageError(`model: unexpected argument '${a}'`);
  }
  return { name, input, list };
}
