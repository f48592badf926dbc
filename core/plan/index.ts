/**
 * Rectification or relocation (docs/plan.md): for every non-compliant installation, the measures that make
 * it comply — each modelled by editing the project and judging the variant with the engine
 * (`judgeProject`), never by a factor — ranked by how little they change, a recommendation `rectify` /
 * `relocate`, and the distance it would need from each failing target. Pure and deterministic.
 */
import {
  createJudgeCache,
  judgeProject,
  judgeProjectTargets,
  UnsupportedInputError,
  type JudgeCache,
  type ProjectJudgement,
  type SubstanceLookup,
} from '../qra/assess.ts';
import { separationDistance } from '../qra/code-distances.ts';
import { polygonCentroid, pointInPolygon, type Polygon } from '../risk/geometry.ts';
import type { Installation, Point, Project, ProtectionTarget } from '../project/types.ts';
import type { RuleSet, SystemGrade } from '../rules/types.ts';
import { si } from '../units/index.ts';
import { applyChanges, equipmentLabel, type Change } from './changes.ts';
import { describeChange, type PlanLang } from './describe.ts';
import { floorSignificant, largestCompliant, smallestCompliant } from './search.ts';

export { applyChanges, changedFields, equipmentLabel, type ChangedField, type Change } from './changes.ts';
export { compassDirection, describeChange, type PlanLang } from './describe.ts';
export { floorSignificant, largestCompliant, smallestCompliant } from './search.ts';

export interface PlanOptions {
  rules: RuleSet;
  substanceOf: SubstanceLookup;
  /** Installations judged by the consequence method (as for `assessProject`). */
  consequenceInstallations?: readonly string[];
  /** Bisection halvings of a parametric measure (inventory, pressure …); default 8. */
  bisectionSteps?: number;
  /** Grid points across the fence's longer side for the move search; default 12. */
  moveGrid?: number;
  /** Measures kept per installation, best first; default 5. */
  keep?: number;
  /**
   * Events and risks kept between the variants judged (`createJudgeCache()` from core/qra/assess.ts); pass
   * the same cache to several calls (planProject, judgeVariant, assessAtCandidateSite) on one project to
   * share it. A fresh one per call when absent. Results do not depend on it.
   */
  cache?: JudgeCache;
}

/** Disruption tier of a change, the second ranking key (docs/plan.md "Ranking"). */
const TIER: Record<Change['kind'], number> = {
  'detection-isolation': 1,
  inventory: 2,
  pressure: 2,
  temperature: 2,
  'pipe-length': 3,
  'canned-pump': 3,
  bund: 3,
  containment: 4,
  move: 5,
  remove: 9,
};

/** How the engine judged a variant for one installation. */
export interface VariantCheck {
  complies: boolean;
  /**
   * 1 / the largest ratio of the variant: risk / threshold at the targets, F·N / the unacceptable line,
   * required / actual code distance; > 1 with room to spare.
   */
  margin: number;
}

export interface Measure {
  id: string;
  changes: Change[];
  text: Record<PlanLang, string>;
  /** The variant judged with the installation alone on the site (the first search) or in context. */
  check: VariantCheck;
  /** Ranking keys: number of changes, sum of disruption tiers, sum of relative sizes. */
  rank: [number, number, number];
}

export interface NotApplicable {
  measure: string;
  reason: Record<PlanLang, string>;
}

export interface RelocationDistance {
  target: string;
  /** Separation now, m (outline or position to the target's polygon or position). */
  currentDistance: number;
  /** Separation at which the installation alone meets the target's threshold, m; null beyond 50 km. */
  requiredDistance: number | null;
  /**
   * True when the installation alone already meets the target's threshold where it stands: the target fails
   * only with the other installations' risk added, so moving this one away is not what it needs (the
   * required distance is then the current one).
   */
  compliesAlone: boolean;
}

export interface InstallationPlan {
  id: string;
  name: string;
  violations: ProjectJudgement['installations'][number]['violations'];
  recommendation: 'rectify' | 'relocate';
  measures: Measure[];
  notApplicable: NotApplicable[];
  relocation: RelocationDistance[];
  /** How the measures were judged: the installation alone on the site, or with the others' measures. */
  judgedWith: 'alone' | 'context';
  /**
   * False when the installation complies alone and complies once the other installations' first measures
   * are taken (`combined`): it needs no measure of its own, and `measures` is empty.
   */
  ownMeasureNeeded: boolean;
}

