import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  HAZARD_FLAGS,
  SUBSTANCE_PROPERTIES,
  type FlammableLiquidClass,
  type Substance,
  type SubstanceProperty,
  type ValueSource,
} from '../../core/substance/index.ts';
import type {
  JoulesPerKilogram,
  JoulesPerKilogramKelvin,
  Kelvin,
  Kilograms,
  KilogramsPerCubicMetre,
  KilogramsPerMole,
  KilogramsPerSquareMetreSecond,
  Pascals,
  VolumeFraction,
} from '../../core/units/index.ts';
import { CsvError, parseCsv, type CsvRecord } from './csv.ts';

/** The files of the built-in library, in this folder (docs/substances.md). */
export const LIBRARY_FILES = {
  substances: 'substances.csv',
  valueSources: 'value-sources.csv',
  sourceKeys: 'source-keys.csv',
} as const;

/** A library file that breaks the schema; the message names the file, the line, the row id and the field. */
export class SubstanceLibraryError extends Error {
  override name = 'SubstanceLibraryError';
}

/** The loaded library: every substance in file order, and the lookup. */
export interface SubstanceLibrary {
  readonly substances: readonly Substance[];
  /** Source key → description (source-keys.csv). */
  readonly sourceKeys: ReadonlyMap<string, { source: string; usedFor: string }>;
  /** By id, Chinese or English name, CAS or alias; case-, width- and space-insensitive. */
  find(query: string): Substance | undefined;
}

// ---------------------------------------------------------------- cell schemas

interface Bounds {
  gt?: number;
  min?: number;
  lt?: number;
  max?: number;
}

function describeBounds(b: Bounds): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.min !== undefined) parts.push(`≥ ${b.min}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.max !== undefined) parts.push(`≤ ${b.max}`);
  return parts.join(' and ');
}

/**
 * An optional SI number in a CSV cell: empty → undefined. The bounds catch unit mistakes (°C for K, MPa for Pa).
 * Not `quantity()` (data/schema): library cells are SI numbers by contract, never unit strings.
 */
function num(unit: string, bounds: Bounds = {}) {
  return z.string().transform((cell, ctx): number | undefined => {
    const text = cell.trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a number${unit ? ` in ${unit}` : ''}, got '${cell}'`,
      });
      return z.NEVER;
    }
    const out =
      (bounds.gt !== undefined && value <= bounds.gt) ||
      (bounds.min !== undefined && value < bounds.min) ||
      (bounds.lt !== undefined && value >= bounds.lt) ||
      (bounds.max !== undefined && value > bounds.max);
    if (out) {
      ctx.addIssue({
        code: 'custom',
        message: `out of range: ${value}${unit ? ` ${unit}` : ''} given, valid range ${describeBounds(bounds)}`,
      });
      return z.NEVER;
    }
    return value;
  });
}

const text = z.string().transform((s) => s.trim());
const requiredText = (what: string) => text.pipe(z.string().min(1, `required: ${what}`));
const optionalText = text.transform((s) => (s === '' ? undefined : s));

/** CAS number with a valid check digit (CAS registry rule: Σ position·digit mod 10). */
const casNumber = text.refine(isValidCas, {
  message: 'expected a CAS number NNNNNNN-NN-N with a valid check digit',
});

export function isValidCas(cas: string): boolean {
  const m = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas);
  if (!m) return false;
  const digits = (m[1]! + m[2]!).split('').reverse();
  const sum = digits.reduce((acc, d, i) => acc + (i + 1) * Number(d), 0);
  return sum % 10 === Number(m[3]);
}

const list = (separator: string) =>
  text.transform((s) =>
    s === ''
      ? []
      : s
          .split(separator)
          .map((x) => x.trim())
          .filter(Boolean),
  );

const temperature = num('K', { gt: 1, lt: 3000 });
const ANTOINE_UNITS = 'log10(P/Pa) = A - B/(T/K + C)';
const PROBIT_UNITS_PREFIX = 'mg/m3, min';

