import type { Installation, PopulationArea, Project } from '../project/types.ts';
import type { RuleSet, TargetCategory } from '../rules/types.ts';
import { TARGET_CATEGORIES, INSTALLATION_STATUSES } from '../rules/types.ts';
import type { RiskEvent, WindStatistics } from '../risk/events.ts';
import { gridForRiskLevel, type GridSpec } from '../risk/grid.ts';
import { individualRiskLayers, sumLayers } from '../risk/individual-grid.ts';
import { fastGridForRiskLevel, fastIndividualRiskLayers } from '../risk/fast-grid.ts';
import {
  eventIndividualRisk,
  individualRiskAt,
  pointRiskOf,
  type Contribution,
  type PointRisk,
} from '../risk/individual.ts';
import { riskContours } from '../risk/contours.ts';
import { interiorSamples, type Point, type Polygon } from '../risk/geometry.ts';
import {
  contourReach,
  judgeInstallations,
  judgeTargets,
  type Status,
  type TargetCheck,
  type TargetSamples,
} from '../risk/judge.ts';
import {
  fnCurve,
  judgeFn,
  potentialLossOfLife,
  societalOutcomes,
  type FnPoint,
  type FnRegion,
  type PopulationPoint,
  type SocietalOutcome,
} from '../risk/societal.ts';
import { userScenarioEvents } from './user-scenarios.ts';
import { locCasesForInstallation, releaseSourceTerm, SourceTermError } from './loc/index.ts';
import { outcomeEvents } from './outcomes/events.ts';
import { consequenceMethod, type ConsequenceMethodResult } from './explosives.ts';
import { checkCodeDistances, type CodeDistanceCheck } from './code-distances.ts';
import type { Substance } from '../substance/index.ts';
import type { EventTemplate, JudgeCache, Placement } from './judge-cache.ts';

export { createJudgeCache, JudgeCache, type JudgeCacheLimits } from './judge-cache.ts';

/** Work the engine cannot do yet for a project, reported instead of a silently partial result. */
export class UnsupportedInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'UnsupportedInputError';
  }
}

export interface ContributorOut {
  installation: string;
  scenario: string;
  outcome: string;
  /** Individual risk from this contributor, per year. */
  risk: number;
  share: number;
}

export interface AssessmentResult {
  ruleSet: { id: string; version: number };
  probes: { id: string; x: number; y: number; individualRisk: number; contributors: ContributorOut[] }[];
  contours: {
    level: number;
    polygons: number[][][];
    multiPolygon: number[][][][];
    /** True when the grid edge cuts this contour (levels below the lowest criterion only). */
    clipped: boolean;
    maxDistance: number;
  }[];
  externalSafetyDistance: {
    installationStatus: Status;
    targetClass: TargetCategory;
    threshold: number;
    distance: number;
  }[];
  targets: {
    id: string;
    name: string;
    category: TargetCategory;
    threshold: number;
    individualRisk: number;
    ratio: number;
    complies: boolean;
    at: Point;
    checks: TargetCheck[];
    contributors: ContributorOut[];
  }[];
  societalRisk: {
    /** F(N) at every distinct N ≥ the rule set's minimum N (1), as the output contract lists it. */
    fn: FnPoint[];
    /** F(N) at every distinct N > 0, the curve whose area is the PLL. */
    fnAll: FnPoint[];
    pll: number;
    verdict: FnRegion;
    worstRatioToUnacceptable: number;
    worstRatioToAcceptable: number;
    worstN: number | null;
  };
  installations: {
    id: string;
    status: Status;
    verdict: 'compliant' | 'non-compliant';
    violations: {
      kind: 'target' | 'societal-risk' | 'explosive-distance' | 'code-distance';
      target?: string;
      /** For a target: this installation's share of the target's risk at its point of maximum risk. */
      share?: number;
      code?: string;
    }[];
    requiredRiskReduction: number | null;
  }[];
  verdict: 'compliant' | 'non-compliant';
  /** Explosives judged by the consequence method (GB/T 37243 §5); absent when none. */
  consequenceMethod?: ConsequenceMethodResult;
  /** Design-code distance checks entered on installations (GB/T 37243 §4); empty when none. */
  codeDistances: CodeDistanceCheck[];
  grid: GridSpec;
  events: number;
}

