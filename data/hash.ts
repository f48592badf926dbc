import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so that two inputs equal as data serialise identically
 * whatever order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of a UTF-8 text, lower-case hex (FIPS 180-4). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `sha256:<hex>` of the canonical JSON of a value: the input hash every result carries. */
export function inputHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