/** One row of substances.csv (the shared CSV's 40 columns plus variant_of, aliases, composition). */
const substanceRow = z
  .object({
    id: requiredText('an id').pipe(
      z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug such as hydrogen-sulfide'),
    ),
    name_zh: requiredText('a Chinese name'),
    name_en: requiredText('an English name'),
    cas: casNumber,
    formula: requiredText('a formula or mixture description'),
    molar_mass_kg_mol: num('kg/mol', { gt: 0.001, lt: 1 }),
    normal_boiling_point_K: temperature,
    melting_point_K: temperature,
    critical_temperature_K: temperature,
    critical_pressure_Pa: num('Pa', { gt: 1e5, lt: 1e8 }),
    acentric_factor: num('', { min: -0.5, max: 2 }),
    liquid_density_kg_m3: num('kg/m3', { gt: 50, lt: 25000 }),
    liquid_density_note: optionalText,
    liquid_heat_capacity_J_kgK: num('J/(kg·K)', { gt: 100, lt: 20000 }),
    gas_heat_capacity_cp_J_kgK: num('J/(kg·K)', { gt: 100, lt: 20000 }),
    gamma_cp_cv: num('', { gt: 1, lt: 1.7 }),
    heat_of_vaporization_J_kg: num('J/kg', { gt: 1e4, lt: 1e7 }),
    heat_of_combustion_J_kg: num('J/kg', { gt: 1e6, lt: 2e8 }),
    lfl_vol_fraction: num('volume fraction', { gt: 0, max: 1 }),
    ufl_vol_fraction: num('volume fraction', { gt: 0, max: 1 }),
    flash_point_K: temperature,
    autoignition_K: temperature,
    antoine_A: num(''),
    antoine_B: num('K', { gt: 0 }),
    antoine_C: num('K'),
    antoine_units: optionalText,
    antoine_Tmin_K: temperature,
    antoine_Tmax_K: temperature,
    reactivity: optionalText.pipe(z.enum(['low', 'medium', 'high']).optional()),
    max_burning_rate_kg_m2s: num('kg/(m2·s)', { gt: 0, lt: 1 }),
    k_beta_1_m: num('1/m', { gt: 0, lt: 50 }),
    toxic_probit_a: num(''),
    toxic_probit_b: num('', { gt: 0 }),
    toxic_probit_n: num('', { gt: 0 }),
    probit_units: optionalText,
    gb18218_critical_quantity_t: num('t', { gt: 0 }),
    gb18218_category: optionalText,
    hazard_flags: list('|').pipe(z.array(z.enum(HAZARD_FLAGS)).min(1, 'required: at least one hazard flag')),
    sources: list(';').pipe(z.array(z.string()).min(1, 'required: at least one source key')),
    notes: text,
    variant_of: optionalText,
    aliases: list(';'),
    composition: optionalText,
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const antoine = [r.antoine_A, r.antoine_B, r.antoine_C, r.antoine_Tmin_K, r.antoine_Tmax_K];
    if (antoine.some((v) => v !== undefined) && antoine.some((v) => v === undefined)) {
      issue('antoine_A', 'Antoine constants A, B, C, Tmin and Tmax must be given together');
    }
    if (r.antoine_A !== undefined && r.antoine_units !== ANTOINE_UNITS) {
      issue('antoine_units', `expected '${ANTOINE_UNITS}'`);
    }
    if (
      r.antoine_Tmin_K !== undefined &&
      r.antoine_Tmax_K !== undefined &&
      r.antoine_Tmin_K >= r.antoine_Tmax_K
    ) {
      issue('antoine_Tmax_K', 'must be above antoine_Tmin_K');
    }
    const probit = [r.toxic_probit_a, r.toxic_probit_b, r.toxic_probit_n];
    if (probit.some((v) => v !== undefined) && probit.some((v) => v === undefined)) {
      issue('toxic_probit_a', 'probit constants a, b and n must be given together');
    }
    if (r.toxic_probit_a !== undefined && !r.probit_units?.startsWith(PROBIT_UNITS_PREFIX)) {
      issue('probit_units', `expected the Purple Book units '${PROBIT_UNITS_PREFIX}' (C in mg/m3, t in min)`);
    }
    if (r.k_beta_1_m !== undefined && r.max_burning_rate_kg_m2s === undefined) {
      issue('k_beta_1_m', 'kβ given without max_burning_rate_kg_m2s');
    }
    if (
      r.lfl_vol_fraction !== undefined &&
      r.ufl_vol_fraction !== undefined &&
      r.lfl_vol_fraction >= r.ufl_vol_fraction
    ) {
      issue('ufl_vol_fraction', 'must be above lfl_vol_fraction');
    }
    if (
      r.normal_boiling_point_K !== undefined &&
      r.critical_temperature_K !== undefined &&
      r.normal_boiling_point_K >= r.critical_temperature_K
    ) {
      issue('critical_temperature_K', 'must be above normal_boiling_point_K');
    }
    if (r.gb18218_critical_quantity_t !== undefined && r.gb18218_category === undefined) {
      issue('gb18218_category', 'required when gb18218_critical_quantity_t is given');
    }
  });

