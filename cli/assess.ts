import { mkdir, writeFile, rename } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { classifyProject, type Classification } from '../core/classification/index.ts';
import { consequenceInstallations } from '../core/qra/explosives.ts';
import { assessProject, UnsupportedInputError, type AssessmentResult } from '../core/qra/assess.ts';
import { buildReportHtml } from '../core/report/index.ts';
import { ruleSetLabel, type RuleSet } from '../core/rules/types.ts';
import type { Project } from '../core/project/types.ts';
import { inputHash } from '../data/hash.ts';
import { siteToWgs84 } from '../core/geo/site-projection.ts';
import { UsageError, type CliIo } from './io.ts';
import { loadProjectFile } from './project-input.ts';
import { ENGINE_VERSION } from './version.ts';
import { riskGridInWorkers } from './risk-workers.ts';

type Lang = 'zh-CN' | 'en';

interface AssessArgs {
  project?: string;
  json: boolean;
  out?: string;
  lang: Lang;
  rules?: string;
  engine: 'fast' | 'reference';
  /** Worker threads of the fast engine; 0 computes in this thread. */
  workers: number;
}

function parseAssessArgs(args: readonly string[]): AssessArgs {
  const out: AssessArgs = {
    json: false,
    lang: 'zh-CN',
    engine: 'fast',
    workers: Math.min(2, availableParallelism()),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`assess: ${name} needs a value`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--out') out.out = value('--out');
    else if (a === '--rules') out.rules = value('--rules');
    else if (a === '--engine') {
      const e = value('--engine');
      if (e !== 'fast' && e !== 'reference')
        throw new UsageError(`assess: --engine must be fast or reference, got '${e}'`);
      out.engine = e;
    } else if (a === '--workers') {
      const v = value('--workers');
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 64)
        throw new UsageError(`assess: --workers must be a whole number 0–64, got '${v}'`);
      out.workers = n;
    } else if (a === '--lang') {
      const l = value('--lang');
      if (l !== 'zh-CN' && l !== 'en') throw new UsageError(`assess: --lang must be zh-CN or en, got '${l}'`);
      out.lang = l;
    } else if (a.startsWith('-')) throw new UsageError(`assess: unknown option '${a}'`);
    else if (out.project === undefined) out.project = a;
    else throw new UsageError(`assess: unexpected argument '${a}'`);
  }
  return out;
}

/** The `safedist assess --json` object (spec/project-format.md, output version 1). */
export function assessmentJson(
  result: AssessmentResult,
  classification: Classification,
  rules: RuleSet,
  hash: string,
): object {
  return {
    engine: { name: 'safedist', version: ENGINE_VERSION, criteria: rules.id, criteriaVersion: rules.version },
    inputHash: hash,
    classification: {
      method: classification.method,
      methods: classification.methods,
      units: classification.units.map((u) => ({
        id: u.id,
        installations: u.installations,
        sumQOverQ: u.sumQOverQ,
        majorHazard: u.majorHazard,
        R: u.R,
        ...(u.grade ? { grade: u.grade } : {}),
        method: u.method,
      })),
      ...(classification.majorHazardGrade ? { majorHazardGrade: classification.majorHazardGrade } : {}),
    },
    probes: result.probes,
    contours: result.contours,
    externalSafetyDistance: result.externalSafetyDistance,
    targets: result.targets,
    societalRisk: result.societalRisk,
    installations: result.installations,
    verdict: result.verdict,
    ...(result.consequenceMethod ? { consequenceMethod: result.consequenceMethod } : {}),
    codeDistances: result.codeDistances,
    grid: result.grid,
    events: result.events,
  };
}

