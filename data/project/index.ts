import type {
  CodeDistanceRequirement,
  Equipment,
  ExplosiveCharge,
  Installation,
  PopulationArea,
  Point,
  Project,
  ProtectionTarget,
  UserOutcome,
  Weather,
} from '../../core/project/types.ts';
import type { RuleSet } from '../../core/rules/types.ts';
import { si, type Metres, type Probability } from '../../core/units/index.ts';
import { DEFAULT_RULE_SET, getRuleSet, RuleSetError } from '../rules/index.ts';
import { checkProject } from './checks.ts';
import { issueLines } from './issues.ts';
import { projectSchema, type EquipmentFile, type ProjectFile } from './schema.ts';

export { projectSchema } from './schema.ts';

/** A project file that cannot be used; `issues` are one line each, `path: message`. */
export class ProjectError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: readonly string[],
  ) {
    super(
      issues.length === 1
        ? `${fileName}: ${issues[0]}`
        : `${fileName}: ${issues.length} problems:\n  ${issues.join('\n  ')}`,
    );
    this.name = 'ProjectError';
  }
}

export interface ParseProjectOptions {
  /** Named in every error. */
  fileName: string;
  /** True when a substance id names a known substance (the library's, or the project's own). */
  isKnownSubstance: (id: string) => boolean;
  /** The rule set for defaults and LOC ids; by default the one the project names, else the built-in one. */
  ruleSet?: RuleSet;
}

/** Grid cell size when the project gives none, m (the example of spec/project-format.md). */
export const DEFAULT_CELL_SIZE = si.metres(5);

/**
 * Reads a project JSON (spec/project-format.md, version 1) into the engine's SI types, with defaults from
 * the rule set filled in (weather classes, day fraction, sectors, indoor fractions, certain-death flux).
 * @param json the parsed JSON
 * @throws ProjectError naming the file and listing every problem, each with its path
 */
export function parseProject(json: unknown, options: ParseProjectOptions): Project {
  const parsed = projectSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new ProjectError(options.fileName, issueLines(parsed.error));
  const file = parsed.data;
  let rules = options.ruleSet;
  if (!rules) {
    const wanted = file.settings.ruleSet ?? DEFAULT_RULE_SET;
    try {
      rules = getRuleSet(wanted.id, wanted.version);
    } catch (e) {
      if (!(e instanceof RuleSetError)) throw e;
      throw new ProjectError(
        options.fileName,
        e.issues.map((i) => `settings.ruleSet: ${i}`),
      );
    }
  }
  const issues = checkProject(file, { rules, isKnownSubstance: options.isKnownSubstance });
  if (issues.length > 0) throw new ProjectError(options.fileName, issues);
  return buildProject(file, rules);
}

const point = (p: { x: Metres; y: Metres }): Point => [p.x, p.y];
const polygonOf = (p: readonly (readonly [Metres, Metres])[]): Point[] => p.map(([x, y]) => [x, y]);

function buildProject(file: ProjectFile, rules: RuleSet): Project {
  const s = file.settings;
  const site = file.site;
  const area = (a: ProjectFile['population'][number]): PopulationArea => ({
    id: a.id,
    name: a.name ?? a.id,
    ...(a.polygon ? { polygon: polygonOf(a.polygon) } : {}),
    ...(a.position ? { position: point(a.position) } : {}),
    population: { day: a.population.day, night: a.population.night },
    indoorFraction: {
      day: si.probability(a.indoorFraction?.day ?? rules.vulnerability.indoorFraction.day.value),
      night: si.probability(a.indoorFraction?.night ?? rules.vulnerability.indoorFraction.night.value),
    },
  });
  return {
    format: 'safedist-project',
    version: 1,
    name: file.name,
    site: {
      ...(site.origin
        ? { origin: { lon: si.degrees(site.origin.lon), lat: si.degrees(site.origin.lat) } }
        : {}),
      rotation: si.degrees(site.rotationDeg ?? 0),
      ...(site.boundary ? { boundary: polygonOf(site.boundary) } : {}),
      ...(site.residentsWithin500m !== undefined ? { residentsWithin500m: site.residentsWithin500m } : {}),
    },
    weather: buildWeather(file.weather, rules),
    installations: file.installations.map(buildInstallation),
    targets: file.targets.map((t): ProtectionTarget => ({ ...area(t), category: t.category })),
    population: file.population.map(area),
    probes: file.probes.map((p) => ({ id: p.id, position: [p.x, p.y] })),
    settings: {
      ruleSet: { id: rules.id, version: rules.version },
      cellSize: s.cellSize ?? DEFAULT_CELL_SIZE,
      thermalCertainDeathFlux: s.thermalCertainDeathFlux ?? rules.vulnerability.thermalCertainDeathFlux.value,
      locCatalogue: s.locCatalogue ?? 'purple-book',
      newInstallationRule: s.newInstallationRule ?? 'total',
    },
  };
}