const TOP_CONTRIBUTORS = 10;

function contributorsOut(list: readonly Contribution[]): ContributorOut[] {
  return list.slice(0, TOP_CONTRIBUTORS).map((c) => ({
    installation: c.installationId,
    scenario: c.scenarioId,
    outcome: c.outcome,
    risk: c.risk,
    share: c.share,
  }));
}

/** What the engine needs beside the project: the substance facts of an id (the library, or the project's own). */
export type SubstanceLookup = (id: string) => Substance | undefined;

/**
 * Every event of the project: for each installation its equipment's loss-of-containment cases (the rule
 * set's catalogue, `settings.locCatalogue`), their source terms, event trees and effect footprints per
 * weather class (core/qra/loc, core/qra/outcomes), plus its user-defined scenarios.
 * @throws UnsupportedInputError naming the installation field when a case cannot be modelled
 */
export function projectEvents(project: Project, rules: RuleSet, substanceOf: SubstanceLookup): RiskEvent[] {
  return project.installations.flatMap((_, i) => installationEvents(project, i, rules, substanceOf));
}

/** The events of installation `index` (the part of `projectEvents` it gives). */
function installationEvents(
  project: Project,
  index: number,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
): RiskEvent[] {
  const inst = project.installations[index]!;
  const events: RiskEvent[] = [];
  const ambient = project.weather.ambient;
  const weatherClasses = project.weather.classes;
  if (inst.equipment.length > 0) {
    const substance = substanceOf(inst.substance);
    if (!substance) {
      throw new UnsupportedInputError(
        `installations[${index}].substance`,
        `unknown substance '${inst.substance}'`,
      );
    }
    try {
      for (const lossCase of locCasesForInstallation(inst, rules, project.settings.locCatalogue)) {
        const release = releaseSourceTerm(lossCase, inst, substance, ambient, rules);
        events.push(
          ...outcomeEvents(release, substance, weatherClasses, ambient, rules, {
            installationId: inst.id,
            position: inst.position,
            cellSize: project.settings.cellSize,
            thermalCertainDeathFlux: project.settings.thermalCertainDeathFlux,
          }),
        );
      }
    } catch (e) {
      if (e instanceof SourceTermError || e instanceof RangeError) throw unmodelled(index, inst, e);
      throw e;
    }
  }
  for (const s of inst.scenarios) {
    events.push(...userScenarioEvents(inst, s, weatherClasses, rules.vulnerability));
  }
  return events;
}

function unmodelled(index: number, inst: Installation, e: Error): UnsupportedInputError {
  return new UnsupportedInputError(`installations[${index}]`, `installation '${inst.id}': ${e.message}`);
}

/** The wind statistics of a project: its sector count and each weather class's rose. */
export function windStatistics(project: Project): WindStatistics {
  return {
    sectors: project.weather.sectors,
    byClass: Object.fromEntries(project.weather.classes.map((c) => [c.id, c.windRose])),
  };
}

function areaPoints(area: PopulationArea, spacing: number): Point[] {
  if (area.polygon) return interiorSamples(area.polygon as Polygon, spacing);
  return [[area.position![0], area.position![1]]];
}

function populationPoints(areas: readonly PopulationArea[], spacing: number): PopulationPoint[] {
  return areas.flatMap((a) => {
    const pts = areaPoints(a, spacing);
    return pts.map(([x, y]) => ({
      x,
      y,
      day: a.population.day / pts.length,
      night: a.population.night / pts.length,
      indoorDay: a.indoorFraction.day,
      indoorNight: a.indoorFraction.night,
    }));
  });
}

function installationShape(inst: Installation): Polygon | Point {
  return inst.outline ? (inst.outline as Polygon) : [inst.position[0], inst.position[1]];
}

