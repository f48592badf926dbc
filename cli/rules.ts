import type { RuleSet } from '../core/rules/types.ts';
import { ruleSetLabel } from '../core/rules/types.ts';
import { loadRuleSetFile } from '../data/rules/file.ts';
import { getRuleSet, listRuleSets, RuleSetError } from '../data/rules/index.ts';
import { UsageError, type CliIo } from './io.ts';

interface RulesArgs {
  json: boolean;
  list: boolean;
  id?: string;
  version?: number;
  file?: string;
}

function parseRulesArgs(args: readonly string[]): RulesArgs {
  const out: RulesArgs = { json: false, list: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`rules: ${name} needs a value`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--list') out.list = true;
    else if (a === '--id') out.id = value('--id');
    else if (a === '--version') {
      const v = Number(value('--version'));
      if (!Number.isInteger(v) || v < 1) throw new UsageError('rules: --version expects a whole number ≥ 1');
      out.version = v;
    } else if (a === '--file') out.file = value('--file');
    else throw new UsageError(`rules: unknown argument '${a}'`);
  }
  if (out.file !== undefined && out.id !== undefined)
    throw new UsageError('rules: give --id or --file, not both');
  return out;
}

/** SI unit of a value, from the name of the field that holds it (display only). */
const UNIT_OF_KEY: readonly (readonly [RegExp, string])[] = [
  [/criticalQuantity|instantaneousBounds/, 'kg'],
  [/continuousBounds/, 'kg/s'],
  [/Flux/, 'W/m²'],
  [/overpressure|explosionCertainDeath|explosionNoEffect|ambientPressure/, 'Pa'],
  [/Cap$|duration|Duration/, 's'],
  [/diameter|Diameter|durationBands/, 'm'],
  [/windSpeed/, 'm/s'],
  [/ambientTemperature/, 'K'],
  [/^(new|existing)$|levels/, 'per year'],
];

function unitOf(path: readonly string[]): string {
  const key = path.filter((p) => !p.startsWith('[')).pop() ?? '';
  return UNIT_OF_KEY.find(([re]) => re.test(key))?.[1] ?? '';
}

/** How an array element is named in a path: its id, code, row, grade… rather than a bare index. */
function label(item: unknown, index: number): string {
  if (item === null || typeof item !== 'object') return `[${index}]`;
  const o = item as Record<string, unknown>;
  if (typeof o.row === 'number') return `[#${o.row} ${String(o.nameZh)}]`;
  for (const k of ['id', 'code', 'grade', 'targetCategory', 'nameZh'])
    if (typeof o[k] === 'string') return `[${o[k] as string}]`;
  if (typeof o.detection === 'string') return `[${o.detection as string}/${String(o.isolation)}]`;
  if (Array.isArray(o.locs)) {
    const lo = o.minDiameter === undefined ? '' : `${String(o.minDiameter)} m ${o.minInclusive ? '≤' : '<'} `;
    const hi = o.maxDiameter === undefined ? '' : ` ${o.maxInclusive ? '≤' : '<'} ${String(o.maxDiameter)} m`;
    return `[${lo}DN${hi}]`;
  }
  if (typeof o.minPeople === 'number')
    return `[${o.minPeople}${o.maxPeople === undefined ? '+' : `–${String(o.maxPeople)}`} people]`;
  return `[${index}]`;
}

function isSourced(o: Record<string, unknown>): boolean {
  return typeof o.source === 'string' && typeof o.confidence === 'string';
}

function formatScalar(v: unknown): string {
  if (typeof v !== 'number' || v === 0) return String(v);
  return Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6 ? v.toExponential() : String(v);
}

function formatValue(v: unknown, unit: string): string {
  const text = Array.isArray(v) ? v.map(formatScalar).join(' / ') : formatScalar(v);
  return unit === '' ? text : `${text} ${unit}`;
}

/** One line per value: `path = value unit  [confidence] source (note)`. */
function describeRuleSet(rules: RuleSet): string[] {
  const lines: string[] = [];
  const walk = (node: unknown, path: string[], parent?: Record<string, unknown>): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, label(item, i)]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (isSourced(o)) {
      const shown = 'value' in o ? o.value : `F = ${formatScalar(o.constant)} / N^${String(o.exponent)}`;
      // A LOC's frequency is per year, per metre-year or per hour, as its basis says.
      const basis =
        typeof parent?.frequencyBasis === 'string' ? parent.frequencyBasis.replace(/-/g, ' ') : undefined;
      const unit = 'value' in o ? (basis ?? unitOf(path)) : 'per year';
      const where = path.join('.').replace(/\.\[/g, '[');
      const note = typeof o.note === 'string' ? ` (${o.note})` : '';
      lines.push(
        `${where} = ${formatValue(shown, unit)}  [${String(o.confidence)}] ${String(o.source)}${note}`,
      );
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, [...path, k], o);
  };
  const { id: _id, version: _version, title: _title, description: _description, ...tables } = rules;
  walk(tables, []);
  return lines;
}

/**
 * `safedist rules [--json] [--id ID] [--version N] [--file rules.json] [--list]`: prints a rule set with the
 * source and confidence of every value (spec/standards.md), or lists the built-in rule sets. `--file`
 * validates and prints an edited copy.
 */
export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const a = parseRulesArgs(args);
  if (a.list) {
    const sets = listRuleSets();
    if (a.json) io.stdout(`${JSON.stringify(sets, null, 2)}\n`);
    else for (const r of sets) io.stdout(`${r.id}  v${r.version}  ${r.title}\n`);
    return 0;
  }
  let rules: RuleSet;
  try {
    rules = a.file !== undefined ? await loadRuleSetFile(a.file) : getRuleSet(a.id, a.version);
  } catch (e) {
    if (e instanceof RuleSetError) throw new UsageError(e.message);
    throw e;
  }
  if (a.json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const counts = { sure: 0, likely: 0, unsure: 0 };
  const lines = describeRuleSet(rules);
  for (const l of lines) {
    const m = /\[(sure|likely|unsure)\]/.exec(l);
    if (m) counts[m[1] as keyof typeof counts]++;
  }
  io.stdout(
    [
      `${ruleSetLabel(rules)} — ${rules.title}`,
      rules.description,
      `Values in SI (kg, m, s, Pa, W/m²; frequencies per year unless a LOC says per metre or per hour).`,
      `Confidence: ${counts.sure} sure, ${counts.likely} likely, ${counts.unsure} unsure (docs/rules.md).`,
      '',
      ...lines,
      '',
    ].join('\n'),
  );
  return 0;
}