const TEXT = {
  'zh-CN': {
    title: '外部安全防护距离评估',
    ruleSet: '规则集',
    method: '评估方法',
    verdict: '结论',
    compliant: '符合',
    nonCompliant: '不符合',
    distances: '外部安全防护距离（至最近装置，m）',
    existing: '在役',
    new: '新建',
    targets: '不符合的防护目标',
    none: '无',
    fn: '社会风险',
    pll: '潜在生命损失 PLL',
    installations: '装置',
    reduction: '需降低风险倍数',
    cannot: '仅靠本装置无法达标',
    categories: {
      'high-sensitivity': '高敏感',
      important: '重要',
      'general-1': '一般一类',
      'general-2': '一般二类',
      'general-3': '一般三类',
    },
    regions: { acceptable: '可接受区', alarp: '尽可能降低区', unacceptable: '不可接受区' },
  },
  en: {
    title: 'External safety distance assessment',
    ruleSet: 'Rule set',
    method: 'Method',
    verdict: 'Verdict',
    compliant: 'compliant',
    nonCompliant: 'non-compliant',
    distances: 'External safety distance (to the nearest installation, m)',
    existing: 'existing',
    new: 'new',
    targets: 'Targets that do not comply',
    none: 'none',
    fn: 'Societal risk',
    pll: 'Potential loss of life (PLL)',
    installations: 'Installations',
    reduction: 'risk must fall by a factor of',
    cannot: 'cannot comply by this installation alone',
    categories: {
      'high-sensitivity': 'high-sensitivity',
      important: 'important',
      'general-1': 'general class 1',
      'general-2': 'general class 2',
      'general-3': 'general class 3',
    },
    regions: {
      acceptable: 'acceptable',
      alarp: 'ALARP (reduce as far as practicable)',
      unacceptable: 'unacceptable',
    },
  },
} as const;

const sci = (v: number) => v.toExponential(2);