export interface AssessOptions {
  /** Progress of the grid computation, (events done, events in all). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Installations judged by the consequence method for explosives (GB/T 37243 §5), e.g.
   * `consequenceInstallations(project, classification)`; none when absent.
   */
  consequenceInstallations?: readonly string[];
  /**
   * Layers computed before on this same grid, by installation id (the desktop app keeps them so that editing
   * one installation recomputes one layer). The caller vouches that each layer belongs to an installation
   * whose events and wind statistics are unchanged since; the engine computes only the other installations.
   */
  knownLayers?: (grid: GridSpec) => ReadonlyMap<string, Float64Array>;
  /**
   * Individual-risk engine: `fast` (default; polar fields per installation and release point, docs/performance.md)
   * or `reference` (the plain engine: every event at every cell, and the grid-sizing rays evaluated directly).
   */
  engine?: 'fast' | 'reference';
  /**
   * The grid and every installation's layer computed elsewhere (in workers, cli/risk-workers.ts) by the fast
   * engine on this project; the engine then computes neither.
   */
  riskGrid?: { grid: GridSpec; layers: ReadonlyMap<string, Float64Array> };
}

/**
 * Assesses a project by GB/T 37243-2019 QRA and judges it by GB 36894-2018 (rule set `rules`): individual
 * risk per installation layer on a grid that closes every contour, contours at the rule-set levels and at
 * each threshold, the external safety distance per target class and status, each target's maximum risk
 * against its thresholds, the F-N curve and PLL against the lines, and a verdict per installation and for the
 * enterprise. Pure and deterministic.
 */
export function assessProject(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  options: AssessOptions = {},
): AssessmentResult & { layers: Map<string, Float64Array> } {
  const events = projectEvents(project, rules, substanceOf);
  const wind = windStatistics(project);
  const cell = project.settings.cellSize;
  const threshold = (category: string, status: Status) =>
    rules.individualRisk[category as TargetCategory][status].value;
  const thresholdLevels = TARGET_CATEGORIES.flatMap((c) => INSTALLATION_STATUSES.map((s) => threshold(c, s)));
  const level = Math.min(...thresholdLevels);
  const fast = (options.engine ?? 'fast') === 'fast';
  const grid =
    options.riskGrid?.grid ??
    (fast
      ? fastGridForRiskLevel(events, wind, cell, level)
      : gridForRiskLevel(events, (x, y) => individualRiskAt(events, wind, x, y).risk, cell, level));
  const known = options.riskGrid?.layers ?? options.knownLayers?.(grid) ?? new Map<string, Float64Array>();
  const missing = events.filter((e) => !known.has(e.installationId));
  const layers = fast
    ? fastIndividualRiskLayers(missing, wind, grid, options.onProgress)
    : individualRiskLayers(missing, wind, grid, options.onProgress);
  for (const id of new Set(events.map((e) => e.installationId))) {
    const layer = known.get(id);
    if (!layer) continue;
    if (layer.length !== grid.nx * grid.ny)
      throw new RangeError(
        `knownLayers: layer '${id}' has ${layer.length} cells, the grid ${grid.nx * grid.ny}`,
      );
    layers.set(id, layer);
  }
  const total = sumLayers(layers, grid.nx * grid.ny);

  const levels = [
    ...new Set([...rules.contours.levels.map((l) => l.value as number), ...thresholdLevels]),
  ].sort((a, b) => b - a);
  const shapes = project.installations.map(installationShape);
  const contours = riskContours(total, grid, levels).map((c) => ({
    level: c.level,
    polygons: c.polygons.flat(),
    multiPolygon: c.polygons,
    clipped: c.clipped,
    maxDistance: contourReach(c, shapes).distance,
  }));
  const reachAt = new Map(contours.map((c) => [c.level, c.maxDistance]));

  const externalSafetyDistance = INSTALLATION_STATUSES.flatMap((status) =>
    TARGET_CATEGORIES.map((targetClass) => ({
      installationStatus: status,
      targetClass,
      threshold: threshold(targetClass, status),
      distance: reachAt.get(threshold(targetClass, status)) ?? 0,
    })),
  );

  const judged = judgeEvents(project, rules, events, options);

  const probes = project.probes.map((p) => {
    const r = individualRiskAt(events, wind, p.position[0], p.position[1]);
    return {
      id: p.id,
      x: p.position[0],
      y: p.position[1],
      individualRisk: r.risk,
      contributors: contributorsOut(r.contributors),
    };
  });

  return {
    ruleSet: { id: rules.id, version: rules.version },
    probes,
    contours,
    externalSafetyDistance,
    ...judged,
    grid,
    events: events.length,
    layers,
  };
}

