/**
 * The largest value in [lo, hi] for which `complies` holds, by bisection, assuming compliance is monotone
 * (holds below some value, fails above it); `null` when even `lo` fails. `hi` is expected to fail (the
 * current design); when it complies it is returned as is. After `steps` halvings the compliant end is
 * rounded down by `nice` (e.g. to two significant figures) and checked again; when the rounded value fails
 * (the dependence is not monotone there) the unrounded compliant end is kept. Every returned value was
 * itself found compliant: the caller never receives an interpolated guess.
 */
export function largestCompliant<T>(
  lo: number,
  hi: number,
  complies: (v: number) => T | null,
  options: { steps?: number; nice?: (v: number) => number } = {},
): { value: number; result: T } | null {
  if (!(lo <= hi)) throw new RangeError(`largestCompliant: lo ${lo} must not exceed hi ${hi}`);
  const atHi = complies(hi);
  if (atHi !== null) return { value: hi, result: atHi };
  let good = complies(lo);
  if (good === null) return null;
  let a = lo;
  let b = hi;
  for (let i = 0; i < (options.steps ?? 8); i++) {
    const mid = (a + b) / 2;
    const r = complies(mid);
    if (r !== null) {
      a = mid;
      good = r;
    } else b = mid;
  }
  const rounded = options.nice ? options.nice(a) : a;
  if (rounded < a && rounded >= lo) {
    const r = complies(rounded);
    if (r !== null) return { value: rounded, result: r };
  }
  return { value: a, result: good };
}

/** `v` rounded down to `digits` significant figures (v > 0). */
export function floorSignificant(v: number, digits = 2): number {
  if (!(v > 0)) return v;
  const scale = 10 ** (Math.floor(Math.log10(v)) - digits + 1);
  return Math.floor(v / scale + 1e-9) * scale;
}

/**
 * The smallest d in [0, max] at which `complies(d)` holds, for a property that fails near 0 and holds
 * from some distance on: doubling from `first` to bracket it, then bisection to `tolerance`; `null` when
 * it still fails at `max`.
 */
export function smallestCompliant(
  complies: (d: number) => boolean,
  options: { first: number; max: number; tolerance: number },
): number | null {
  if (complies(0)) return 0;
  let a = 0;
  let b = options.first;
  while (!complies(b)) {
    a = b;
    if (b >= options.max) return null;
    b = Math.min(2 * b, options.max);
  }
  while (b - a > options.tolerance) {
    const mid = (a + b) / 2;
    if (complies(mid)) b = mid;
    else a = mid;
  }
  return b;
}
