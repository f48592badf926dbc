/** Interval of downwind distance where a profile is at or above a threshold. */
export interface ThresholdExtent {
  /** Nearest distance at which the value reaches the threshold, m (0 when it does at the source). */
  start: number;
  /** Farthest distance at which the value is still at the threshold, m (0 when never reached). */
  end: number;
  /** True when the value is still above the threshold at the search limit, so `end` is that limit. */
  reachesLimit: boolean;
}

const SCAN_START = 0.1; // m: nearer than any receptor the engine evaluates
const SCAN_RATIO = 1.2;
const BISECTION_STEPS = 80;
const RELATIVE_TOLERANCE = 1e-10;

/** Bisects between a point where f ≥ target and one where f < target; returns the point on the ≥ side. */
function crossing(f: (x: number) => number, target: number, above: number, below: number): number {
  for (let i = 0; i < BISECTION_STEPS; i++) {
    if (Math.abs(above - below) <= RELATIVE_TOLERANCE * Math.max(above, below)) break;
    const mid = 0.5 * (above + below);
    if (f(mid) >= target) above = mid;
    else below = mid;
  }
  return above;
}

/**
 * The range of x in (0, maxDistance] where f(x) ≥ target, for a profile that rises (or starts high) and then
 * falls, such as a centreline concentration. Scans geometrically from 0.1 m (ratio 1.2) and bisects each
 * crossing to 1e-10 relative; a second hump narrower than one scan step could be missed. If f is already at
 * the threshold at 0.1 m the range starts at the source (start = 0).
 */
export function thresholdExtent(
  f: (x: number) => number,
  target: number,
  maxDistance: number,
): ThresholdExtent {
  let start = -1;
  let lastAbove = -1;
  let firstBelowAfter = -1;
  let previous = 0;
  for (let x = Math.min(SCAN_START, maxDistance); ; x = Math.min(x * SCAN_RATIO, maxDistance)) {
    if (f(x) >= target) {
      if (start < 0) start = previous === 0 ? 0 : crossing(f, target, x, previous);
      lastAbove = x;
      firstBelowAfter = -1;
    } else if (lastAbove > 0 && firstBelowAfter < 0) {
      firstBelowAfter = x;
    }
    previous = x;
    if (x >= maxDistance) break;
  }
  if (start < 0) return { start: 0, end: 0, reachesLimit: false };
  if (firstBelowAfter < 0) return { start, end: maxDistance, reachesLimit: true };
  return { start, end: crossing(f, target, lastAbove, firstBelowAfter), reachesLimit: false };
}
