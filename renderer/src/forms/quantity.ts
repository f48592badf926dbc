/**
 * Unit-aware field values: what a typed text means in SI (parseQuantity of core/units/parse.ts, the same
 * parser data/ uses when it reads the project), whether it is in range, and what the document should keep.
 * Messages are i18n keys with values (section `issue`), so the same check speaks zh-CN and English.
 */
import { DIMENSIONS, parseQuantity, QuantityError, type Dimension } from '../../../core/units/parse.ts';

/** A problem with one field: an i18n key under `issue.` and its interpolation values. */
export interface Issue {
  key: IssueKey;
  values?: Record<string, string | number>;
}

export type IssueKey =
  | 'required'
  | 'unreadable'
  | 'range'
  | 'integer'
  | 'duplicateId'
  | 'sumNotOne'
  | 'sectorCount'
  | 'polygonPoints'
  | 'noGeometry'
  | 'zonesIncreasing'
  | 'bundIncomplete'
  | 'roseMissing'
  | 'roseUnknownClass';

/** What a numeric field accepts: a dimension (SI unit from core/units/parse.ts) and bounds on the SI value. */
export interface QuantitySpec {
  dimension: Dimension;
  required?: boolean;
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** Exclusive bounds. */
  gt?: number;
  lt?: number;
  integer?: boolean;
  /**
   * The project format wants a plain JSON number here (probabilities, people, hours): a valid entry is stored
   * as that number. Otherwise the typed text ("20 t") is stored as typed.
   */
  storeNumber?: boolean;
}

/** Examples of what to type, by dimension (shown in the message of an unreadable entry). */
export const EXAMPLES: Partial<Record<Dimension, string>> = {
  length: '25 mm, 2 inch, 100 m',
  area: '40 m^2',
  volume: '25 m^3, 1000 L',
  mass: '20 t, 500 kg',
  pressure: '1.6 MPa, 7 bar, 6 barg',
  temperature: '20 degC, -33 degC, 293.15 K',
  velocity: '5 m/s, 10 km/h',
  frequency: '1e-5 /yr',
  heatFlux: '35 kW/m^2',
  dimensionless: '0.7, 70 %',
};

/** The SI unit shown after a parsed value ('' for dimensionless). */
export const siUnit = (dimension: Dimension): string =>
  dimension === 'frequency' ? '/yr' : DIMENSIONS[dimension];

export interface QuantityCheck {
  /** The SI value, when the entry could be read. */
  si?: number;
  issue?: Issue;
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Reads a field value (number or text) against its spec. A blank optional field is fine and has no value. */
export function checkQuantity(value: unknown, spec: QuantitySpec): QuantityCheck {
  if (isBlank(value)) return spec.required ? { issue: { key: 'required' } } : {};
  if (typeof value !== 'number' && typeof value !== 'string')
    return { issue: unreadable(String(value), spec) };
  let si: number;
  try {
    si = parseQuantity(value, spec.dimension);
  } catch (error) {
    if (error instanceof QuantityError) return { issue: unreadable(String(value), spec) };
    throw error;
  }
  if (spec.integer && !Number.isInteger(si)) return { si, issue: { key: 'integer' } };
  const outside =
    (spec.min !== undefined && si < spec.min) ||
    (spec.max !== undefined && si > spec.max) ||
    (spec.gt !== undefined && si <= spec.gt) ||
    (spec.lt !== undefined && si >= spec.lt);
  if (outside) {
    return {
      si,
      issue: {
        key: 'range',
        values: { value: formatSi(si), unit: siUnit(spec.dimension), range: describeRange(spec) },
      },
    };
  }
  return { si };
}

function unreadable(input: string, spec: QuantitySpec): Issue {
  return {
    key: 'unreadable',
    values: {
      input,
      dimension: spec.dimension,
      unit: siUnit(spec.dimension),
      examples: EXAMPLES[spec.dimension] ?? '',
    },
  };
}

/** The valid range in symbols, language-neutral: "> 0", "≥ 0 and ≤ 1". */
export function describeRange(spec: QuantitySpec): string {
  const parts: string[] = [];
  if (spec.gt !== undefined) parts.push(`> ${spec.gt}`);
  if (spec.min !== undefined) parts.push(`≥ ${spec.min}`);
  if (spec.lt !== undefined) parts.push(`< ${spec.lt}`);
  if (spec.max !== undefined) parts.push(`≤ ${spec.max}`);
  return parts.join(', ');
}

/**
 * What the document keeps for a typed text: nothing for a blank field, a number for a plain number or for a
 * valid entry of a number-only field, otherwise the text itself (a unit string, or an invalid entry kept so
 * the user's typing is never lost).
 */
export function storedValue(text: string, spec: QuantitySpec): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = Number(trimmed);
  if (Number.isFinite(plain)) return plain;
  if (spec.storeNumber) {
    const { si, issue } = checkQuantity(trimmed, spec);
    if (si !== undefined && issue?.key !== 'unreadable') return si;
  }
  return text;
}

/** A number for display: six significant digits, exponent form for very small or large magnitudes. */
export function formatSi(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e9) return value.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(6)));
}