/** The verdicts of an assessment: what `judgeProject` computes (no grid, contours or distances). */
export type ProjectJudgement = Pick<
  AssessmentResult,
  'targets' | 'societalRisk' | 'installations' | 'verdict' | 'consequenceMethod' | 'codeDistances'
>;

/** Options of `judgeProject`. */
export interface JudgeOptions extends Pick<AssessOptions, 'consequenceInstallations'> {
  /**
   * Events and risks kept between calls (`createJudgeCache()`, core/qra/judge-cache.ts): a variant that
   * changes one installation recomputes that one. The results are the same numbers with or without it.
   */
  cache?: JudgeCache;
}

/**
 * The verdicts of `assessProject` without the risk grid: each target's risk evaluated directly at its
 * points (GB 36894 Table 1), the F-N curve against the lines, the consequence method and the code
 * distances, and the verdict per installation and for the enterprise — the same numbers `assessProject`
 * reports, for loops that assess many variants of a project (core/plan; pass a `cache` there). Pure and
 * deterministic.
 */
export function judgeProject(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  options: JudgeOptions = {},
): ProjectJudgement & { events: number } {
  if (!options.cache) {
    const events = projectEvents(project, rules, substanceOf);
    return { ...judgeEvents(project, rules, events, options), events: events.length };
  }
  const kept = keptRisk(project, rules, substanceOf, options.cache);
  return { ...judgeEvents(project, rules, kept.events, options, kept), events: kept.events.length };
}

/** The target part of a judgement: what `judgeProject` gives for the targets, and each installation's share. */
export interface TargetsJudgement {
  targets: ProjectJudgement['targets'];
  /** Per installation, in project order: the targets it fails (it contributes to a failing check). */
  installations: { id: string; failingTargets: string[] }[];
}

/**
 * The targets half of `judgeProject` — each target's risk at its points against its thresholds, and the
 * targets each installation fails — without the F-N curve: the same numbers, for searches that can reject a
 * variant on its targets before paying for its societal risk (core/plan). With a `cache`, the risks it
 * computes at the target points serve a later `judgeProject` of the same variant.
 */
export function judgeProjectTargets(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  options: Pick<JudgeOptions, 'cache'> = {},
): TargetsJudgement {
  const kept = options.cache ? keptRisk(project, rules, substanceOf, options.cache) : undefined;
  const events = kept ? kept.events : projectEvents(project, rules, substanceOf);
  const part = judgeTargetPart(project, rules, events, kept);
  return {
    targets: part.targets,
    installations: part.perInstallation.map((j) => ({
      id: j.installationId,
      failingTargets: j.failingTargets,
    })),
  };
}

/**
 * The events of a project with the risks at points and the societal outcomes read from (and added to)
 * `cache`: each installation's placement, recomputed only when the cache does not have it.
 */
function keptRisk(
  project: Project,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  cache: JudgeCache,
): KeptRisk & { events: RiskEvent[] } {
  const placements = project.installations.map((_, i) => placementOf(project, i, rules, substanceOf, cache));
  const events = placements.flatMap((p) => p.events);
  const wind = windStatistics(project);
  const riskAt = (p: Point): PointRisk => {
    const key = pointKey(p[0], p[1]);
    const values = new Float64Array(events.length);
    let offset = 0;
    for (const placement of placements) {
      let risks = placement.pointRisk.get(key);
      if (risks === undefined) {
        risks = eventRisks(placement.events, wind, p);
        placement.pointRisk.set(key, risks);
      }
      if (risks) values.set(risks, offset);
      offset += placement.events.length;
    }
    return pointRiskOf(events, (_, k) => values[k]!);
  };
  const outcomes = (): SocietalOutcome[] => {
    const areas = [...project.targets, ...project.population];
    const cell = project.settings.cellSize;
    const key = stableJson([areas, cell]);
    let population: PopulationPoint[] | undefined;
    return placements.flatMap((placement) => {
      let list = placement.outcomes.get(key);
      if (!list) {
        population ??= cache.population(key, () => populationPoints(areas, cell));
        list = societalOutcomes(placement.events, wind, population, project.weather.dayFraction);
        placement.outcomes.set(key, list);
      }
      return list;
    });
  };
  return { events, riskAt, outcomes };
}