type SubstanceRow = z.output<typeof substanceRow>;

const valueSourceRow = z
  .object({
    id: requiredText('a substance id'),
    property: text.pipe(z.enum(SUBSTANCE_PROPERTIES)),
    sources: list(';').pipe(z.array(z.string()).min(1, 'required: at least one source key')),
    basis: requiredText('how the value was chosen'),
  })
  .strict();

const sourceKeyRow = z
  .object({
    key: requiredText('a key').pipe(
      z.string().regex(/^[A-Za-z0-9-]+$/, 'expected letters, digits and dashes'),
    ),
    source: requiredText('the source'),
    used_for: text,
  })
  .strict();

// ---------------------------------------------------------------- building substances

/** 0 °C, 21 °C, 55 °C, 100 °C: the flash-point boundaries of the flammable-liquid classes K1–K4. */
const K1_BELOW = 294.15;
const K2_UP_TO = 328.15;
const K3_UP_TO = 373.15;

/**
 * Dutch/Purple Book flammable-liquid class from the closed-cup flash point: K1 < 21 °C, K2 21–55 °C,
 * K3 55–100 °C, K4 > 100 °C (CPR/PGS practice; standards.md A §4.2 confirms the K1 bound).
 */
export function flammableLiquidClass(flashPoint: Kelvin): FlammableLiquidClass {
  if (flashPoint < K1_BELOW) return 'K1';
  if (flashPoint <= K2_UP_TO) return 'K2';
  if (flashPoint <= K3_UP_TO) return 'K3';
  return 'K4';
}

const AT_20_C = 293.15;

/** The temperature a liquid density refers to, read from its basis note; undefined where not stated. */
function densityTemperature(note: string | undefined, tb: number | undefined): number | undefined {
  if (!note) return undefined;
  if (/saturated liquid at normal boiling point/.test(note)) return tb;
  const at = /at (?:bubble|triple) point ([\d.]+) K/.exec(note);
  if (at) return Number(at[1]);
  if (/^liquid(?: \S+)? at 20 C\b/.test(note)) return AT_20_C;
  return undefined;
}