/** Weather with the rule set's defaults for whatever the project leaves out (spec/standards.md A §4.3). */
function buildWeather(w: ProjectFile['weather'], rules: RuleSet): Weather {
  const d = rules.weather;
  const defaulted: Weather['defaulted'][number][] = [];
  const ambient = w?.ambient;
  if (
    !ambient ||
    ambient.temperature === undefined ||
    ambient.pressure === undefined ||
    ambient.relativeHumidity === undefined
  )
    defaulted.push('ambient');
  if (w?.dayFraction === undefined) defaulted.push('dayFraction');
  if (!w?.classes) defaulted.push('classes');
  if (!w?.windRose) defaulted.push('windRose');
  const classes =
    w?.classes ??
    d.classes.map((c) => ({
      id: c.id,
      stability: c.stability,
      windSpeed: c.windSpeed.value,
      probability: c.probability.value,
    }));
  const sectors = w?.windRose?.sectors ?? d.sectors.value;
  const uniform: Probability[] = Array.from({ length: sectors }, () => si.probability(1 / sectors));
  const shared = w?.windRose?.probabilities?.map(si.probability) ?? uniform;
  return {
    ambient: {
      temperature: ambient?.temperature ?? d.ambientTemperature.value,
      relativeHumidity: si.probability(ambient?.relativeHumidity ?? d.relativeHumidity.value),
      pressure: ambient?.pressure ?? d.ambientPressure.value,
    },
    dayFraction: si.probability(w?.dayFraction ?? d.dayFraction.value),
    sectors,
    classes: classes.map((c) => ({
      id: c.id,
      stability: c.stability,
      windSpeed: c.windSpeed,
      probability: si.probability(c.probability),
      windRose: w?.windRose?.byClass?.[c.id]?.map(si.probability) ?? shared,
    })),
    defaulted,
  };
}

function buildInstallation(i: ProjectFile['installations'][number]): Installation {
  return {
    id: i.id,
    name: i.name,
    kind: i.kind,
    status: i.status,
    unit: i.unit ?? i.id,
    position: point(i.position),
    ...(i.outline ? { outline: polygonOf(i.outline) } : {}),
    substance: i.substance,
    inventory: i.inventory,
    temperature: i.temperature,
    pressure: i.pressure,
    phase: i.phase,
    equipment: i.equipment.map(buildEquipment),
    ...(i.detection ? { detection: i.detection } : {}),
    ...(i.isolation ? { isolation: i.isolation } : {}),
    scenarios: i.scenarios.map((s) => ({
      id: s.id,
      type: s.type,
      frequency: s.frequency,
      outcomes: s.outcomes.map(buildOutcome),
    })),
    ...(i.explosive ? { explosive: buildExplosive(i.explosive) } : {}),
    ...(i.codeDistances
      ? {
          codeDistances: i.codeDistances.map((c): CodeDistanceRequirement => ({
            ...(c.target !== undefined ? { target: c.target } : {}),
            ...(c.targetCategory !== undefined ? { targetCategory: c.targetCategory } : {}),
            code: c.code,
            required: c.required,
            ...(c.actual !== undefined ? { actual: c.actual } : {}),
          })),
        }
      : {}),
  };
}

function buildExplosive(e: NonNullable<ProjectFile['installations'][number]['explosive']>): ExplosiveCharge {
  const source = e.source !== undefined ? { source: e.source } : {};
  if (e.tntEquivalent !== undefined) return { tntEquivalent: e.tntEquivalent, ...source };
  // checkProject guarantees mass and tntFactor when tntEquivalent is absent.
  return { mass: e.mass!, tntFactor: e.tntFactor!, ...source };
}

function buildOutcome(
  o: ProjectFile['installations'][number]['scenarios'][number]['outcomes'][number],
): UserOutcome {
  const base = { probability: si.probability(o.probability), effect: o.effect };
  if (o.zones)
    return {
      ...base,
      zones: o.zones.map((z) => ({ radius: z.radius, lethality: si.probability(z.lethality) })),
    };
  // checkProject guarantees exactly one of zones and downwind.
  return {
    ...base,
    downwind: (o.downwind ?? []).map((z) => ({
      length: z.length,
      halfWidth: z.halfWidth,
      lethality: si.probability(z.lethality),
    })),
  };
}

function buildEquipment(e: EquipmentFile): Equipment {
  const { frequencies, disable, reason, ...rest } = e;
  // The schema has checked every field's range; `fill` in [0, 1] is a Probability (brands are type-only).
  return {
    ...rest,
    frequencies: frequencies ?? {},
    disabled: disable ?? [],
    ...(reason !== undefined ? { reason } : {}),
  } as Equipment;
}
