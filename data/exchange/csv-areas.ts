import { TARGET_CATEGORIES, type TargetCategory } from '../../core/rules/types.ts';
import { CsvError, parseCsv } from '../substances/csv.ts';

/** A CSV that cannot be imported; the message names the file, and the line and column where it applies. */
export class CsvImportError extends Error {
  override name = 'CsvImportError';
}

/** What a CSV of areas becomes: protection targets (with a category) or population areas (without). */
export type AreaKind = 'targets' | 'population';

/**
 * Accepted headers per field (case-, space- and underscore-insensitive); docs/project-files.md lists them.
 * Chinese headers are those of common assessment-report tables.
 */
const COLUMNS = {
  id: ['id', '编号', '代号'],
  name: ['name', '名称'],
  category: ['category', '类别', '防护目标类别'],
  day: ['day', 'populationday', '白天人口', '日间人口'],
  night: ['night', 'populationnight', '夜间人口'],
  indoor: ['indoor', 'indoorfraction', '室内比例'],
  indoorDay: ['indoorday', '白天室内比例', '日间室内比例'],
  indoorNight: ['indoornight', '夜间室内比例'],
  x: ['x', 'x坐标', '坐标x'],
  y: ['y', 'y坐标', '坐标y'],
  wkt: ['wkt', 'polygon', '边界', '范围'],
} as const;
type Field = keyof typeof COLUMNS;

const normalise = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_()（）-]/g, '');

/** Category names accepted besides the ids of spec/project-format.md (GB 36894 Table 1 wording). */
const CATEGORY_ALIASES: Record<string, TargetCategory> = {
  高敏感: 'high-sensitivity',
  高敏感防护目标: 'high-sensitivity',
  重要: 'important',
  重要防护目标: 'important',
  一般一类: 'general-1',
  一般防护目标一类: 'general-1',
  一般二类: 'general-2',
  一般防护目标二类: 'general-2',
  一般三类: 'general-3',
  一般防护目标三类: 'general-3',
};

function category(value: string): TargetCategory | undefined {
  const v = value.trim();
  if ((TARGET_CATEGORIES as readonly string[]).includes(v)) return v as TargetCategory;
  return CATEGORY_ALIASES[v.replace(/\s/g, '')];
}

/** Reads `POLYGON ((x y, x y, …))` (outer ring; a repeated closing point is dropped). */
export function parseWktPolygon(text: string): [number, number][] | string {
  const m = /^\s*POLYGON\s*\(\s*\(([^()]*)\)(?:\s*,\s*\([^()]*\))*\s*\)\s*$/i.exec(text);
  if (!m) return 'expected WKT POLYGON ((x y, x y, …)) in site metres';
  const points: [number, number][] = [];
  for (const pair of m[1]!.split(',')) {
    const parts = pair.trim().split(/\s+/);
    const [x, y] = parts.map(Number);
    if (parts.length !== 2 || !Number.isFinite(x) || !Number.isFinite(y))
      return `expected "x y" coordinates in the WKT, got '${pair.trim()}'`;
    points.push([x!, y!]);
  }
  const first = points[0];
  const last = points.at(-1);
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length < 3) return 'expected a polygon of at least 3 distinct points';
  return points;
}

/**
 * Reads a CSV of protection targets or population areas into project JSON entries (spec/project-format.md
 * `targets` / `population`). Columns (any order; Chinese headers accepted): id, name, category (targets
 * only), day and night population, indoor fraction (one column for both, or day and night columns; a
 * fraction or a percentage such as 93%), and either x and y (m, site plane) or a WKT polygon.
 * @param kind targets or population; by default targets when a category column is present
 * @throws CsvImportError naming the file, line and column of the first problem found
 */