function build(r: SubstanceRow): Substance {
  const flags = r.hazard_flags;
  const isLiquidFuel = flags.includes('flammable_liquid') || flags.includes('combustible_liquid');
  const cpLiquidAt = /cp\(liquid\) at ([\d.]+) K/.exec(r.notes);
  const gbCategory = /^(J[1-5]|W\d+(?:\.\d)?)\b/.exec(r.gb18218_category ?? '');
  const table1Row = /Table 1 #(\d+)/.exec(r.gb18218_category ?? '');
  const liquidDensityTemperature = densityTemperature(r.liquid_density_note, r.normal_boiling_point_K);
  return {
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    cas: r.cas,
    formula: r.formula,
    aliases: r.aliases,
    variantOf: r.variant_of,
    composition: r.composition,
    molarMass: r.molar_mass_kg_mol as KilogramsPerMole | undefined,
    normalBoilingPoint: r.normal_boiling_point_K as Kelvin | undefined,
    meltingPoint: r.melting_point_K as Kelvin | undefined,
    criticalTemperature: r.critical_temperature_K as Kelvin | undefined,
    criticalPressure: r.critical_pressure_Pa as Pascals | undefined,
    acentricFactor: r.acentric_factor,
    liquidDensity: r.liquid_density_kg_m3 as KilogramsPerCubicMetre | undefined,
    liquidDensityTemperature:
      r.liquid_density_kg_m3 === undefined ? undefined : (liquidDensityTemperature as Kelvin | undefined),
    liquidDensityBasis: r.liquid_density_note,
    liquidHeatCapacity: r.liquid_heat_capacity_J_kgK as JoulesPerKilogramKelvin | undefined,
    liquidHeatCapacityTemperature:
      r.liquid_heat_capacity_J_kgK !== undefined && cpLiquidAt
        ? (Number(cpLiquidAt[1]) as Kelvin)
        : undefined,
    gasHeatCapacity: r.gas_heat_capacity_cp_J_kgK as JoulesPerKilogramKelvin | undefined,
    gamma: r.gamma_cp_cv,
    heatOfVaporization: r.heat_of_vaporization_J_kg as JoulesPerKilogram | undefined,
    heatOfCombustion: r.heat_of_combustion_J_kg as JoulesPerKilogram | undefined,
    lowerFlammabilityLimit: r.lfl_vol_fraction as VolumeFraction | undefined,
    upperFlammabilityLimit: r.ufl_vol_fraction as VolumeFraction | undefined,
    flashPoint: r.flash_point_K as Kelvin | undefined,
    autoignitionTemperature: r.autoignition_K as Kelvin | undefined,
    antoine:
      r.antoine_A === undefined
        ? undefined
        : {
            a: r.antoine_A,
            b: r.antoine_B!,
            c: r.antoine_C!,
            tMin: r.antoine_Tmin_K! as Kelvin,
            tMax: r.antoine_Tmax_K! as Kelvin,
          },
    reactivity: r.reactivity,
    poolBurningRate:
      r.max_burning_rate_kg_m2s === undefined
        ? undefined
        : { maxBurningRate: r.max_burning_rate_kg_m2s as KilogramsPerSquareMetreSecond, kBeta: r.k_beta_1_m },
    toxicProbit:
      r.toxic_probit_a === undefined
        ? undefined
        : { a: r.toxic_probit_a, b: r.toxic_probit_b!, n: r.toxic_probit_n!, units: 'mg/m3-min' },
    gb18218:
      r.gb18218_category === undefined
        ? undefined
        : {
            criticalQuantity:
              r.gb18218_critical_quantity_t === undefined
                ? undefined
                : ((r.gb18218_critical_quantity_t * 1000) as Kilograms),
            table1Row: table1Row && r.gb18218_category.startsWith('named') ? Number(table1Row[1]) : undefined,
            category: gbCategory?.[1],
            basis: r.gb18218_category,
          },
    hazards: flags,
    flammableLiquidClass:
      isLiquidFuel && r.flash_point_K !== undefined
        ? flammableLiquidClass(r.flash_point_K as Kelvin)
        : undefined,
    valueSources: {},
    sources: r.sources,
    notes: r.notes,
  };
}

// ---------------------------------------------------------------- lookup

