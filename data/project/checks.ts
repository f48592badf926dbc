import { catalogueLocs } from '../../core/rules/loc.ts';
import { distanceToPolygon, polygonCentroid } from '../../core/risk/geometry.ts';
import { HOLE_CLASS_IDS, type RuleSet } from '../../core/rules/types.ts';
import { formatPath } from './issues.ts';
import type { EquipmentFile, ProjectFile } from './schema.ts';

/** Probabilities that must sum to 1 may be off by this much (rounded inputs). */
export const SUM_TOLERANCE = 1e-6;

/** What the cross-field checks need besides the file. */
export interface CheckContext {
  rules: RuleSet;
  /** True when a substance id names a substance of the library (or of the project). */
  isKnownSubstance: (id: string) => boolean;
}

/**
 * The rules of spec/project-format.md that span fields: probabilities summing to 1, a wind rose of
 * `sectors` numbers, unique ids, nested user-defined zones, known substances, LOC ids the catalogue has.
 * @returns one line per problem, `path: message`; empty when the file passes
 */
export function checkProject(file: ProjectFile, ctx: CheckContext): string[] {
  const issues: string[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push(`${formatPath(path)}: ${message}`);

  checkWeather(file, ctx.rules, add);

  const idsAt = (list: readonly { id: string }[], name: string) =>
    list.map((x, i) => ({ id: x.id, path: [name, i, 'id'] as PropertyKey[] }));
  unique(idsAt(file.installations, 'installations'), 'installation', add);
  // Targets and population areas are both population for societal risk: one id space.
  unique([...idsAt(file.targets, 'targets'), ...idsAt(file.population, 'population')], 'area', add);
  unique(idsAt(file.probes, 'probes'), 'probe', add);

  const catalogue = file.settings.locCatalogue ?? 'purple-book';
  file.installations.forEach((inst, i) => {
    const at = ['installations', i];
    if (!ctx.isKnownSubstance(inst.substance))
      add([...at, 'substance'], `unknown substance '${inst.substance}' (not in the substance library)`);
    unique(
      inst.scenarios.map((s, si) => ({ id: s.id, path: [...at, 'scenarios', si, 'id'] })),
      'scenario',
      add,
    );
    inst.equipment.forEach((eq, e) => checkOverrides(eq, catalogue, ctx.rules, [...at, 'equipment', e], add));
    inst.scenarios.forEach((s, si) =>
      s.outcomes.forEach((o, oi) => checkOutcome(o, [...at, 'scenarios', si, 'outcomes', oi], add)),
    );
    if (inst.explosive) checkExplosive(inst.explosive, [...at, 'explosive'], add);
    inst.codeDistances?.forEach((c, k) => checkCodeDistance(c, file, [...at, 'codeDistances', k], add));
  });

  for (const [list, name] of [
    [file.targets, 'targets'],
    [file.population, 'population'],
  ] as const) {
    list.forEach((area, i) => {
      if ((area.polygon === undefined) === (area.position === undefined))
        add([name, i], 'expected exactly one of polygon and position');
    });
  }
  checkTargetsOffSite(file, add);
  return issues;
}

/**
 * GB 36894 protection targets are off-site: a target whose position (or polygon centroid) lies inside the
 * plant fence is refused, naming the field. Touching the fence or sharing an edge with it is allowed.
 */
function checkTargetsOffSite(file: ProjectFile, add: Add): void {
  const fence = file.site.boundary;
  if (!fence) return;
  file.targets.forEach((t, i) => {
    const [x, y] = t.polygon
      ? polygonCentroid(t.polygon)
      : t.position
        ? [t.position.x, t.position.y]
        : [NaN, NaN];
    if (Number.isFinite(x) && distanceToPolygon(x, y, fence) === 0 && onNoEdge(x, y, fence))
      add(
        ['targets', i, t.polygon ? 'polygon' : 'position'],
        `protection target '${t.id}' lies inside the plant fence (site.boundary); protection targets are off-site areas`,
      );
  });
}

function onNoEdge(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  return polygon.every((_, k) => {
    const a = polygon[k]!;
    const b = polygon[(k + 1) % polygon.length]!;
    return distanceToPolygon(x, y, [a, b, a]) > 1e-9;
  });
}

type Add = (path: PropertyKey[], message: string) => void;

function unique(entries: readonly { id: string; path: PropertyKey[] }[], what: string, add: Add): void {
  const seen = new Map<string, PropertyKey[]>();
  for (const { id, path } of entries) {
    const first = seen.get(id);
    if (first) add(path, `duplicate ${what} id '${id}' (first used at ${formatPath(first)})`);
    else seen.set(id, path);
  }
}

function sumOf(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function checkWeather(file: ProjectFile, rules: RuleSet, add: Add): void {
  const w = file.weather;
  if (!w) return;
  const classes = w.classes ?? rules.weather.classes.map((c) => ({ id: c.id }));
  if (w.classes) {
    const total = sumOf(w.classes.map((c) => c.probability));
    if (Math.abs(total - 1) > SUM_TOLERANCE)
      add(['weather', 'classes'], `probabilities must sum to 1 (± ${SUM_TOLERANCE}), got ${total}`);
    unique(
      w.classes.map((c, i) => ({ id: c.id, path: ['weather', 'classes', i, 'id'] })),
      'weather class',
      add,
    );
  }
  const rose = w.windRose;
  if (!rose) return;
  const checkRose = (values: readonly number[], path: PropertyKey[]) => {
    if (values.length !== rose.sectors)
      add(path, `expected ${rose.sectors} probabilities (one per sector), got ${values.length}`);
    const total = sumOf(values);
    if (Math.abs(total - 1) > SUM_TOLERANCE)
      add(path, `probabilities must sum to 1 (± ${SUM_TOLERANCE}), got ${total}`);
  };
  if ((rose.probabilities === undefined) === (rose.byClass === undefined)) {
    add(['weather', 'windRose'], 'expected exactly one of probabilities and byClass');
    return;
  }
  if (rose.probabilities) checkRose(rose.probabilities, ['weather', 'windRose', 'probabilities']);
  if (rose.byClass) {
    const ids = new Set(classes.map((c) => c.id));
    for (const [key, values] of Object.entries(rose.byClass)) {
      if (!ids.has(key)) add(['weather', 'windRose', 'byClass', key], `no weather class '${key}'`);
      else checkRose(values, ['weather', 'windRose', 'byClass', key]);
    }
    for (const c of classes)
      if (!(c.id in rose.byClass))
        add(['weather', 'windRose', 'byClass'], `no wind rose for weather class '${c.id}'`);
  }
}

/** Override and disable keys must name LOCs the item actually draws from the chosen catalogue. */
function checkOverrides(
  eq: EquipmentFile,
  catalogue: 'purple-book' | 'hole-size',
  rules: RuleSet,
  at: PropertyKey[],
  add: Add,
): void {
  const known: readonly string[] =
    catalogue === 'hole-size' ? HOLE_CLASS_IDS : catalogueLocs(rules.locCatalogue, eq).map((l) => l.id);
  const list = known.join(', ');
  for (const key of Object.keys(eq.frequencies ?? {}))
    if (!known.includes(key))
      add([...at, 'frequencies', key], `no LOC '${key}' for this item (expected one of ${list})`);
  (eq.disable ?? []).forEach((key, k) => {
    if (!known.includes(key))
      add([...at, 'disable', k], `no LOC '${key}' for this item (expected one of ${list})`);
  });
  if (catalogue === 'hole-size' && Object.keys(eq.frequencies ?? {}).length === 0)
    add([...at, 'frequencies'], `the hole-size catalogue needs the item's frequencies (keys ${list})`);
}

type OutcomeFile = ProjectFile['installations'][number]['scenarios'][number]['outcomes'][number];

function checkOutcome(o: OutcomeFile, at: PropertyKey[], add: Add): void {
  if ((o.zones === undefined) === (o.downwind === undefined)) {
    add(at, 'expected exactly one of zones and downwind');
    return;
  }
  // Nested zones: the lethality at a point is the smallest containing zone's, so each must contain the last.
  o.zones?.forEach((z, i) => {
    const prev = o.zones?.[i - 1];
    if (prev && z.radius <= prev.radius)
      add([...at, 'zones', i, 'radius'], `radii must increase: ${z.radius} m after ${prev.radius} m`);
  });
  o.downwind?.forEach((z, i) => {
    const prev = o.downwind?.[i - 1];
    if (
      prev &&
      (z.length < prev.length ||
        z.halfWidth < prev.halfWidth ||
        (z.length === prev.length && z.halfWidth === prev.halfWidth))
    )
      add(
        [...at, 'downwind', i],
        'each downwind zone must contain the previous one (length and halfWidth not smaller, not both equal)',
      );
  });
}

type ExplosiveFile = NonNullable<ProjectFile['installations'][number]['explosive']>;

/** The charge is a TNT-equivalent mass, or a mass with its factor: exactly one form, nothing left to guess. */
function checkExplosive(e: ExplosiveFile, at: PropertyKey[], add: Add): void {
  const byFactor = e.mass !== undefined || e.tntFactor !== undefined;
  if (e.tntEquivalent !== undefined) {
    if (byFactor) add(at, 'expected either tntEquivalent, or mass with tntFactor, not both');
    return;
  }
  if (!byFactor) {
    add(at, 'expected tntEquivalent, or mass with tntFactor');
    return;
  }
  if (e.mass === undefined) add([...at, 'mass'], 'required with tntFactor (the mass of the explosive)');
  if (e.tntFactor === undefined)
    add([...at, 'tntFactor'], 'required with mass (the TNT-equivalence factor of the explosive; no default)');
}

type CodeDistanceFile = NonNullable<ProjectFile['installations'][number]['codeDistances']>[number];

/**
 * A code distance names an area that exists, agrees with its category, and has something to measure to
 * when the user gives no actual distance.
 */
function checkCodeDistance(c: CodeDistanceFile, file: ProjectFile, at: PropertyKey[], add: Add): void {
  if (c.target !== undefined) {
    const target = file.targets.find((t) => t.id === c.target);
    if (!target && !file.population.some((a) => a.id === c.target))
      add([...at, 'target'], `no protection target or population area '${c.target}'`);
    else if (target && c.targetCategory !== undefined && target.category !== c.targetCategory)
      add(
        [...at, 'targetCategory'],
        `target '${target.id}' is of category ${target.category}, not ${c.targetCategory}`,
      );
    return;
  }
  if (c.actual !== undefined) return;
  if (c.targetCategory === undefined)
    add(at, 'expected target or targetCategory (to measure the distance to), or actual');
  else if (!file.targets.some((t) => t.category === c.targetCategory))
    add(
      [...at, 'targetCategory'],
      `no protection target of category ${c.targetCategory} to measure to; give target or actual`,
    );
}