export function areasFromCsv(
  text: string,
  fileName: string,
  kind?: AreaKind,
): { kind: AreaKind; areas: Record<string, unknown>[] } {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, fileName);
  } catch (e) {
    if (e instanceof CsvError) throw new CsvImportError(e.message);
    throw e;
  }
  const headerOf = new Map<Field, string>();
  for (const h of table.header) {
    const field = (Object.keys(COLUMNS) as Field[]).find((f) =>
      (COLUMNS[f] as readonly string[]).includes(normalise(h)),
    );
    if (!field)
      throw new CsvImportError(`${fileName} line 1: unknown column '${h}' (see docs/project-files.md)`);
    if (headerOf.has(field))
      throw new CsvImportError(
        `${fileName} line 1: columns '${headerOf.get(field)}' and '${h}' both give ${field}`,
      );
    headerOf.set(field, h);
  }
  const as = kind ?? (headerOf.has('category') ? 'targets' : 'population');
  const required: Field[] = ['id', 'day', 'night', ...(as === 'targets' ? (['category'] as const) : [])];
  const missing = required.filter((f) => !headerOf.has(f));
  const hasXy = headerOf.has('x') || headerOf.has('y');
  if (hasXy && !(headerOf.has('x') && headerOf.has('y'))) missing.push(headerOf.has('x') ? 'y' : 'x');
  if (!hasXy && !headerOf.has('wkt')) missing.push('x', 'y');
  if (missing.length > 0)
    throw new CsvImportError(
      `${fileName} line 1: missing column${missing.length > 1 ? 's' : ''} ${missing
        .map((f) => `${f} (${COLUMNS[f].join(' / ')})`)
        .join(', ')}`,
    );

  const ids = new Set<string>();
  const areas = table.records.map(({ line, cells }) => {
    const cell = (f: Field) => {
      const h = headerOf.get(f);
      return h === undefined ? '' : cells[h]!.trim();
    };
    const fail = (f: Field, message: string): never => {
      throw new CsvImportError(`${fileName} line ${line}, column '${headerOf.get(f) ?? f}': ${message}`);
    };
    const number = (f: Field, what: string) => {
      const raw = cell(f);
      const v = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) fail(f, `expected ${what}, got '${raw}'`);
      return v;
    };
    const people = (f: Field) => {
      const v = number(f, 'a number of people ≥ 0');
      if (v < 0) fail(f, `expected a number of people ≥ 0, got ${v}`);
      return v;
    };
    const fraction = (f: Field) => {
      const raw = cell(f);
      if (raw === '') return undefined;
      const percent = raw.endsWith('%');
      const v = Number(percent ? raw.slice(0, -1) : raw) / (percent ? 100 : 1);
      if (!Number.isFinite(v) || v < 0 || v > 1)
        fail(f, `expected a fraction in [0, 1] or a percentage, got '${raw}'`);
      return v;
    };

    const id = cell('id');
    if (id === '') fail('id', 'expected a non-empty id');
    if (ids.has(id)) fail('id', `id '${id}' appears twice`);
    ids.add(id);
    const indoorBoth = fraction('indoor');
    const indoorDay = fraction('indoorDay') ?? indoorBoth;
    const indoorNight = fraction('indoorNight') ?? indoorBoth;
    let geometry: Record<string, unknown>;
    if (cell('wkt') !== '') {
      const polygon = parseWktPolygon(cell('wkt'));
      if (typeof polygon === 'string') fail('wkt', polygon);
      geometry = { polygon };
    } else if (hasXy) {
      geometry = { position: { x: number('x', 'x in m'), y: number('y', 'y in m') } };
    } else geometry = fail('wkt', 'expected a WKT polygon (or x and y columns)');

    let cat: TargetCategory | undefined;
    if (as === 'targets') {
      cat = category(cell('category'));
      if (!cat)
        fail(
          'category',
          `expected one of ${TARGET_CATEGORIES.join(', ')} or 高敏感/重要/一般一类/一般二类/一般三类, got '${cell('category')}'`,
        );
    }
    const name = cell('name');
    return {
      id,
      ...(name !== '' ? { name } : {}),
      ...(cat ? { category: cat } : {}),
      ...geometry,
      population: { day: people('day'), night: people('night') },
      ...(indoorDay !== undefined || indoorNight !== undefined
        ? {
            indoorFraction: {
              ...(indoorDay !== undefined ? { day: indoorDay } : {}),
              ...(indoorNight !== undefined ? { night: indoorNight } : {}),
            },
          }
        : {}),
    };
  });
  if (areas.length === 0) throw new CsvImportError(`${fileName}: no rows after the header`);
  return { kind: as, areas };
}

/**
 * The project JSON with CSV areas merged in: an area whose id is already there replaces it in place, new ids
 * are appended; with `replace`, the list is replaced whole.
 */
export function mergeAreas(
  project: Record<string, unknown>,
  kind: AreaKind,
  areas: readonly Record<string, unknown>[],
  replace = false,
): Record<string, unknown> {
  const existing =
    replace || !Array.isArray(project[kind]) ? [] : (project[kind] as Record<string, unknown>[]);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const merged = existing.map((a) => byId.get(a.id) ?? a);
  const present = new Set(existing.map((a) => a.id));
  merged.push(...areas.filter((a) => !present.has(a.id)));
  return { ...project, [kind]: merged };
}
