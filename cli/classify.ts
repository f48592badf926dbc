import { classifyProject, describeReason, type Classification } from '../core/classification/index.ts';
import type { RuleSet } from '../core/rules/types.ts';
import { ruleSetLabel } from '../core/rules/types.ts';
import { parseProject, ProjectError } from '../data/project/index.ts';
import { loadRuleSetFile } from '../data/rules/file.ts';
import { getRuleSet, RuleSetError } from '../data/rules/index.ts';
import { builtInLibrary } from '../data/substances/library.ts';
import { UsageError, type CliIo } from './io.ts';

interface ClassifyArgs {
  project?: string;
  json: boolean;
  rules?: string;
}

function parseClassifyArgs(args: readonly string[]): ClassifyArgs {
  const out: ClassifyArgs = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--rules') {
      out.rules = args[++i];
      if (out.rules === undefined) throw new UsageError('classify: --rules needs a rule-set file');
    } else if (a.startsWith('-')) throw new UsageError(`classify: unknown option '${a}'`);
    else if (out.project === undefined) out.project = a;
    else throw new UsageError(`classify: unexpected argument '${a}'`);
  }
  return out;
}

/** The JSON output: the `classification` block of `safedist assess` plus every detail and reason. */
function toJson(c: Classification, rules: RuleSet): object {
  const reasons = (rs: Classification['reasons']) => rs.map((r) => ({ ...r, text: describeReason(r) }));
  return {
    ruleSet: ruleSetLabel(rules),
    method: c.method,
    methods: c.methods,
    units: c.units.map((u) => ({ ...u, reasons: reasons(u.reasons) })),
    ...(c.majorHazardGrade ? { majorHazardGrade: c.majorHazardGrade } : {}),
    alpha: c.alpha,
    reasons: reasons(c.reasons),
  };
}

const tonnes = (kg: number) => `${Number((kg / 1000).toPrecision(4))} t`;
const fixed = (v: number) => String(Number(v.toPrecision(4)));

function toText(c: Classification, rules: RuleSet): string {
  const lines = [
    `Classification (GB 18218-2018, GB/T 37243-2019 §4) with rule set ${ruleSetLabel(rules)}`,
    '',
  ];
  for (const u of c.units) {
    lines.push(`Unit ${u.id} (installations ${u.installations.join(', ')})`);
    for (const s of u.substances) {
      const Q = s.criticalQuantity === undefined ? 'outside GB 18218' : tonnes(s.criticalQuantity);
      lines.push(
        `  ${s.substance}: q = ${tonnes(s.quantity)}, Q = ${Q}, q/Q = ${fixed(s.ratio)}, β = ${s.beta}`,
      );
    }
    lines.push(
      `  Σq/Q = ${fixed(u.sumQOverQ)} → ${u.majorHazard ? 'major hazard (重大危险源)' : 'not a major hazard'}`,
    );
    lines.push(`  R = α·Σβ·q/Q = ${fixed(u.R)}${u.grade ? ` → ${u.grade}` : ''}`);
    lines.push(`  method: ${u.method}`);
    for (const r of u.reasons) lines.push(`    - ${describeReason(r)}`);
    lines.push('');
  }
  lines.push(
    `Enterprise: method ${c.method}${c.methods.length > 1 ? ` (also ${c.methods.slice(1).join(', ')})` : ''}`,
  );
  if (c.majorHazardGrade)
    lines.push(
      `  highest grade: ${c.majorHazardGrade.grade} (unit ${c.majorHazardGrade.unit}, R = ${fixed(c.majorHazardGrade.R)})`,
    );
  for (const r of c.reasons) lines.push(`  - ${describeReason(r)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `safedist classify <project.json> [--json] [--rules rules.json]`: Σq/Q, R, grade and assessment method
 * per GB 18218 unit, with the reasons (DESIGN.md step 1).
 */
export async function classifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const a = parseClassifyArgs(args);
  if (a.project === undefined)
    throw new UsageError('classify: name a project file (safedist classify <project.json>)');
  const text = await io.readFile(a.project);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${a.project}: not valid JSON (${(e as Error).message})`);
  }
  const library = builtInLibrary();
  const substanceOf = (id: string) => library.substances.find((s) => s.id === id);
  try {
    const ruleSet = a.rules === undefined ? undefined : await loadRuleSetFile(a.rules);
    const project = parseProject(json, {
      fileName: a.project,
      isKnownSubstance: (id) => substanceOf(id) !== undefined,
      ...(ruleSet ? { ruleSet } : {}),
    });
    const rules = ruleSet ?? getRuleSet(project.settings.ruleSet.id, project.settings.ruleSet.version);
    const c = classifyProject(project, rules, substanceOf);
    io.stdout(a.json ? `${JSON.stringify(toJson(c, rules), null, 2)}\n` : toText(c, rules));
    return 0;
  } catch (e) {
    if (e instanceof ProjectError || e instanceof RuleSetError) throw new UsageError(e.message);
    throw e;
  }
}
