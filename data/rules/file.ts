import { readFile } from 'node:fs/promises';
import type { RuleSet } from '../../core/rules/types.ts';
import { parseRuleSet, RuleSetError } from './index.ts';

/**
 * Reads and validates a rule-set file, e.g. an assessor's corrected copy of a built-in one.
 * @throws RuleSetError naming the file and every problem (also when the file cannot be read or is not JSON)
 */
export async function loadRuleSetFile(path: string): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new RuleSetError(path, [
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RuleSetError(path, [`not valid JSON (${(e as Error).message})`]);
  }
  return parseRuleSet(json, path);
}
