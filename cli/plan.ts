import { mkdir, writeFile, rename } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { classifyProject } from '../core/classification/index.ts';
import { consequenceInstallations } from '../core/qra/explosives.ts';
import { assessProject, createJudgeCache, UnsupportedInputError } from '../core/qra/assess.ts';
import { buildReportHtml, type ReportPlanVariant } from '../core/report/index.ts';
import {
  assessAtCandidateSite,
  changedFields,
  judgeVariant,
  planProject,
  variantProject,
  type CandidateSiteResult,
  type Change,
  type PlanLang,
  type PlanOptions,
  type ProjectPlan,
} from '../core/plan/index.ts';
import { ruleSetLabel } from '../core/rules/types.ts';
import { inputHash } from '../data/hash.ts';
import { UsageError, type CliIo } from './io.ts';
import { loadProjectFile } from './project-input.ts';
import { riskGridInWorkers } from './risk-workers.ts';
import { ENGINE_VERSION } from './version.ts';

interface PlanArgs {
  project?: string;
  json: boolean;
  out?: string;
  lang: PlanLang;
  rules?: string;
  candidateSite?: string;
}

function parsePlanArgs(args: readonly string[]): PlanArgs {
  const out: PlanArgs = { json: false, lang: 'zh-CN' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`plan: ${name} needs a value`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--out') out.out = value('--out');
    else if (a === '--rules') out.rules = value('--rules');
    else if (a === '--candidate-site') out.candidateSite = value('--candidate-site');
    else if (a === '--lang') {
      const l = value('--lang');
      if (l !== 'zh-CN' && l !== 'en') throw new UsageError(`plan: --lang must be zh-CN or en, got '${l}'`);
      out.lang = l;
    } else if (a.startsWith('-')) throw new UsageError(`plan: unknown option '${a}'`);
    else if (out.project === undefined) out.project = a;
    else throw new UsageError(`plan: unexpected argument '${a}'`);
  }
  return out;
}

type Json = Record<string, unknown>;

/**
 * The same changes as `applyChanges` (core/plan), made to the project JSON as the user wrote it, so that a
 * variant keeps every other field (unit strings included) untouched. Quantities written are SI numbers.
 */