/** Each event's individual risk at `p`, per year (as `individualRiskAt` computes it); null when all are 0. */
function eventRisks(events: readonly RiskEvent[], wind: WindStatistics, p: Point): Float64Array | null {
  const risks = new Float64Array(events.length);
  let any = false;
  events.forEach((e, k) => {
    const r = eventIndividualRisk(e, wind, p[0], p[1]);
    risks[k] = r;
    if (r !== 0) any = true;
  });
  return any ? risks : null;
}

/** A number as a key: exact (shortest round-trip form), −0 apart from 0, non-finite values named. */
function numberKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

function pointKey(x: number, y: number): string {
  return `${numberKey(x)},${numberKey(y)}`;
}

/** JSON of plain data in which −0, NaN and ±Infinity stay distinct from 0 and null. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `#${numberKey(v)}` : v,
  );
}

/**
 * The cache key of an installation's events: everything `installationEvents` reads — the installation but
 * its position and outline (a template holds for any position) and the fields no event depends on (name,
 * status, unit, code distances), its substance's facts, the weather (ambient, classes, wind roses: the
 * placements' risks depend on them too) and the settings the events read. The rule set is the cache's
 * outer key, by identity.
 */
function templateKey(project: Project, inst: Installation, substanceOf: SubstanceLookup): string {
  const own = {
    ...inst,
    position: undefined,
    outline: undefined,
    name: undefined,
    status: undefined,
    unit: undefined,
    codeDistances: undefined,
  };
  const { locCatalogue, cellSize, thermalCertainDeathFlux } = project.settings;
  return stableJson([
    own,
    substanceOf(inst.substance) ?? null,
    project.weather,
    locCatalogue ?? null,
    cellSize,
    thermalCertainDeathFlux ?? null,
  ]);
}

function placementOf(
  project: Project,
  index: number,
  rules: RuleSet,
  substanceOf: SubstanceLookup,
  cache: JudgeCache,
): Placement {
  const inst = project.installations[index]!;
  const key = templateKey(project, inst, substanceOf);
  const template = cache.template(rules, key, (): EventTemplate => {
    const events = installationEvents(project, index, rules, substanceOf);
    const [x, y] = inst.position;
    return {
      origin: [x, y],
      events,
      movable: events.every((e) => Object.is(e.source[0], x) && Object.is(e.source[1], y)),
    };
  });
  const [x, y] = inst.position;
  return cache.placement(rules, `${key}\u0000${pointKey(x, y)}`, () => {
    const here = Object.is(template.origin[0], x) && Object.is(template.origin[1], y);
    const events = here
      ? template.events
      : template.movable
        ? template.events.map((e) => ({ ...e, source: [x, y] as Point }))
        : installationEvents(project, index, rules, substanceOf);
    return { events, pointRisk: new Map(), outcomes: new Map() };
  });
}

/** Where the judgement reads the risk at the target points and the societal outcomes, when not from `events`. */
interface KeptRisk {
  riskAt: (p: Point) => PointRisk;
  outcomes: () => SocietalOutcome[];
}

function judgeTargetPart(project: Project, rules: RuleSet, events: readonly RiskEvent[], kept?: KeptRisk) {
  const wind = windStatistics(project);
  const cell = project.settings.cellSize;
  const statusById = new Map(project.installations.map((i) => [i.id, i.status as Status]));
  const statusOf = (id: string): Status => statusById.get(id) ?? 'existing';
  const anyNew = project.installations.some((i) => i.status === 'new');
  const threshold = (category: string, status: Status) =>
    rules.individualRisk[category as TargetCategory][status].value;

  const targetSamples: TargetSamples[] = project.targets.map((t) => ({
    id: t.id,
    category: t.category,
    points: t.polygon
      ? [
          ...(t.polygon as Polygon).map((p) => [p[0], p[1]] as Point),
          ...interiorSamples(t.polygon as Polygon, cell),
        ]
      : [[t.position![0], t.position![1]]],
  }));
  const judgements = judgeTargets(
    events,
    wind,
    targetSamples,
    threshold,
    statusOf,
    anyNew,
    project.settings.newInstallationRule,
    kept?.riskAt,
  );
  const installationIds = project.installations.map((i) => i.id);
  const perInstallation = judgeInstallations(
    installationIds,
    events,
    wind,
    targetSamples,
    judgements,
    statusOf,
    kept?.riskAt,
  );
  const targets = project.targets.map((t, i) => {
    const j = judgements[i]!;
    return {
      id: t.id,
      name: t.name,
      category: t.category,
      threshold: j.governing.threshold,
      individualRisk: j.maxRisk,
      ratio: j.governing.ratio,
      complies: j.complies,
      at: j.at,
      checks: j.checks,
      contributors: contributorsOut(j.contributors),
    };
  });
  return { judgements, perInstallation, targets, statusOf };
}