/** Lookup key: Unicode NFKC (full-width → ASCII), lower case, no spaces. */
export function lookupKey(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function lookupKeysOf(s: Substance): string[] {
  // A variant is found by its id, names and aliases, but its CAS leads to the parent.
  const keys = [s.id, s.nameZh, s.nameEn, ...s.aliases];
  if (!s.variantOf) keys.push(s.cas);
  return [...new Set(keys.map(lookupKey))];
}

// ---------------------------------------------------------------- parsing

/** The three library files as text, with the names used in error messages. */
export interface SubstanceLibraryFiles {
  substances: { name: string; text: string };
  valueSources: { name: string; text: string };
  sourceKeys: { name: string; text: string };
}

function where(file: string, rec: CsvRecord): string {
  const id = rec.cells.id?.trim();
  return `${file} line ${rec.line}${id ? ` (id '${id}')` : ''}`;
}

function parseRows<S extends z.ZodType>(file: string, records: CsvRecord[], schema: S): z.output<S>[] {
  return records.map((rec) => {
    const parsed = schema.safeParse(rec.cells);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      throw new SubstanceLibraryError(
        `${where(file, rec)}: unknown column(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
      );
    }
    const field = issue.path.map(String).join('.');
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'missing column'
        : issue.message.replace(/^Invalid input: /, '');
    throw new SubstanceLibraryError(`${where(file, rec)}, field '${field}': ${message}`);
  });
}

function table(file: { name: string; text: string }): CsvRecord[] {
  try {
    return parseCsv(file.text, file.name).records;
  } catch (e) {
    if (e instanceof CsvError) throw new SubstanceLibraryError(e.message);
    throw e;
  }
}

/** Whether a substance has a value for a property (the value-source map must cover exactly these). */
function hasValue(s: Substance, property: SubstanceProperty): boolean {
  if (property === 'hazards') return s.hazards.length > 0;
  return s[property] !== undefined;
}

/**
 * Parses and validates the library from file contents (no I/O): every row against the zod schema, unique ids,
 * unique CAS numbers apart from declared variants, unambiguous lookup keys, a source for every value and a
 * definition for every source key.
 * @throws SubstanceLibraryError naming the file, the line, the row id and the field
 */
export function parseSubstanceLibrary(files: SubstanceLibraryFiles): SubstanceLibrary {
  const keyRecords = table(files.sourceKeys);
  const keyRows = parseRows(files.sourceKeys.name, keyRecords, sourceKeyRow);
  const sourceKeys = new Map<string, { source: string; usedFor: string }>();
  keyRows.forEach((k, i) => {
    if (sourceKeys.has(k.key)) {
      throw new SubstanceLibraryError(
        `${files.sourceKeys.name} line ${keyRecords[i]!.line}: key '${k.key}' defined twice`,
      );
    }
    sourceKeys.set(k.key, { source: k.source, usedFor: k.used_for });
  });
  const checkKeys = (file: string, rec: CsvRecord, field: string, keys: readonly string[]) => {
    const unknown = keys.find((k) => !sourceKeys.has(k));
    if (unknown !== undefined) {
      throw new SubstanceLibraryError(
        `${where(file, rec)}, field '${field}': source key '${unknown}' is not defined in ${files.sourceKeys.name}`,
      );
    }
  };

  const subFile = files.substances.name;
  const subRecords = table(files.substances);
  const rows = parseRows(subFile, subRecords, substanceRow);
  const substances = rows.map(build);
  const byId = new Map<string, Substance>();
  substances.forEach((s, i) => {
    const rec = subRecords[i]!;
    if (byId.has(s.id)) throw new SubstanceLibraryError(`${where(subFile, rec)}, field 'id': duplicate id`);
    checkKeys(subFile, rec, 'sources', s.sources);
    byId.set(s.id, s);
  });
  const byCas = new Map<string, Substance>();
  substances.forEach((s, i) => {
    const rec = subRecords[i]!;
    if (s.variantOf !== undefined) {
      const parent = byId.get(s.variantOf);
      if (!parent || parent.variantOf !== undefined) {
        throw new SubstanceLibraryError(
          `${where(subFile, rec)}, field 'variant_of': '${s.variantOf}' is not a substance id of a non-variant row`,
        );
      }
      if (parent.cas !== s.cas) {
        throw new SubstanceLibraryError(
          `${where(subFile, rec)}, field 'cas': a variant must share the CAS of '${parent.id}'`,
        );
      }
      return;
    }
    const other = byCas.get(s.cas);
    if (other) {
      throw new SubstanceLibraryError(
        `${where(subFile, rec)}, field 'cas': ${s.cas} is also '${other.id}'; mark one row variant_of the other`,
      );
    }
    byCas.set(s.cas, s);
  });
  const index = new Map<string, Substance>();
  substances.forEach((s, i) => {
    for (const key of lookupKeysOf(s)) {
      const other = index.get(key);
      if (other && other !== s) {
        throw new SubstanceLibraryError(
          `${where(subFile, subRecords[i]!)}, field 'aliases': '${key}' already finds '${other.id}'`,
        );
      }
      index.set(key, s);
    }
  });

  const vsFile = files.valueSources.name;
  const vsRecords = table(files.valueSources);
  const vsRows = parseRows(vsFile, vsRecords, valueSourceRow);
  const mapped = new Map<string, Partial<Record<SubstanceProperty, ValueSource>>>();
  vsRows.forEach((v, i) => {
    const rec = vsRecords[i]!;
    const s = byId.get(v.id);
    if (!s)
      throw new SubstanceLibraryError(
        `${where(vsFile, rec)}, field 'id': no substance '${v.id}' in ${subFile}`,
      );
    if (v.property === 'flammableLiquidClass') {
      throw new SubstanceLibraryError(
        `${where(vsFile, rec)}, field 'property': flammableLiquidClass is derived, not sourced`,
      );
    }
    if (!hasValue(s, v.property)) {
      throw new SubstanceLibraryError(
        `${where(vsFile, rec)}, field 'property': '${v.id}' has no ${v.property} value`,
      );
    }
    checkKeys(vsFile, rec, 'sources', v.sources);
    const map = mapped.get(v.id) ?? {};
    if (map[v.property]) {
      throw new SubstanceLibraryError(`${where(vsFile, rec)}, field 'property': ${v.property} listed twice`);
    }
    map[v.property] = { keys: v.sources, basis: v.basis };
    mapped.set(v.id, map);
  });
  substances.forEach((s, i) => {
    const map = mapped.get(s.id) ?? {};
    for (const p of SUBSTANCE_PROPERTIES) {
      if (p === 'flammableLiquidClass' || !hasValue(s, p) || map[p]) continue;
      throw new SubstanceLibraryError(
        `${where(subFile, subRecords[i]!)}: ${p} has a value but no source in ${vsFile}`,
      );
    }
    if (s.flammableLiquidClass !== undefined && map.flashPoint) {
      map.flammableLiquidClass = {
        keys: ['DERIVED', ...map.flashPoint.keys],
        basis: 'from the flash point: K1 < 21 °C, K2 21–55 °C, K3 55–100 °C, K4 > 100 °C',
      };
    }
    s.valueSources = map;
  });

  return {
    substances,
    sourceKeys,
    find: (query) => index.get(lookupKey(query)),
  };
}

// ---------------------------------------------------------------- loading from disk

const HERE = fileURLToPath(new URL('.', import.meta.url));

/**
 * Reads and validates the built-in substance library (substances.csv, value-sources.csv, source-keys.csv)
 * from `directory` (default: this folder).
 * @throws SubstanceLibraryError naming the file, line, row id and field of the first invalid value
 */
export function loadSubstanceLibrary(directory: string = HERE): SubstanceLibrary {
  const read = (name: string) => {
    const path = join(directory, name);
    try {
      return { name: path, text: readFileSync(path, 'utf8') };
    } catch (e) {
      throw new SubstanceLibraryError(
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
  };
  return parseSubstanceLibrary({
    substances: read(LIBRARY_FILES.substances),
    valueSources: read(LIBRARY_FILES.valueSources),
    sourceKeys: read(LIBRARY_FILES.sourceKeys),
  });
}

let builtIn: SubstanceLibrary | undefined;

/** The built-in library, loaded once. */
export function builtInLibrary(): SubstanceLibrary {
  builtIn ??= loadSubstanceLibrary();
  return builtIn;
}

/**
 * Finds a substance by id (`chlorine`), Chinese name (`氯`), English name (`Chlorine`, any case), CAS
 * (`7782-50-5`) or alias (`液氯`, `天然气`, `LPG`). A CAS shared by a variant finds the parent row
 * (74-82-8 → `methane`, not `lng`).
 */
export function findSubstance(
  query: string,
  library: SubstanceLibrary = builtInLibrary(),
): Substance | undefined {
  return library.find(query);
}

/** All substances of the library in file order (id, names, CAS and every property). */
export function listSubstances(library: SubstanceLibrary = builtInLibrary()): readonly Substance[] {
  return library.substances;
}
