import { formatPath } from '../project/issues.ts';

/** One difference between two JSON values. */
export interface JsonChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
}

/**
 * The paths at which two JSON values differ (arrays compared element by element), at most `limit` of
 * them: what the audit log records as "what changed".
 */
export function jsonChanges(before: unknown, after: unknown, limit = 200): JsonChange[] {
  const out: JsonChange[] = [];
  const walk = (a: unknown, b: unknown, path: PropertyKey[]) => {
    if (out.length >= limit) return;
    const objA = a !== null && typeof a === 'object';
    const objB = b !== null && typeof b === 'object';
    if (!objA || !objB || Array.isArray(a) !== Array.isArray(b)) {
      if (!Object.is(a, b)) out.push({ path: formatPath(path) || '(whole project)', change: 'changed' });
      return;
    }
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = Array.isArray(a)
      ? Array.from({ length: Math.max(a.length, (b as unknown[]).length) }, (_, k) => k)
      : [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
    for (const k of keys) {
      const inA = Object.hasOwn(ra, k);
      const inB = Object.hasOwn(rb, k);
      const p = [...path, k];
      if (inA && !inB) out.push({ path: formatPath(p), change: 'removed' });
      else if (!inA && inB) out.push({ path: formatPath(p), change: 'added' });
      else walk(ra[k as string], rb[k as string], p);
      if (out.length >= limit) return;
    }
  };
  walk(before, after, []);
  return out;
}
