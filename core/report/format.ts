/**
 * Text formatting for the report: HTML escaping and numbers with sensible precision. Pure.
 */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Escapes the five HTML-significant characters, so any project text can go into text or attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | readonly Html[] | null | undefined | false;

/** `html\`<td>${name}</td>\`` — strings are escaped, `Html` (and arrays of it) pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += partText(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function partText(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map((x: Html) => x.text).join('');
  return escapeHtml(String(v));
}

/** Joins fragments into one. */
export function join(parts: readonly Html[], separator = ''): Html {
  return new Html(parts.map((p) => p.text).join(separator));
}

/**
 * Scientific notation with superscript exponent, e.g. 3.0×10⁻⁶ (2 significant digits by default; a risk is
 * rarely known better). 0 prints as "0"; non-finite values as "—".
 */
export function sci(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const exp = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${mantissa}×10${exp}`;
}

/** A frequency or risk per year: "3.0×10⁻⁶ /a". */
export function perYear(value: number, digits = 2): string {
  return `${sci(value, digits)} /a`;
}

/** Up to `digits` significant digits without trailing zeros, e.g. 0.2, 12.35, 1234. */
export function sig(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return sci(value, digits);
  return String(Number(value.toPrecision(digits)));
}

/** Fixed decimals, for lengths and percentages. */
export function fixed(value: number, decimals = 0): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '—';
}

/** Fills `{name}` placeholders of a template. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'number' ? sig(v, 4) : v;
  });
}
