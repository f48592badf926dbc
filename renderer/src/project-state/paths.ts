/**
 * Immutable reads and writes by path into a JSON document. Only the objects along the path are copied, so
 * unchanged branches keep their identity (cheap undo snapshots, cheap React comparisons) and fields the editor
 * does not know survive every edit.
 */

export type PathKey = string | number;
export type Path = readonly PathKey[];

/** The value at `path`, or undefined when any step is missing. */
export function getIn(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`; missing containers are created (an array when the next key is a
 * number). `undefined` removes the key (or the array element).
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  return setAt(root, path, 0, value) as T;
}

function setAt(node: unknown, path: Path, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const key = path[depth] as PathKey;
  const container: unknown =
    node !== null && typeof node === 'object' ? node : typeof key === 'number' ? [] : {};
  const child = (container as Record<PathKey, unknown>)[key];
  const next = setAt(child, path, depth + 1, value);
  if (Array.isArray(container)) {
    const copy = [...(container as unknown[])];
    if (next === undefined && depth === path.length - 1) copy.splice(Number(key), 1);
    else copy[Number(key)] = next;
    return copy;
  }
  const copy = { ...(container as Record<string, unknown>) };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** Path as text, the key of validation issues: `installations.0.inventory`. */
export const pathKey = (path: Path): string => path.join('.');