function judgeEvents(
  project: Project,
  rules: RuleSet,
  events: readonly RiskEvent[],
  options: Pick<AssessOptions, 'consequenceInstallations'>,
  kept?: KeptRisk,
): ProjectJudgement {
  const wind = windStatistics(project);
  const cell = project.settings.cellSize;
  const { judgements, perInstallation, targets, statusOf } = judgeTargetPart(project, rules, events, kept);

  const outcomes = kept
    ? kept.outcomes()
    : societalOutcomes(
        events,
        wind,
        populationPoints([...project.targets, ...project.population], cell),
        project.weather.dayFraction,
      );
  const curve = fnCurve(outcomes);
  const fnVerdict = judgeFn(
    curve,
    { constant: rules.societalRisk.unacceptable.constant, slope: rules.societalRisk.unacceptable.exponent },
    { constant: rules.societalRisk.acceptable.constant, slope: rules.societalRisk.acceptable.exponent },
  );
  const minimumN = rules.societalRisk.minimumN.value;
  const societalCulprits = new Set(
    fnVerdict.region === 'unacceptable' && fnVerdict.worstN !== null
      ? outcomes.filter((o) => o.deaths >= fnVerdict.worstN!).map((o) => o.installationId)
      : [],
  );

  const consequence = options.consequenceInstallations?.length
    ? consequenceMethod(project, rules, options.consequenceInstallations)
    : undefined;
  const codeDistances = checkCodeDistances(project);

  const shareAtTarget = new Map(
    project.targets.map((t, i) => {
      const byInstallation = new Map<string, number>();
      for (const c of judgements[i]!.contributors) {
        byInstallation.set(c.installationId, (byInstallation.get(c.installationId) ?? 0) + c.share);
      }
      return [t.id, byInstallation] as const;
    }),
  );
  const installations = perInstallation.map((j) => {
    const violations: AssessmentResult['installations'][number]['violations'] = j.failingTargets.map((t) => ({
      kind: 'target' as const,
      target: t,
      share: shareAtTarget.get(t)?.get(j.installationId) ?? 0,
    }));
    if (societalCulprits.has(j.installationId)) violations.push({ kind: 'societal-risk' });
    const explosive = consequence?.installations.find((c) => c.id === j.installationId);
    for (const t of explosive?.targets ?? []) {
      if (!t.complies) violations.push({ kind: 'explosive-distance', target: t.id });
    }
    for (const c of codeDistances) {
      if (c.installation === j.installationId && !c.complies) {
        violations.push({ kind: 'code-distance', code: c.code, ...(c.target ? { target: c.target } : {}) });
      }
    }
    return {
      id: j.installationId,
      status: statusOf(j.installationId),
      verdict: violations.length ? ('non-compliant' as const) : ('compliant' as const),
      violations,
      requiredRiskReduction: Number.isFinite(j.requiredReduction) ? j.requiredReduction : null,
    };
  });

  const verdict =
    targets.every((t) => t.complies) &&
    fnVerdict.region !== 'unacceptable' &&
    (consequence?.complies ?? true) &&
    codeDistances.every((c) => c.complies)
      ? 'compliant'
      : 'non-compliant';
  return {
    targets,
    societalRisk: {
      fn: curve.filter((p) => p.n >= minimumN),
      fnAll: curve,
      pll: potentialLossOfLife(outcomes),
      verdict: fnVerdict.region,
      worstRatioToUnacceptable: fnVerdict.worstRatio,
      worstRatioToAcceptable: fnVerdict.worstRatioAcceptable,
      worstN: fnVerdict.worstN,
    },
    installations,
    verdict,
    ...(consequence ? { consequenceMethod: consequence } : {}),
    codeDistances,
  };
}