function summaryText(
  project: Project,
  result: AssessmentResult,
  classification: Classification,
  rules: RuleSet,
  hash: string,
  lang: Lang,
): string {
  const t = TEXT[lang];
  const verdict = (ok: boolean) => (ok ? t.compliant : t.nonCompliant);
  const lines = [
    `${t.title}: ${project.name}`,
    `${t.ruleSet}: ${ruleSetLabel(rules)}   safedist ${ENGINE_VERSION}   ${hash}`,
    `${t.method}: ${classification.method}`,
    `${t.verdict}: ${verdict(result.verdict === 'compliant')}`,
    '',
    `${t.distances}:`,
  ];
  for (const d of result.externalSafetyDistance) {
    lines.push(
      `  ${t[d.installationStatus].padEnd(4)} ${t.categories[d.targetClass].padEnd(16)} ${sci(d.threshold)}/a  ${d.distance.toFixed(0)} m`,
    );
  }
  lines.push('', `${t.targets}:`);
  const failing = result.targets.filter((x) => !x.complies);
  if (failing.length === 0) lines.push(`  ${t.none}`);
  for (const x of failing) {
    const top = x.contributors[0];
    lines.push(
      `  ${x.id} ${x.name} (${t.categories[x.category]}): ${sci(x.individualRisk)}/a > ${sci(x.threshold)}/a, ×${x.ratio.toFixed(2)}` +
        (top ? `  ← ${top.installation}/${top.scenario} ${(top.share * 100).toFixed(0)} %` : ''),
    );
  }
  const sr = result.societalRisk;
  lines.push(
    '',
    `${t.fn}: ${t.regions[sr.verdict]} (F·N / 1e-3 ≤ ${sr.worstRatioToUnacceptable.toPrecision(3)})   ${t.pll}: ${sci(sr.pll)}/a`,
    '',
    `${t.installations}:`,
  );
  for (const i of result.installations) {
    const extra =
      i.verdict === 'compliant'
        ? ''
        : i.requiredRiskReduction === null
          ? `  (${t.cannot})`
          : `  (${t.reduction} ${i.requiredRiskReduction.toPrecision(3)})`;
    lines.push(`  ${i.id} [${t[i.status]}]: ${verdict(i.verdict === 'compliant')}${extra}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Contours as GeoJSON (RFC 7946, WGS 84) when the site has a geographic anchor; else in site metres. */
function contoursGeoJson(project: Project, result: AssessmentResult): object {
  const origin = project.site.origin;
  const project2d = origin
    ? siteToWgs84({ origin: { lon: origin.lon, lat: origin.lat }, rotationDeg: project.site.rotation })
    : (x: number, y: number): [number, number] => [x, y];
  return {
    type: 'FeatureCollection',
    ...(origin ? {} : { properties: { coordinateSystem: 'site-local-metres (no site.origin given)' } }),
    features: result.contours
      .filter((c) => c.multiPolygon.length > 0)
      .map((c) => ({
        type: 'Feature',
        properties: { level: c.level, maxDistance: c.maxDistance },
        geometry: {
          type: 'MultiPolygon',
          coordinates: c.multiPolygon.map((poly) =>
            poly.map((ring) => ring.map(([x, y]) => project2d(x!, y!))),
          ),
        },
      })),
  };
}

/** A one-line progress bar on standard error when it is a terminal; nothing otherwise. */
function progressBar(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTerminal) return undefined;
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round(percent / 5);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}% (${done}/${total})`);
    if (done === total) io.stderr('\n');
  };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

/**
 * `safedist assess <project.json> [--json] [--out DIR] [--lang zh-CN|en] [--rules file] [--engine fast|reference] [--workers N]`:
 * classification,
 * individual and societal risk, contours, external safety distances and verdicts (spec/project-format.md);
 * `--out` also writes `report.html` in the `--lang` language (docs/report.md).
 */
export async function assessCommand(args: readonly string[], io: CliIo): Promise<number> {
  const a = parseAssessArgs(args);
  if (a.project === undefined)
    throw new UsageError('assess: name a project file (safedist assess <project.json>)');
  const { json, project, rules, substanceOf, results } = await loadProjectFile(a.project, io, a.rules);
  const hash = inputHash(json);
  let classification: Classification;
  let result: AssessmentResult;
  // A project file (.sdp) keeps results by input hash, engine version and rule set.
  const cached = results?.get(hash, rules);
  if (cached) ({ classification, result } = cached);
  else {
    try {
      classification = classifyProject(project, rules, substanceOf);
      const onProgress = progressBar(io);
      const riskGrid =
        a.engine === 'fast' && a.workers > 0
          ? await riskGridInWorkers(project, rules, substanceOf, {
              workers: a.workers,
              ...(onProgress ? { onProgress } : {}),
            })
          : undefined;
      result = assessProject(project, rules, substanceOf, {
        ...(onProgress ? { onProgress } : {}),
        engine: a.engine,
        ...(riskGrid ? { riskGrid } : {}),
        consequenceInstallations: consequenceInstallations(project, classification),
      });
    } catch (e) {
      if (e instanceof UnsupportedInputError || e instanceof RangeError)
        throw new UsageError(`${a.project}: ${e.message}`);
      throw e;
    }
    results?.put(hash, rules, { classification, result });
  }
  const output = assessmentJson(result, classification, rules, hash);
  if (a.out !== undefined) {
    await mkdir(a.out, { recursive: true });
    await writeAtomically(join(a.out, 'result.json'), `${JSON.stringify(output, null, 2)}\n`);
    await writeAtomically(
      join(a.out, 'contours.geojson'),
      `${JSON.stringify(contoursGeoJson(project, result))}\n`,
    );
    const issued = new Date().toISOString().slice(0, 10);
    const report = { lang: a.lang, project, result, classification, rules, inputHash: hash, issued };
    await writeAtomically(
      join(a.out, 'report.html'),
      buildReportHtml({ ...report, engineVersion: ENGINE_VERSION }),
    );
  }
  io.stdout(
    a.json
      ? `${JSON.stringify(output, null, 2)}\n`
      : summaryText(project, result, classification, rules, hash, a.lang),
  );
  return 0;
}