export function applyChangesToJson(json: Json, index: number, changes: readonly Change[]): Json {
  const copy = structuredClone(json);
  const list = copy.installations as Json[];
  if (changes.some((c) => c.kind === 'remove')) {
    list.splice(index, 1);
    return copy;
  }
  for (const { path, value } of changes.flatMap(changedFields)) {
    let node = list[index] as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return copy;
}

/** Outline moves with the position: the parsed outline, shifted, replaces the JSON's. */
function withOutlines(json: Json, variant: ReturnType<typeof variantProject>): Json {
  const list = json.installations as Json[];
  list.forEach((inst) => {
    const v = variant.installations.find((x) => x.id === inst.id);
    if (v?.outline) inst.outline = v.outline.map((p) => [p[0], p[1]]);
  });
  return json;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

interface VariantOut extends ReportPlanVariant {
  /** The measure in English. */
  measure: string;
  file?: string;
  /** The variant's enterprise verdict, judged by the engine (targets at their points, F-N). */
  verdict: 'compliant' | 'non-compliant' | 'not-modelled';
  /** Why no file was written for a compliant variant. */
  note?: string;
}

const TEXT = {
  'zh-CN': {
    title: '整改或搬迁方案',
    verdict: '现状结论',
    compliant: '符合',
    nonCompliant: '不符合',
    none: '所有装置均符合，无需整改',
    rectify: '就地整改',
    relocate: '搬迁',
    measures: '可使其达标的措施（按改动从小到大）',
    noMeasure: '厂内无措施可使其达标',
    noOwnMeasure: '无需本装置采取措施：其他装置采取推荐措施后即符合',
    notApplicable: '未考虑的措施',
    distance: '与不达标防护目标所需距离',
    now: '现距',
    need: '需',
    beyond: '50 km 内无法达标',
    compliesAlone: '本装置单独已达标，与其他装置的风险叠加后才超标',
    alone: '（按该装置单独在厂内判定）',
    context: '（在其他装置采取推荐措施后判定）',
    combined: '全部推荐措施合并后的结论',
    variants: '方案项目文件',
    margin: '裕度',
    candidate: '候选厂址',
    at: '位置',
    noFit: '候选厂区内无达标位置',
  },
  en: {
    title: 'Rectification or relocation plan',
    verdict: 'Verdict now',
    compliant: 'compliant',
    nonCompliant: 'non-compliant',
    none: 'every installation complies; nothing to plan',
    rectify: 'rectify on site',
    relocate: 'relocate',
    measures: 'measures that make it comply (smallest change first)',
    noMeasure: 'no measure on site makes it comply',
    noOwnMeasure:
      "no measure of its own is needed: it complies once the other installations' recommended measures are taken",
    notApplicable: 'measures not considered',
    distance: 'distance needed from each failing target',
    now: 'now',
    need: 'needs',
    beyond: 'does not comply within 50 km',
    compliesAlone: "meets it alone; fails only with the other installations' risk added",
    alone: '(judged with the installation alone on the site)',
    context: "(judged with the other installations' recommended measures)",
    combined: 'verdict with every recommended measure',
    variants: 'variant projects',
    margin: 'margin',
    candidate: 'Candidate site',
    at: 'at',
    noFit: "no position inside the candidate's fence complies",
  },
} as const;

function planText(
  name: string,
  plan: ProjectPlan,
  variants: VariantOut[],
  candidate: CandidateSiteResult[] | undefined,
  lang: PlanLang,
): string {
  const t = TEXT[lang];
  const lines = [
    `${t.title}: ${name}`,
    `${t.verdict}: ${plan.verdict === 'compliant' ? t.compliant : t.nonCompliant}`,
  ];
  if (plan.installations.length === 0) lines.push(t.none);
  for (const p of plan.installations) {
    if (!p.ownMeasureNeeded) {
      lines.push('', `${p.id} ${p.name}: ${t.noOwnMeasure}`);
      continue;
    }
    lines.push(
      '',
      `${p.id} ${p.name}: ${p.recommendation === 'rectify' ? t.rectify : t.relocate} ${p.judgedWith === 'alone' ? t.alone : t.context}`,
    );
    if (p.measures.length === 0) lines.push(`  ${t.noMeasure}`);
    else lines.push(`  ${t.measures}:`);
    p.measures.forEach((m, k) => {
      const margin = Number.isFinite(m.check.margin) ? m.check.margin.toPrecision(3) : '∞';
      lines.push(`  ${k + 1}. ${m.text[lang]}   (${t.margin} ×${margin})`);
    });
    if (p.relocation.length) {
      lines.push(`  ${t.distance}:`);
      for (const r of p.relocation)
        lines.push(
          `    ${r.target}: ${t.now} ${r.currentDistance.toFixed(0)} m, ${r.compliesAlone ? t.compliesAlone : r.requiredDistance === null ? t.beyond : `${t.need} ${r.requiredDistance.toFixed(0)} m`}`,
        );
    }
    if (p.notApplicable.length) {
      lines.push(`  ${t.notApplicable}:`);
      for (const n of p.notApplicable) lines.push(`    ${n.measure}: ${n.reason[lang]}`);
    }
  }
  if (plan.installations.length) {
    lines.push('', `${t.combined}: ${plan.combined.verdict === 'compliant' ? t.compliant : t.nonCompliant}`);
  }
  if (variants.length) {
    lines.push('', `${t.variants}:`);
    for (const v of variants)
      lines.push(
        `  ${v.file ?? '—'}  ${v.installation} ${v.measure}: ${v.verdict === 'compliant' ? t.compliant : t.nonCompliant}`,
      );
  }
  for (const c of candidate ?? []) {
    lines.push(
      '',
      `${t.candidate}: ${c.installation} ${t.at} (${c.position[0].toFixed(0)}, ${c.position[1].toFixed(0)}) — ${c.complies ? t.compliant : t.nonCompliant}`,
    );
    for (const x of c.targets)
      lines.push(
        `  ${x.id}: ${x.individualRisk.toExponential(2)}/a ${x.complies ? '≤' : '>'} ${x.threshold.toExponential(2)}/a`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `safedist plan <project> [--json] [--out DIR] [--lang zh-CN|en] [--rules file] [--candidate-site other.json]`
 * (docs/plan.md): for each non-compliant installation the measures that make it comply, the recommendation
 * rectify/relocate and the distances needed; `--out` writes one variant project per recommended measure,
 * each judged compliant by the engine before it is written (variants that are not are listed, not written),
 * `plan.json` (the `--json` output) and `report.html` (the assessment report with the plan's section).
 */
export async function planCommand(args: readonly string[], io: CliIo): Promise<number> {
  const a = parsePlanArgs(args);
  if (a.project === undefined)
    throw new UsageError('plan: name a project file (safedist plan <project.json>)');
  const { json, project, rules, substanceOf, results } = await loadProjectFile(a.project, io, a.rules);
  const classification = classifyProject(project, rules, substanceOf);
  const options: PlanOptions = {
    rules,
    substanceOf,
    consequenceInstallations: consequenceInstallations(project, classification),
    // One cache for the search, the variants judged before writing and the candidate site.
    cache: createJudgeCache(),
  };
  let plan: ProjectPlan;
  try {
    plan = planProject(project, options);
  } catch (e) {
    if (e instanceof UnsupportedInputError || e instanceof RangeError)
      throw new UsageError(`${a.project}: ${e.message}`);
    throw e;
  }
  const variants: VariantOut[] = [];
  if (a.out !== undefined) await mkdir(a.out, { recursive: true });
  for (const p of plan.installations) {
    for (const [k, m] of p.measures.entries()) {
      const variant = variantProject(project, plan, p.id, m);
      const j = judgeVariant(variant, options);
      const verdict = j ? j.verdict : 'not-modelled';
      const out: VariantOut = { installation: p.id, rank: k + 1, measure: m.text.en, verdict };
      // The format needs an installation: removing the only one leaves no project to write.
      if (variant.installations.length === 0) out.note = 'no installation left: nothing to assess';
      else if (a.out !== undefined && verdict === 'compliant') {
        let edited = json as Json;
        for (const [id, changes] of Object.entries({ ...plan.combined.changes, [p.id]: m.changes })) {
          const index = (edited.installations as Json[]).findIndex((x) => x.id === id);
          if (index >= 0) edited = applyChangesToJson(edited, index, changes);
        }
        edited = withOutlines(edited, variant);
        edited.name = `${String(edited.name)} — plan: ${p.id} ${m.text[a.lang]}`;
        const file = `${safeName(p.id)}-${k + 1}-${safeName(m.id)}.json`;
        await writeAtomically(join(a.out, file), `${JSON.stringify(edited, null, 2)}\n`);
        out.file = file;
      }
      variants.push(out);
    }
  }
  let candidate: CandidateSiteResult[] | undefined;
  if (a.candidateSite !== undefined) {
    const other = await loadProjectFile(a.candidateSite, io, a.rules);
    const ids = plan.installations.length
      ? plan.installations.map((p) => p.id)
      : project.installations.map((i) => i.id);
    candidate = [];
    for (const id of ids) {
      try {
        const r = assessAtCandidateSite(project, id, other.project, options);
        if (r) candidate.push(r);
        else io.stderr(`safedist plan: ${id}: ${TEXT[a.lang].noFit}\n`);
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`${a.candidateSite}: ${e.message}`);
        throw e;
      }
    }
  }
  const hash = inputHash(json);
  const output = {
    engine: { name: 'safedist', version: ENGINE_VERSION, criteria: ruleSetLabel(rules) },
    inputHash: hash,
    ...plan,
    variants,
    ...(candidate ? { candidateSite: candidate } : {}),
  };
  const outputJson = `${JSON.stringify(output, (_, v: unknown) => (v === Infinity ? 'Infinity' : v), 2)}\n`;
  if (a.out !== undefined) {
    await writeAtomically(join(a.out, 'plan.json'), outputJson);
    // The assessment report of the project as it is, with the plan's section (docs/report.md).
    const result =
      results?.get(hash, rules)?.result ??
      assessProject(project, rules, substanceOf, {
        riskGrid: await riskGridInWorkers(project, rules, substanceOf, {
          workers: Math.min(2, availableParallelism()),
        }),
        consequenceInstallations: options.consequenceInstallations ?? [],
      });
    const report = buildReportHtml({
      lang: a.lang,
      project,
      result,
      classification,
      rules,
      inputHash: hash,
      engineVersion: ENGINE_VERSION,
      issued: new Date().toISOString().slice(0, 10),
      plan: { plan, variants },
    });
    await writeAtomically(join(a.out, 'report.html'), report);
  }
  io.stdout(a.json ? outputJson : planText(project.name, plan, variants, candidate, a.lang));
  return 0;
}
