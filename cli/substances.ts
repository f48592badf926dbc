import type { Substance, SubstanceProperty } from '../core/substance/index.ts';
import { ZERO_CELSIUS } from '../core/units/index.ts';
import {
  builtInLibrary,
  lookupKey,
  SubstanceLibraryError,
  type SubstanceLibrary,
} from '../data/substances/library.ts';
import { UsageError, type CliIo } from './io.ts';

/** SI unit of each property in `safedist substances <query> --json` (docs/substances.md). */
export const PROPERTY_UNITS = {
  molarMass: 'kg/mol',
  normalBoilingPoint: 'K',
  meltingPoint: 'K',
  criticalTemperature: 'K',
  criticalPressure: 'Pa',
  acentricFactor: '1',
  liquidDensity: 'kg/m3',
  liquidDensityTemperature: 'K',
  liquidHeatCapacity: 'J/(kg K)',
  liquidHeatCapacityTemperature: 'K',
  gasHeatCapacity: 'J/(kg K)',
  gamma: '1',
  heatOfVaporization: 'J/kg',
  heatOfCombustion: 'J/kg',
  lowerFlammabilityLimit: 'mol/mol',
  upperFlammabilityLimit: 'mol/mol',
  flashPoint: 'K',
  autoignitionTemperature: 'K',
  'antoine.a': 'log10(P/Pa) = a - b/(T/K + c)',
  'antoine.b': 'K',
  'antoine.c': 'K',
  'antoine.tMin': 'K',
  'antoine.tMax': 'K',
  'poolBurningRate.maxBurningRate': 'kg/(m2 s)',
  'poolBurningRate.kBeta': '1/m',
  'toxicProbit.a': 'Pr = a + b ln(C^n t), C in mg/m3, t in min',
  'gb18218.criticalQuantity': 'kg',
} as const;

interface Line {
  label: string;
  value: string;
  source?: SubstanceProperty;
}

const celsius = (k: number) => `${k} K (${+(k - ZERO_CELSIUS).toFixed(2)} °C)`;
const percent = (f: number) => `${f} (${+(f * 100).toFixed(3)} %)`;

/** Every property of one substance as label / value with unit / source property, in a fixed order. */
function detailLines(s: Substance): Line[] {
  const lines: Line[] = [];
  const add = (label: string, value: string | undefined, source?: SubstanceProperty) => {
    if (value !== undefined) lines.push({ label, value, source });
  };
  const n = (v: number | undefined, unit: string) => (v === undefined ? undefined : `${v} ${unit}`);
  const t = (v: number | undefined) => (v === undefined ? undefined : celsius(v));
  add('molar mass', n(s.molarMass, 'kg/mol'), 'molarMass');
  add('normal boiling point', t(s.normalBoilingPoint), 'normalBoilingPoint');
  add('melting point', t(s.meltingPoint), 'meltingPoint');
  add('critical temperature', t(s.criticalTemperature), 'criticalTemperature');
  add('critical pressure', n(s.criticalPressure, 'Pa'), 'criticalPressure');
  add('acentric factor', s.acentricFactor?.toString(), 'acentricFactor');
  add(
    'liquid density',
    s.liquidDensity === undefined
      ? undefined
      : `${s.liquidDensity} kg/m3${s.liquidDensityTemperature !== undefined ? ` at ${s.liquidDensityTemperature} K` : ''}`,
    'liquidDensity',
  );
  add('  basis', s.liquidDensityBasis);
  add(
    'liquid heat capacity',
    s.liquidHeatCapacity === undefined
      ? undefined
      : `${s.liquidHeatCapacity} J/(kg K)${s.liquidHeatCapacityTemperature !== undefined ? ` at ${s.liquidHeatCapacityTemperature} K` : ''}`,
    'liquidHeatCapacity',
  );
  add('gas heat capacity cp (298.15 K)', n(s.gasHeatCapacity, 'J/(kg K)'), 'gasHeatCapacity');
  add('gamma cp/cv (298.15 K)', s.gamma?.toString(), 'gamma');
  add('heat of vaporisation (at Tb)', n(s.heatOfVaporization, 'J/kg'), 'heatOfVaporization');
  add('heat of combustion (LHV, 25 °C)', n(s.heatOfCombustion, 'J/kg'), 'heatOfCombustion');
  add(
    'LFL',
    s.lowerFlammabilityLimit === undefined ? undefined : percent(s.lowerFlammabilityLimit),
    'lowerFlammabilityLimit',
  );
  add(
    'UFL',
    s.upperFlammabilityLimit === undefined ? undefined : percent(s.upperFlammabilityLimit),
    'upperFlammabilityLimit',
  );
  add('flash point', t(s.flashPoint), 'flashPoint');
  add('autoignition temperature', t(s.autoignitionTemperature), 'autoignitionTemperature');
  if (s.antoine) {
    const { a, b, c, tMin, tMax } = s.antoine;
    add(
      'Antoine log10(P/Pa) = a - b/(T/K + c)',
      `a ${a}, b ${b} K, c ${c} K, valid ${tMin}–${tMax} K`,
      'antoine',
    );
  }
  add('reactivity (blast, ignition)', s.reactivity, 'reactivity');
  if (s.poolBurningRate) {
    const { maxBurningRate, kBeta } = s.poolBurningRate;
    add(
      'pool burning rate m″∞, kβ',
      `${maxBurningRate} kg/(m2 s), ${kBeta === undefined ? 'independent of D' : `kβ ${kBeta} 1/m`}`,
      'poolBurningRate',
    );
  }
  if (s.toxicProbit) {
    const { a, b, n: exponent } = s.toxicProbit;
    add(
      'toxic probit Pr = a + b ln(C^n t)',
      `a ${a}, b ${b}, n ${exponent} (C in mg/m3, t in min)`,
      'toxicProbit',
    );
  }
  if (s.gb18218) {
    const q = s.gb18218.criticalQuantity;
    add('GB 18218 critical quantity Q', q === undefined ? 'none' : `${q} kg (${q / 1000} t)`, 'gb18218');
    add('  classification', s.gb18218.basis);
  }
  add('hazards', s.hazards.join(', '), 'hazards');
  add('flammable-liquid class', s.flammableLiquidClass, 'flammableLiquidClass');
  return lines;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function listText(substances: readonly Substance[]): string {
  const rows = [
    ['id', '中文名', 'English', 'CAS'],
    ...substances.map((s) => [s.id, s.nameZh, s.nameEn, s.cas]),
  ];
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => displayWidth(r[k]!))));
  return rows
    .map((r) => `${r.map((cell, k) => (k < 3 ? pad(cell, widths[k]!) : cell)).join('  ')}\n`)
    .join('');
}

