/**
 * A rule-set file (data/rules/*.json, spec/standards.md) flattened for reading: one row per sourced value,
 * i.e. per object carrying `source` and `confidence`, wherever it sits in the file. The viewer groups rows by
 * the file's top-level sections and never needs to know the table layouts, so a value added to the file shows
 * up without a change here.
 */
import type { Confidence } from '../../../core/rules/types.ts';

export interface RuleRow {
  /** Top-level section of the file, e.g. `individualRisk`. */
  group: string;
  /** Where the value sits: keys and list-item labels below the group, e.g. ['high-sensitivity', 'existing']. */
  path: string[];
  /** The JSON path in the file, e.g. `individualRisk.high-sensitivity.existing`, for tracing a value. */
  jsonPath: string;
  /** The value as the file writes it (units as written): `value`, or the other fields of the entry. */
  value: string;
  source: string;
  confidence: Confidence;
  note?: string;
  /** Plain fields of the list item the value belongs to (description, release type…), for context. */
  context?: string;
}

const PROVENANCE = new Set(['source', 'confidence', 'note']);
/** Fields that name a list item, in order of preference. */
const ITEM_LABELS = ['id', 'code', 'grade', 'nameZh', 'nameEn', 'row'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSourced = (value: unknown): value is Record<string, Json> =>
  isObject(value) && typeof value.source === 'string' && typeof value.confidence === 'string';

/** A number for reading: plain below 10⁴ and above 10⁻³, else mantissa × 10ⁿ with superscripts. */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e4) return String(Number(value.toPrecision(6)));
  const exponent = Math.floor(Math.log10(magnitude));
  const mantissa = Number((value / 10 ** exponent).toPrecision(4));
  const superscript = String(exponent).replace(/[-0-9]/g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]!);
  return mantissa === 1 ? `10${superscript}` : `${mantissa}×10${superscript}`;
}

/** A JSON value as text: numbers formatted, lists in brackets, objects as `key = value` pairs. */
export function formatValue(value: Json | undefined): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return Object.entries(value)
    .map(([key, v]) => `${key} = ${formatValue(v)}`)
    .join('; ');
}

function itemLabel(item: Json, index: number): string {
  if (isObject(item)) {
    const names = ITEM_LABELS.map((key) => item[key]).filter(
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    );
    if (item.nameZh && item.nameEn) return `${String(item.nameZh)} (${String(item.nameEn)})`;
    if (names[0] !== undefined) return String(names[0]);
  }
  return `#${index + 1}`;
}

/** The plain (unsourced, scalar or small) fields of a list item, e.g. "description: …; release: continuous". */
function itemContext(item: Json): string | undefined {
  if (!isObject(item) || isSourced(item)) return undefined;
  const parts = Object.entries(item as Record<string, Json>)
    .filter(([key, v]) => !ITEM_LABELS.includes(key) && !isSourced(v) && !(isObject(v) && hasSourced(v)))
    .map(([key, v]) => `${key}: ${formatValue(v)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function hasSourced(value: Json): boolean {
  if (isSourced(value)) return true;
  if (Array.isArray(value)) return value.some(hasSourced);
  if (isObject(value)) return Object.values(value).some(hasSourced);
  return false;
}

/** Every sourced value of a rule-set file, in file order. Top-level fields without sources (id, title…) are left out. */
export function ruleRows(document: Record<string, unknown>): RuleRow[] {
  const rows: RuleRow[] = [];
  const walk = (
    value: Json,
    group: string,
    path: string[],
    jsonPath: string,
    context: string | undefined,
  ): void => {
    if (isSourced(value)) {
      const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !PROVENANCE.has(key)));
      const keys = Object.keys(rest);
      rows.push({
        group,
        path,
        jsonPath,
        value: keys.length === 1 && keys[0] === 'value' ? formatValue(rest.value) : formatValue(rest),
        source: String(value.source),
        confidence: value.confidence as Confidence,
        ...(typeof value.note === 'string' ? { note: value.note } : {}),
        ...(context === undefined ? {} : { context }),
      });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        walk(
          item,
          group,
          [...path, itemLabel(item, index)],
          `${jsonPath}[${index}]`,
          itemContext(item) ?? context,
        ),
      );
      return;
    }
    if (isObject(value)) {
      for (const [key, child] of Object.entries(value))
        walk(child, group, [...path, key], `${jsonPath}.${key}`, context);
    }
  };
  for (const [group, value] of Object.entries(document)) {
    if (hasSourced(value as Json)) walk(value as Json, group, [], group, undefined);
  }
  return rows;
}

/** Rows whose text contains every word of `query` (case-insensitive), and of the chosen confidence. */
export function filterRows(
  rows: readonly RuleRow[],
  query: string,
  confidence: Confidence | 'all',
  label: (row: RuleRow) => string = () => '',
): RuleRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (confidence !== 'all' && row.confidence !== confidence) return false;
    const text = [
      label(row),
      row.jsonPath,
      ...row.path,
      row.value,
      row.source,
      row.note ?? '',
      row.context ?? '',
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