export interface ProjectPlan {
  verdict: ProjectJudgement['verdict'];
  installations: InstallationPlan[];
  /** The project with each installation's first measure (remove for those to relocate), and its verdict. */
  combined: { changes: Record<string, Change[]>; verdict: ProjectJudgement['verdict'] };
}

interface Ctx extends Required<Omit<PlanOptions, 'consequenceInstallations'>> {
  consequenceInstallations: readonly string[];
}

function judge(project: Project, ctx: Ctx): ProjectJudgement | null {
  return modelled(() =>
    judgeProject(project, ctx.rules, ctx.substanceOf, {
      consequenceInstallations: ctx.consequenceInstallations,
      cache: ctx.cache,
    }),
  );
}

/** The result of `run`, or null when the engine cannot model the variant. */
function modelled<T>(run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    // A variant the engine cannot model (e.g. a gas at ambient pressure: no outflow) is no solution.
    if (e instanceof UnsupportedInputError || e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * Installation `id`'s check in a variant when it complies there and its margin can exceed `floor`, else
 * null. The targets are judged first (`judgeProjectTargets`): a variant in which the installation fails a
 * target, or whose target ratios already cap its margin at `floor`, is rejected before its F-N curve is
 * computed; otherwise the whole judgement decides, as `checkInstallation` on `judgeProject`.
 */
function evaluateVariant(p: Project, id: string, ctx: Ctx, floor = 0): VariantCheck | null {
  const present = p.installations.some((i) => i.id === id);
  if (present) {
    const part = modelled(() => judgeProjectTargets(p, ctx.rules, ctx.substanceOf, { cache: ctx.cache }));
    if (!part) return null;
    if (part.installations.some((i) => i.id === id && i.failingTargets.length > 0)) return null;
    const worstTarget = Math.max(0, ...part.targets.map((t) => t.ratio));
    if (worstTarget > 0 && 1 / worstTarget <= floor) return null;
  }
  const j = judge(p, ctx);
  if (!j) return null;
  const check = checkInstallation(j, id, p);
  return check.complies && check.margin > floor ? check : null;
}

/** Whether installation `id` complies in a judgement, and by how much. */
export function checkInstallation(j: ProjectJudgement, id: string, project: Project): VariantCheck {
  const inst = j.installations.find((i) => i.id === id);
  const ratios = [
    ...j.targets.map((t) => t.ratio),
    j.societalRisk.worstRatioToUnacceptable,
    ...j.codeDistances
      .filter((c) => c.installation === id)
      .map((c) => (c.actual > 0 ? c.required / c.actual : Infinity)),
  ];
  const worst = Math.max(0, ...ratios);
  const present = project.installations.some((i) => i.id === id);
  return { complies: !present || inst?.verdict === 'compliant', margin: worst > 0 ? 1 / worst : Infinity };
}

const GRADE_ORDER: readonly SystemGrade[] = ['A', 'B', 'C'];
const better = (a: SystemGrade | undefined, b: SystemGrade): SystemGrade =>
  a !== undefined && GRADE_ORDER.indexOf(a) < GRADE_ORDER.indexOf(b) ? a : b;

/** GB 50351 dike wall height range, m (1.0–2.2 m, as recalled; docs/plan.md marks it to verify). */
const BUND_HEIGHT = { min: 1.0, max: 2.2 } as const;

/**
 * Installation `id`'s check in a project variant when it complies there with a margin above `floor`
 * (default 0), else null.
 */
type Evaluate = (p: Project, floor?: number) => VariantCheck | null;

type Candidate =
  | { id: string; fixed: Change[] }
  | {
      id: string;
      lo: number;
      hi: number;
      at: (v: number) => Change[];
      nice: (v: number) => number;
    };

function na(measure: string, en: string, zh: string): NotApplicable {
  return { measure, reason: { en, 'zh-CN': zh } };
}

/** The measures that apply to an installation, and why the others do not. */
function candidates(project: Project, inst: Installation): { list: Candidate[]; skipped: NotApplicable[] } {
  const list: Candidate[] = [];
  const skipped: NotApplicable[] = [];
  const ambient = project.weather.ambient;
  const modelled = inst.equipment.length > 0;
  if (!modelled) {
    skipped.push(
      na(
        'inventory, pressure, temperature, equipment',
        'the installation has only user-defined scenarios, whose effects do not depend on its inventory, pressure, temperature or equipment',
        '该装置仅有用户自定义情景，其影响不随存量、压力、温度或设备变化',
      ),
    );
  } else {
    list.push({
      id: 'inventory',
      lo: inst.inventory * 0.01,
      hi: inst.inventory,
      at: (v) => [{ kind: 'inventory', from: inst.inventory, to: si.kilograms(v) }],
      nice: (v) => floorSignificant(v, 2),
    });
    if (inst.phase === 'gas' || inst.phase === 'liquid') {
      // A gas at ambient pressure has no outflow; keep 10 % over ambient as the lowest pressure tried.
      const lo = ambient.pressure * (inst.phase === 'gas' ? 1.1 : 1);
      if (inst.pressure > lo * 1.01)
        list.push({
          id: 'pressure',
          lo,
          hi: inst.pressure,
          at: (v) => [{ kind: 'pressure', from: inst.pressure, to: si.pascals(v) }],
          nice: (v) => Math.max(lo, floorSignificant(v, 2)),
        });
      if (inst.temperature > ambient.temperature + 1)
        list.push({
          id: 'temperature',
          lo: ambient.temperature,
          hi: inst.temperature,
          at: (v) => [{ kind: 'temperature', from: inst.temperature, to: si.kelvin(v) }],
          nice: (v) => Math.max(ambient.temperature, Math.floor(v - 273.15) + 273.15),
        });
    } else if (inst.phase === 'liquefied-gas' || inst.phase === 'refrigerated') {
      skipped.push(
        na(
          'pressure',
          'the pressure of a liquefied gas is its vapour pressure at the storage temperature; it is not lowered on its own',
          '液化气体的压力即其储存温度下的饱和蒸气压，不能单独降低',
        ),
      );
    }
    if (project.settings.locCatalogue === 'hole-size') {
      const best = { detection: 'A' as const, isolation: 'A' as const };
      const detector = { detection: better(inst.detection, 'B'), isolation: 'A' as const };
      const from = {
        ...(inst.detection ? { detection: inst.detection } : {}),
        ...(inst.isolation ? { isolation: inst.isolation } : {}),
      };
      const same = (t: { detection: SystemGrade; isolation: SystemGrade }) =>
        inst.detection === t.detection && inst.isolation === t.isolation;
      if (!same(detector) && !(detector.detection === 'A'))
        list.push({
          id: 'gas-detector-shutoff',
          fixed: [{ kind: 'detection-isolation', purpose: 'gas-detector-shutoff', from, to: detector }],
        });
      if (!same(best))
        list.push({
          id: 'detection-isolation',
          fixed: [{ kind: 'detection-isolation', purpose: 'best-grades', from, to: best }],
        });
    } else {
      skipped.push(
        na(
          'detection-isolation, gas-detector-shutoff',
          'with the Purple Book catalogue the engine does not read the detection and isolation grades (release durations are capped at 30 min); use the hole-size catalogue (settings.locCatalogue) to model them',
          '紫皮书泄漏目录下引擎不使用探测/隔离等级（持续释放时间上限 30 min）；如需建模，请改用孔径目录（settings.locCatalogue = hole-size）',
        ),
      );
    }
    inst.equipment.forEach((eq, e) => {
      const label = equipmentLabel(inst, e);
      if (eq.type === 'atmospheric-tank') {
        const hasOverrides = Object.keys(eq.frequencies).length > 0 || eq.disabled.length > 0;
        if (eq.containment === 'single' || eq.containment === 'protective-shell') {
          if (hasOverrides)
            skipped.push(
              na(
                `containment ${label}`,
                'the item overrides or disables LOCs of its present containment, which another containment does not have',
                '该设备覆盖或停用了现有罐型的泄漏场景，换罐型后这些场景不存在',
              ),
            );
          else
            for (const to of ['double', 'full'] as const)
              list.push({
                id: `containment-${to} ${label}`,
                fixed: [{ kind: 'containment', equipment: e, label, from: eq.containment, to }],
              });
        }
        if (inst.phase !== 'gas') {
          const footprint = (Math.PI / 4) * ((4 * eq.volume) / Math.PI) ** (2 / 3);
          const lo = footprint + eq.volume / BUND_HEIGHT.max;
          const hi = eq.bund ? eq.bund.area : footprint + eq.volume / BUND_HEIGHT.min;
          const from = eq.bund ? { area: eq.bund.area, height: eq.bund.height } : undefined;
          if (hi > lo * 1.01)
            list.push({
              id: `bund ${label}`,
              lo,
              hi: eq.bund ? hi : hi,
              at: (area) => {
                const height = Math.min(
                  BUND_HEIGHT.max,
                  Math.max(BUND_HEIGHT.min, eq.volume / (area - footprint), eq.bund?.height ?? 0),
                );
                return [
                  { kind: 'bund', equipment: e, label, ...(from ? { from } : {}), to: { area, height } },
                ];
              },
              nice: (v) => Math.max(lo, floorSignificant(v, 2)),
            });
        }
      } else if (eq.type === 'pump' && !eq.canned) {
        list.push({ id: `canned-pump ${label}`, fixed: [{ kind: 'canned-pump', equipment: e, label }] });
      } else if (eq.type === 'pipe') {
        list.push({
          id: `pipe-length ${label}`,
          lo: eq.length * 0.1,
          hi: eq.length,
          at: (v) => [{ kind: 'pipe-length', equipment: e, label, from: eq.length, to: si.metres(v) }],
          nice: (v) => Math.max(eq.length * 0.1, floorSignificant(v, 2)),
        });
      }
    });
  }
  return { list, skipped };
}

function relativeSize(c: Change, project: Project, fenceSize: number): number {
  const ambient = project.weather.ambient;
  switch (c.kind) {
    case 'inventory':
    case 'pipe-length':
      return 1 - c.to / c.from;
    case 'pressure':
      return (c.from - c.to) / (c.from - ambient.pressure);
    case 'temperature':
      return (c.from - c.to) / (c.from - ambient.temperature);
    case 'bund':
      return c.from ? 1 - c.to.area / c.from.area : 0.5;
    case 'move':
      return Math.hypot(c.dx, c.dy) / fenceSize;
    case 'detection-isolation':
    case 'canned-pump':
      return 0;
    case 'containment':
      return c.to === 'full' ? 1 : 0.5;
    case 'remove':
      return 1;
  }
}

function fenceExtent(project: Project): number {
  const b = project.site.boundary;
  if (!b) return 1;
  const xs = b.map((p) => p[0]);
  const ys = b.map((p) => p[1]);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

function makeMeasure(id: string, changes: Change[], check: VariantCheck, project: Project): Measure {
  const rotation = project.site.rotation;
  const text = (lang: PlanLang) =>
    changes.map((c) => describeChange(c, lang, rotation)).join(lang === 'en' ? '; ' : '；');
  const size = changes.reduce((s, c) => s + relativeSize(c, project, fenceExtent(project)), 0);
  return {
    id,
    changes,
    text: { en: text('en'), 'zh-CN': text('zh-CN') },
    check,
    rank: [changes.length, changes.reduce((s, c) => s + TIER[c.kind], 0), size],
  };
}

function compareRank(a: Measure, b: Measure): number {
  for (let k = 0; k < 3; k++) {
    const d = a.rank[k]! - b.rank[k]!;
    if (d !== 0) return d;
  }
  return b.check.margin - a.check.margin;
}

/** True when the moved installation lies inside the fence and overlaps no other installation. */
function placeable(project: Project, index: number, dx: number, dy: number): boolean {
  const inst = project.installations[index]!;
  const fence = project.site.boundary as Polygon | undefined;
  if (!fence) return false;
  const shape: Point[] = (inst.outline ?? [inst.position]).map((p) => [
    si.metres(p[0] + dx),
    si.metres(p[1] + dy),
  ]);
  const centre: Point = [si.metres(inst.position[0] + dx), si.metres(inst.position[1] + dy)];
  if (![...shape, centre].every((p) => pointInPolygon(p[0], p[1], fence))) return false;
  return project.installations.every((other, k) => {
    if (k === index) return true;
    const otherShape = (other.outline ?? [other.position]) as Polygon;
    if (otherShape.length >= 3 && shape.some((p) => pointInPolygon(p[0], p[1], otherShape))) return false;
    if (shape.length >= 3 && otherShape.some((p) => pointInPolygon(p[0], p[1], shape))) return false;
    return !(
      shape.length < 3 &&
      otherShape.length < 3 &&
      Math.hypot(centre[0] - other.position[0], centre[1] - other.position[1]) < 1
    );
  });
}

/**
 * The best position inside the fence: the installation is moved over a grid of `moveGrid` points across
 * the fence's longer side (then a finer 3 × 3 grid around the best), every placement inside the fence and
 * clear of the other installations is judged, and the compliant one with the largest margin is returned.
 */
function searchMove(
  base: Project,
  index: number,
  ctx: Ctx,
  evaluate: Evaluate,
): { changes: Change[]; check: VariantCheck } | null {
  const fence = base.site.boundary;
  if (!fence) return null;
  const inst = base.installations[index]!;
  const xs = fence.map((p) => p[0]);
  const ys = fence.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(x1 - x0, y1 - y0) / ctx.moveGrid;
  let best: { dx: number; dy: number; check: VariantCheck } | null = null;
  const tryAt = (x: number, y: number) => {
    const dx = x - inst.position[0];
    const dy = y - inst.position[1];
    if (Math.hypot(dx, dy) < 1e-9 || !placeable(base, index, dx, dy)) return;
    const move: Change = { kind: 'move', dx, dy, to: [si.metres(x), si.metres(y)] };
    // Only a placement with a larger margin than the best so far can replace it.
    const check = evaluate(applyChanges(base, index, [move]), best?.check.margin ?? 0);
    if (check?.complies && (!best || check.margin > best.check.margin)) best = { dx, dy, check };
  };
  for (let x = x0 + step / 2; x < x1; x += step) for (let y = y0 + step / 2; y < y1; y += step) tryAt(x, y);
  const coarse = best as { dx: number; dy: number } | null;
  if (coarse) {
    const cx = inst.position[0] + coarse.dx;
    const cy = inst.position[1] + coarse.dy;
    for (const i of [-1, 0, 1])
      for (const j of [-1, 0, 1]) if (i !== 0 || j !== 0) tryAt(cx + (i * step) / 3, cy + (j * step) / 3);
  }
  const found = best as { dx: number; dy: number; check: VariantCheck } | null;
  if (!found) return null;
  const to: Point = [si.metres(inst.position[0] + found.dx), si.metres(inst.position[1] + found.dy)];
  return { changes: [{ kind: 'move', dx: found.dx, dy: found.dy, to }], check: found.check };
}

/** Runs one candidate on `base` (with `prefix` changes first); the compliant changes found, or null. */
function runCandidate(
  c: Candidate,
  base: Project,
  index: number,
  prefix: Change[],
  ctx: Ctx,
  evaluate: Evaluate,
): { changes: Change[]; check: VariantCheck } | null {
  if ('fixed' in c) {
    const changes = [...prefix, ...c.fixed];
    const check = evaluate(applyChanges(base, index, changes));
    return check?.complies ? { changes, check } : null;
  }
  const found = largestCompliant(
    c.lo,
    c.hi,
    (v) => {
      const check = evaluate(applyChanges(base, index, [...prefix, ...c.at(v)]));
      return check?.complies ? check : null;
    },
    { steps: ctx.bisectionSteps, nice: c.nice },
  );
  if (!found || found.value >= c.hi) return null;
  return { changes: [...prefix, ...c.at(found.value)], check: found.result };
}

/**
 * The measures that make installation `index` comply in `base` (judged by `evaluate`): every applicable
 * measure alone, a move inside the fence and removal, then pairs (a fixed measure that fails alone with
 * each other measure that fails alone, the parametric one searched again on top of it); ranked. A search
 * that cannot change the first `ctx.keep` of the ranking is skipped: the single measures are tried from
 * the least disruptive tier up, and once `keep` measures of a lower tier comply, the measures of the tiers
 * above (the move, removal) cannot rank among the first `keep`; pairs (two changes) rank after every
 * single measure, so they are searched only when fewer than `keep` single measures comply.
 */
function measuresFor(
  base: Project,
  index: number,
  ctx: Ctx,
  evaluate: Evaluate,
): { measures: Measure[]; skipped: NotApplicable[] } {
  const inst = base.installations[index]!;
  const { list, skipped } = candidates(base, inst);
  const measures: Measure[] = [];
  const failedAlone: Candidate[] = [];
  // Stable: candidates of one tier keep their order, so equal ranks keep the order they had.
  const byTier = [...list].sort((a, b) => candidateTier(a) - candidateTier(b));
  const ranksAbove = (tier: number) => measures.filter((m) => m.rank[1] < tier).length >= ctx.keep;
  for (const c of byTier) {
    if (ranksAbove(candidateTier(c))) continue;
    const r = runCandidate(c, base, index, [], ctx, evaluate);
    if (r) measures.push(makeMeasure(c.id, r.changes, r.check, base));
    else failedAlone.push(c);
  }
  if (!base.site.boundary) {
    skipped.push(
      na(
        'move',
        'the project has no plant fence (site.boundary) to move the installation within',
        '项目未给出厂区边界（site.boundary），无法在厂区内搬移',
      ),
    );
  } else if (!ranksAbove(TIER.move)) {
    const r = searchMove(base, index, ctx, evaluate);
    if (r) measures.push(makeMeasure('move', r.changes, r.check, base));
  }
  if (!ranksAbove(TIER.remove)) {
    const removal = evaluate(applyChanges(base, index, [{ kind: 'remove' }]));
    if (removal?.complies) measures.push(makeMeasure('remove', [{ kind: 'remove' }], removal, base));
  }
  if (measures.length < ctx.keep || !measures.some(onSite)) {
    for (const d of failedAlone) {
      if (!('fixed' in d)) continue;
      for (const x of failedAlone) {
        if (x === d || ('fixed' in x && failedAlone.indexOf(x) < failedAlone.indexOf(d))) continue;
        if (d.fixed[0]?.kind === 'containment' && 'fixed' in x && x.fixed[0]?.kind === 'containment')
          continue;
        if (
          d.fixed[0]?.kind === 'detection-isolation' &&
          'fixed' in x &&
          x.fixed[0]?.kind === 'detection-isolation'
        )
          continue;
        const r = runCandidate(x, base, index, d.fixed, ctx, evaluate);
        if (r) measures.push(makeMeasure(`${d.id} + ${x.id}`, r.changes, r.check, base));
      }
    }
  }
  measures.sort(compareRank);
  return { measures, skipped };
}

/** The disruption tier of a candidate's change (all of a candidate's changes share one kind). */
function candidateTier(c: Candidate): number {
  const kind = 'fixed' in c ? c.fixed[0]!.kind : c.at(c.hi)[0]!.kind;
  return TIER[kind];
}

/** The project with only installation `index` on the site (the first, per-installation search). */
function alone(project: Project, index: number): Project {
  return { ...project, installations: [project.installations[index]!] };
}

/**
 * Distance the installation would need from each failing target: it is moved directly away from the
 * target (from the target's centroid through the installation's position) until the target alone, with
 * the installation alone on the site, meets its threshold (`smallestCompliant`, 1 m tolerance).
 */
export function relocationDistances(
  project: Project,
  index: number,
  targetIds: readonly string[],
  options: PlanOptions,
): RelocationDistance[] {
  const ctx = context(options);
  const inst = project.installations[index]!;
  return targetIds.flatMap((id) => {
    const target = project.targets.find((t) => t.id === id);
    if (!target) return [];
    const c = targetCentre(target);
    let ux = inst.position[0] - c[0];
    let uy = inst.position[1] - c[1];
    const len = Math.hypot(ux, uy);
    [ux, uy] = len > 0 ? [ux / len, uy / len] : [1, 0];
    const single: Project = { ...project, installations: [inst], targets: [target], population: [] };
    const moved = (d: number) =>
      applyChanges(single, 0, [{ kind: 'move', dx: ux * d, dy: uy * d, to: [si.metres(0), si.metres(0)] }]);
    const d = smallestCompliant(
      (dist) => {
        // Only the target's risk matters here: its F-N part is not computed.
        const j = modelled(() =>
          judgeProjectTargets(moved(dist), ctx.rules, ctx.substanceOf, { cache: ctx.cache }),
        );
        return j !== null && j.targets[0]!.complies;
      },
      { first: 25, max: 50_000, tolerance: 1 },
    );
    return [
      {
        target: id,
        currentDistance: separationDistance(inst, target),
        requiredDistance: d === null ? null : separationDistance(moved(d).installations[0]!, target),
        compliesAlone: d === 0,
      },
    ];
  });
}

function targetCentre(t: ProtectionTarget): Point {
  if (t.polygon) {
    const [x, y] = polygonCentroid(t.polygon as Polygon);
    return [si.metres(x), si.metres(y)];
  }
  return t.position!;
}

function context(options: PlanOptions): Ctx {
  return {
    rules: options.rules,
    substanceOf: options.substanceOf,
    consequenceInstallations: options.consequenceInstallations ?? [],
    bisectionSteps: options.bisectionSteps ?? 8,
    moveGrid: options.moveGrid ?? 12,
    keep: options.keep ?? 5,
    cache: options.cache ?? createJudgeCache(),
  };
}

const onSite = (m: Measure) => !m.changes.some((c) => c.kind === 'remove');

/**
 * The plan of a project: each non-compliant installation's measures, searched first with the installation
 * alone on the site (its own risk must meet every threshold and the F-N line), then — when the project
 * with every installation's first measure still fails — again with the other installations' measures in
 * place; the recommendation (`rectify` when an on-site measure works, else `relocate`), and for each
 * failing target the distance it would need. An installation that complies alone fails only together with
 * the others: it is searched in context only, and needs no measure of its own when the others' measures
 * make it comply (`ownMeasureNeeded: false`).
 */
export function planProject(project: Project, options: PlanOptions): ProjectPlan {
  const ctx = context(options);
  const j0 = judge(project, ctx);
  if (!j0) throw new UnsupportedInputError('installations', 'the engine cannot model this project');
  const failing = j0.installations.filter((i) => i.verdict === 'non-compliant');
  const indexOf = (id: string) => project.installations.findIndex((i) => i.id === id);
  const plans = new Map<string, InstallationPlan>();
  const chosen = new Map<string, Change[]>();
  const choose = (p: InstallationPlan) => {
    const first = p.measures.find(onSite) ?? p.measures[0];
    chosen.set(p.id, first ? first.changes : [{ kind: 'remove' }]);
  };
  const searched = new Set<string>();
  const inContext = new Set<string>();
  for (const f of failing) {
    const i = indexOf(f.id);
    const single = alone(project, i);
    const plan: InstallationPlan = {
      id: f.id,
      name: project.installations[i]!.name,
      violations: f.violations,
      recommendation: 'rectify',
      ownMeasureNeeded: true,
      measures: [],
      notApplicable: [],
      relocation: [],
      judgedWith: 'alone',
    };
    plans.set(f.id, plan);
    if (evaluateVariant(single, f.id, ctx)) continue;
    const { measures, skipped } = measuresFor(single, 0, ctx, (p, floor) =>
      evaluateVariant(p, f.id, ctx, floor),
    );
    plan.measures = measures.slice(0, ctx.keep);
    plan.notApplicable = skipped;
    plan.recommendation = measures.some(onSite) ? 'rectify' : 'relocate';
    searched.add(f.id);
    choose(plan);
  }
  const combine = () =>
    failing.reduce((p, f) => {
      const changes = chosen.get(f.id);
      const i = p.installations.findIndex((x) => x.id === f.id);
      return i < 0 || !changes ? p : applyChanges(p, i, changes);
    }, project);
  let combined = combine();
  let jc = judge(combined, ctx);
  // In context: the others' measures stay, this installation's own are searched again.
  const searchInContext = (f: (typeof failing)[number]) => {
    const others = failing.reduce((p, g) => {
      const changes = chosen.get(g.id);
      if (g.id === f.id || !changes) return p;
      const k = p.installations.findIndex((x) => x.id === g.id);
      return k < 0 ? p : applyChanges(p, k, changes);
    }, project);
    const i = others.installations.findIndex((x) => x.id === f.id);
    const { measures, skipped } = measuresFor(others, i, ctx, (p, floor) =>
      evaluateVariant(p, f.id, ctx, floor),
    );
    const plan = plans.get(f.id)!;
    plan.measures = measures.slice(0, ctx.keep);
    plan.notApplicable = skipped;
    plan.recommendation = measures.some(onSite) ? 'rectify' : 'relocate';
    plan.judgedWith = 'context';
    searched.add(f.id);
    inContext.add(f.id);
    choose(plan);
    combined = combine();
    jc = judge(combined, ctx);
  };
  // The installation with the largest share of the failing targets' risk is searched first: its measures
  // leave the most room for the others (often no measure of theirs is needed then).
  for (;;) {
    if (!jc || jc.verdict === 'compliant') break;
    const judged = jc;
    const next = failing
      .filter((f) => !inContext.has(f.id))
      .map((f) => ({ f, still: judged.installations.find((x) => x.id === f.id) }))
      .filter(({ still }) => !still || still.verdict !== 'compliant')
      .map(({ f, still }) => ({
        f,
        share: (still?.violations ?? []).reduce((a, v) => a + (v.share ?? 0), 0),
      }))
      .reduce<{ f: (typeof failing)[number]; share: number } | null>(
        (best, c) => (!best || c.share > best.share ? c : best),
        null,
      );
    if (!next) break;
    searchInContext(next.f);
  }
  // An installation that complied alone and was not searched: complies with the others' measures, or is
  // searched in context now.
  for (const f of failing) {
    if (searched.has(f.id)) continue;
    const still = jc?.installations.find((x) => x.id === f.id);
    if (jc && still?.verdict === 'compliant') {
      const plan = plans.get(f.id)!;
      plan.ownMeasureNeeded = false;
      plan.judgedWith = 'context';
    } else searchInContext(f);
  }
  for (const plan of plans.values()) {
    if (plan.recommendation !== 'relocate') continue;
    const targets = plan.violations.filter((v) => v.kind === 'target').map((v) => v.target!);
    plan.relocation = relocationDistances(project, indexOf(plan.id), [...new Set(targets)], {
      ...options,
      cache: ctx.cache,
    });
  }
  return {
    verdict: j0.verdict,
    installations: failing.map((f) => plans.get(f.id)!),
    combined: { changes: Object.fromEntries(chosen), verdict: jc?.verdict ?? 'non-compliant' },
  };
}

/**
 * The variant of the project for one measure of one installation: that measure, and the other
 * non-compliant installations' chosen measures (`plan.combined.changes`), applied.
 */
export function variantProject(
  project: Project,
  plan: ProjectPlan,
  installationId: string,
  measure: Measure,
): Project {
  const changes = { ...plan.combined.changes, [installationId]: measure.changes };
  return Object.entries(changes).reduce((p, [id, c]) => {
    const i = p.installations.findIndex((x) => x.id === id);
    return i < 0 ? p : applyChanges(p, i, c);
  }, project);
}

/** The judgement of a project variant, with the verdict of the enterprise (the grid is not needed). */
export function judgeVariant(project: Project, options: PlanOptions): ProjectJudgement | null {
  return judge(project, context(options));
}

export interface CandidateSiteResult {
  installation: string;
  position: Point;
  /** How the position was chosen: the candidate's own installation of that id, or a search of its fence. */
  placedBy: 'same-id' | 'fence-search';
  complies: boolean;
  margin: number;
  targets: { id: string; individualRisk: number; threshold: number; complies: boolean }[];
  societalRisk: ProjectJudgement['societalRisk']['verdict'];
}

/**
 * The installation `installationId` of `project` at a candidate site (another project): placed where the
 * candidate has an installation of the same id (replacing it), else at the best position of the candidate's
 * fence (as the move measure), with status `new` (a relocated installation is built anew, 新建), and judged
 * with the candidate's installations, weather, targets and population. Null position when nothing fits.
 * @throws RangeError naming `site.boundary` when the candidate has neither the id nor a fence
 */
export function assessAtCandidateSite(
  project: Project,
  installationId: string,
  candidate: Project,
  options: PlanOptions,
): CandidateSiteResult | null {
  const ctx = context(options);
  const inst = project.installations.find((i) => i.id === installationId);
  if (!inst) throw new RangeError(`installation '${installationId}': not in the project`);
  const same = candidate.installations.findIndex((i) => i.id === installationId);
  const newInst: Installation = { ...inst, status: 'new' };
  let placed: Project;
  let placedBy: CandidateSiteResult['placedBy'];
  if (same >= 0) {
    const at = candidate.installations[same]!.position;
    const moved = applyChanges({ ...candidate, installations: [newInst] }, 0, [
      { kind: 'move', dx: at[0] - inst.position[0], dy: at[1] - inst.position[1], to: at },
    ]).installations[0]!;
    placed = { ...candidate, installations: candidate.installations.map((x, k) => (k === same ? moved : x)) };
    placedBy = 'same-id';
  } else {
    if (!candidate.site.boundary)
      throw new RangeError(
        `site.boundary: the candidate site has no fence to place '${installationId}' in, and no installation of that id`,
      );
    const withIt: Project = { ...candidate, installations: [...candidate.installations, newInst] };
    const index = withIt.installations.length - 1;
    const found = searchMove(withIt, index, ctx, (p, floor) =>
      evaluateVariant(p, installationId, ctx, floor),
    );
    if (!found) return null;
    placed = applyChanges(withIt, index, found.changes);
    placedBy = 'fence-search';
  }
  const j = judge(placed, ctx);
  if (!j) return null;
  const check = checkInstallation(j, installationId, placed);
  return {
    installation: installationId,
    position: placed.installations.find((i) => i.id === installationId)!.position,
    placedBy,
    complies: check.complies,
    margin: check.margin,
    targets: j.targets.map((t) => ({
      id: t.id,
      individualRisk: t.individualRisk,
      threshold: t.threshold,
      complies: t.complies,
    })),
    societalRisk: j.societalRisk.verdict,
  };
}
