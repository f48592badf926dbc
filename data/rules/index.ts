import type { RuleSet } from '../../core/rules/types.ts';
import { issueLines } from '../project/issues.ts';
import gb36894v1 from './GB36894-2018.v1.json' with { type: 'json' };
import { ruleSetSchema, toRuleSet } from './schema.ts';

/** The id of the rule set a project uses when it names none (spec/standards.md, defaults table). */
export const DEFAULT_RULE_SET = { id: 'GB36894-2018', version: 1 } as const;

/** A rule-set file that does not validate; `issues` are one line each, naming the field. */
export class RuleSetError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: readonly string[],
  ) {
    super(`${fileName}: invalid rule set:\n  ${issues.join('\n  ')}`);
    this.name = 'RuleSetError';
  }
}

/**
 * Validates a rule set read from a file (parsed JSON) and returns it in SI.
 * @param json the file's parsed content
 * @param fileName named in the error
 * @throws RuleSetError listing every problem
 */
export function parseRuleSet(json: unknown, fileName: string): RuleSet {
  const parsed = ruleSetSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new RuleSetError(fileName, issueLines(parsed.error));
  return toRuleSet(parsed.data);
}

/** Built-in rule sets, by file name. Each is validated when first used. */
const BUILT_IN: Record<string, unknown> = {
  'GB36894-2018.v1.json': gb36894v1,
};

const cache = new Map<string, RuleSet>();

function builtIn(fileName: string): RuleSet {
  let rules = cache.get(fileName);
  if (!rules) {
    rules = parseRuleSet(BUILT_IN[fileName], `data/rules/${fileName}`);
    cache.set(fileName, rules);
  }
  return rules;
}

/** Summary of an available rule set. */
export interface RuleSetInfo {
  id: string;
  version: number;
  title: string;
}

/** The built-in rule sets, sorted by id then version. */
export function listRuleSets(): RuleSetInfo[] {
  return Object.keys(BUILT_IN)
    .map((f) => builtIn(f))
    .map(({ id, version, title }) => ({ id, version, title }))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/**
 * A built-in rule set by id and version; without a version, the highest version of that id.
 * @throws RuleSetError when no such rule set exists (the message lists those that do)
 */
export function getRuleSet(id: string = DEFAULT_RULE_SET.id, version?: number): RuleSet {
  const matches = Object.keys(BUILT_IN)
    .map((f) => builtIn(f))
    .filter((r) => r.id === id && (version === undefined || r.version === version))
    .sort((a, b) => b.version - a.version);
  const found = matches[0];
  if (!found) {
    const available = listRuleSets()
      .map((r) => `${r.id} v${r.version}`)
      .join(', ');
    const wanted = version === undefined ? id : `${id} v${version}`;
    throw new RuleSetError('rule sets', [`no rule set '${wanted}'; available: ${available}`]);
  }
  return found;
}
