/**
 * JSON that keeps every IEEE double: `Infinity`, `-Infinity`, `NaN` and `-0`, which plain JSON turns into
 * `null` or `0`, are written as `{"$number": "Infinity"}` etc. and read back as the same number, so a cached
 * result read back is identical to the one computed. Maps, sets and typed arrays are refused rather than
 * silently flattened.
 */
export function encodeTaggedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
      return { $number: String(v === 0 ? '-0' : v) };
    if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v))
      throw new TypeError('encodeTaggedJson: Maps, Sets and typed arrays are not supported');
    return v;
  });
}

const SPECIAL: Record<string, number> = { Infinity: Infinity, '-Infinity': -Infinity, NaN: NaN, '-0': -0 };

/** Reads text written by encodeTaggedJson. */
export function decodeTaggedJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tag = (v as { $number?: unknown }).$number;
      if (keys.length === 1 && typeof tag === 'string' && tag in SPECIAL) return SPECIAL[tag];
    }
    return v;
  });
}