function detailText(s: Substance, library: SubstanceLibrary): string {
  const out: string[] = [`${s.id}  ${s.nameZh}  ${s.nameEn}`, `CAS ${s.cas}   formula ${s.formula}`];
  if (s.aliases.length) out.push(`also found as: ${s.aliases.join(', ')}`);
  if (s.variantOf) out.push(`variant of: ${s.variantOf}`);
  if (s.composition) out.push(`composition: ${s.composition}`);
  out.push('', 'All values SI. Source keys are explained at the end.', '');
  const lines = detailLines(s);
  const labelWidth = Math.max(...lines.map((l) => displayWidth(l.label)));
  const usedKeys = new Set<string>();
  for (const line of lines) {
    const source = line.source ? s.valueSources[line.source] : undefined;
    source?.keys.forEach((k) => usedKeys.add(k));
    out.push(`${pad(line.label, labelWidth)}  ${line.value}`);
    if (source) out.push(`${' '.repeat(labelWidth)}    source: ${source.keys.join(', ')} — ${source.basis}`);
  }
  out.push('', `notes: ${s.notes}`, '', 'sources:');
  for (const key of usedKeys)
    out.push(`  ${key}: ${library.sourceKeys.get(key)?.source ?? '(undefined key)'}`);
  return `${out.join('\n')}\n`;
}

/** Ids and names that contain the query, to suggest after a miss. */
function suggestions(query: string, library: SubstanceLibrary): string[] {
  const key = lookupKey(query);
  if (key.length < 2) return [];
  return library.substances
    .filter((s) => [s.id, s.nameZh, s.nameEn, ...s.aliases].some((name) => lookupKey(name).includes(key)))
    .map((s) => s.id)
    .slice(0, 8);
}

/**
 * `safedist substances [query] [--json]`: without a query, lists the built-in library (id, 中文名, English,
 * CAS); with one, shows every property of the substance found by id, Chinese or English name, CAS or alias,
 * each with its unit and source (docs/substances.md).
 * @throws UsageError (exit 2) for an unknown query or option, or an invalid library file
 */
export async function substancesCommand(args: readonly string[], io: CliIo): Promise<number> {
  let json = false;
  const words: string[] = [];
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a.startsWith('-')) throw new UsageError(`substances: unknown option '${a}'`);
    else words.push(a);
  }
  let library: SubstanceLibrary;
  try {
    library = builtInLibrary();
  } catch (e) {
    if (e instanceof SubstanceLibraryError) throw new UsageError(`substances: ${e.message}`);
    throw e;
  }
  if (words.length === 0) {
    const rows = library.substances.map(({ id, nameZh, nameEn, cas, formula }) => ({
      id,
      nameZh,
      nameEn,
      cas,
      formula,
    }));
    io.stdout(json ? `${JSON.stringify(rows, null, 2)}\n` : listText(library.substances));
    return 0;
  }
  const query = words.join(' ');
  const substance = library.find(query);
  if (!substance) {
    const similar = suggestions(query, library);
    throw new UsageError(
      `substances: no substance matches '${query}' (by id, 中文名, English name, CAS or alias)` +
        (similar.length
          ? `; did you mean ${similar.join(', ')}?`
          : '; see `safedist substances` for the list'),
    );
  }
  io.stdout(
    json
      ? `${JSON.stringify({ ...substance, units: PROPERTY_UNITS }, null, 2)}\n`
      : detailText(substance, library),
  );
  return 0;
}
