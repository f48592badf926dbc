import { wrapAngle } from './geometry.ts';

/**
 * Lethality footprints in the wind frame. A footprint gives the probability of death of a person at distance
 * r from the source and at angle α from the downwind axis (radians, either side: every footprint SafeDist
 * models is symmetric about the wind axis). Its half-angle integral G(r, t) = ∫₀ᵗ L(r, α) dα lets the engine
 * average the footprint over a wind sector exactly: with the wind direction uniform within the sector, the
 * probability of death at a point is the mean of L over the sector's directions, which is the Purple Book's
 * effective-cloud-width construction (CPR 18E §6.3 and Appendix 6.B) carried out without the narrow-plume
 * approximation.
 */
export interface Footprint {
  /** Distance from the source beyond which the lethality is zero, m. */
  readonly reach: number;
  /** True when the lethality does not depend on the wind direction. */
  readonly radial: boolean;
  /** Lethality (0–1) at distance r (m) and angle alpha (rad) from the downwind axis. */
  lethality(r: number, alpha: number): number;
  /** G(r, t) = ∫₀ᵗ L(r, α) dα for t in [0, π], rad. */
  halfAngleIntegral(r: number, t: number): number;
  /**
   * Optional: a half-angle (rad) beyond which the lethality is zero at distance r, so the engine can skip
   * wind sectors that cannot reach a point. Absent means π (no bound).
   */
  supportHalfAngle?(r: number): number;
  /**
   * Optional: present when G is the trapezoid rule on this many equal steps of `lethality` over
   * [0, supportHalfAngle(r)] (a tabulated model footprint). An engine may then integrate a row itself at radii
   * of its choosing with the same rule instead of reading G (core/risk/fast-grid.ts does).
   */
  readonly angularSteps?: number;
}

/** ∫ from −π to a of L dα written as F(a) = sign(a)·G(|a|) shifted, extended periodically to any real a. */
function periodicPrimitive(fp: Footprint, r: number, a: number): number {
  const twoPi = 2 * Math.PI;
  const turns = Math.floor((a + Math.PI) / twoPi);
  const w = a - turns * twoPi; // in [−π, π)
  const full = 2 * fp.halfAngleIntegral(r, Math.PI);
  const within = w >= 0 ? fp.halfAngleIntegral(r, w) : -fp.halfAngleIntegral(r, -w);
  return turns * full + within;
}

/**
 * Mean lethality at distance r over wind directions spread uniformly across a sector of angular width
 * `width` (rad) whose downwind axis makes angle `beta` (rad) with the direction to the point.
 * Exact given the footprint's half-angle integral; for a radial footprint it is simply L(r).
 */
export function sectorMeanLethality(fp: Footprint, r: number, beta: number, width: number): number {
  if (r > fp.reach) return 0;
  if (fp.radial) return fp.lethality(r, 0);
  if (fp.supportHalfAngle && Math.abs(wrapAngle(beta)) > fp.supportHalfAngle(r) + width / 2) return 0;
  const integral = periodicPrimitive(fp, r, beta + width / 2) - periodicPrimitive(fp, r, beta - width / 2);
  return integral / width;
}

export interface CircularZone {
  /** Outer radius of the zone, m. */
  radius: number;
  /** Lethality inside the zone (0–1). */
  lethality: number;
}

/**
 * Nested circular zones centred on the source (spec/project-format.md, user-defined scenarios): the lethality
 * at distance d is that of the smallest zone containing d (boundary included); 0 outside all zones.
 */
export function circularZonesFootprint(zones: readonly CircularZone[]): Footprint {
  const sorted = [...zones].sort((a, b) => a.radius - b.radius);
  const lethalityAt = (r: number): number => {
    for (const z of sorted) if (r <= z.radius) return z.lethality;
    return 0;
  };
  return {
    reach: sorted.length ? sorted[sorted.length - 1]!.radius : 0,
    radial: true,
    lethality: (r) => lethalityAt(r),
    halfAngleIntegral: (r, t) => lethalityAt(r) * t,
  };
}

/**
 * Nested discs about a point `centre` m downwind of the source (an explosion charge carried by the cloud,
 * PB Fig. 5.5): the lethality at a point is that of the smallest disc containing it, 0 outside all discs.
 * A disc of radius ρ about (c, 0) holds the points of the ring of radius r with |α| ≤ a(r),
 * cos a = (r² + c² − ρ²)/(2rc) (law of cosines; a = π when the disc holds the whole ring, 0 when it misses
 * it), so G is exact: G(r, t) = Σᵢ (Lᵢ − Lᵢ₊₁)·min(t, aᵢ(r)) over the discs from the smallest (L beyond the
 * largest = 0). No quadrature and no table.
 * @param centre c, distance of the discs' common centre downwind of the source, m (≥ 0)
 * @param zones radius (m) and lethality (0–1) of each disc
 */
export function offsetDiscsFootprint(centre: number, zones: readonly CircularZone[]): Footprint {
  if (!(centre >= 0)) throw new RangeError(`centre must be ≥ 0 m, got ${centre}`);
  const sorted = [...zones].filter((z) => z.radius > 0).sort((a, b) => a.radius - b.radius);
  // Past the last disc with a non-zero lethality nothing is reached.
  while (sorted.length && sorted[sorted.length - 1]!.lethality === 0) sorted.pop();
  const steps = sorted.map((z, i) => z.lethality - (sorted[i + 1]?.lethality ?? 0));
  const halfAngle = (r: number, rho: number): number => {
    if (r + centre <= rho) return Math.PI;
    if (r <= centre - rho || r >= centre + rho || r === 0) return 0;
    return Math.acos(Math.max(-1, Math.min(1, (r * r + centre * centre - rho * rho) / (2 * r * centre))));
  };
  const reach = sorted.length ? centre + sorted[sorted.length - 1]!.radius : 0;
  return {
    reach,
    radial: false,
    supportHalfAngle: (r) => (sorted.length ? halfAngle(r, sorted[sorted.length - 1]!.radius) : 0),
    lethality(r, alpha) {
      const d2 = r * r + centre * centre - 2 * r * centre * Math.cos(alpha);
      for (const z of sorted) if (d2 <= z.radius * z.radius) return z.lethality;
      return 0;
    },
    halfAngleIntegral(r, t) {
      let total = 0;
      for (let i = 0; i < sorted.length; i++)
        total += steps[i]! * Math.min(t, halfAngle(r, sorted[i]!.radius));
      return total;
    },
  };
}

export interface DownwindZone {
  /** Extent along the wind from the source, m. */
  length: number;
  /** Half of the crosswind width, m. */
  halfWidth: number;
  /** Lethality inside the zone (0–1). */
  lethality: number;
}

/**
 * Rectangles from the source along the wind, 0 ≤ along ≤ length and |across| ≤ halfWidth
 * (spec/project-format.md); where they overlap, the smallest rectangle (by area) containing the point rules,
 * the same rule as nested circular zones. The angular measure of each rectangle at radius r is closed-form:
 * |α| ∈ [acos(length/r) if r > length else 0, asin(halfWidth/r) if r > halfWidth else π/2].
 */
export function downwindZonesFootprint(zones: readonly DownwindZone[]): Footprint {
  const sorted = [...zones].sort((a, b) => a.length * a.halfWidth - b.length * b.halfWidth);
  const reach = sorted.reduce((m, z) => Math.max(m, Math.hypot(z.length, z.halfWidth)), 0);
  const band = (z: DownwindZone, r: number): [number, number] => {
    const lo = r > z.length ? Math.acos(z.length / r) : 0;
    const hi = r > z.halfWidth ? Math.asin(z.halfWidth / r) : Math.PI / 2;
    return [lo, hi];
  };
  // Outside every rectangle's band: |α| > asin(halfWidth/r) (π/2 where r ≤ halfWidth), and nothing beyond
  // a rectangle's far corner.
  const support = (r: number): number => {
    let s = 0;
    for (const z of sorted) {
      if (r > Math.hypot(z.length, z.halfWidth)) continue;
      s = Math.max(s, r > z.halfWidth ? Math.asin(z.halfWidth / r) : Math.PI / 2);
    }
    return s;
  };
  return {
    reach,
    radial: false,
    supportHalfAngle: support,
    lethality(r, alpha) {
      const along = r * Math.cos(alpha);
      const across = Math.abs(r * Math.sin(alpha));
      for (const z of sorted)
        if (along >= 0 && along <= z.length && across <= z.halfWidth) return z.lethality;
      return 0;
    },
    halfAngleIntegral(r, t) {
      // Walk the rectangles from the smallest; each claims the part of its band not yet claimed.
      let claimed: Array<[number, number]> = [];
      let total = 0;
      for (const z of sorted) {
        const [lo, hi] = band(z, r);
        if (lo >= hi) continue;
        let pieces: Array<[number, number]> = [[lo, hi]];
        for (const [cl, ch] of claimed) pieces = pieces.flatMap(([a, b]) => subtract(a, b, cl, ch));
        for (const [a, b] of pieces) total += z.lethality * Math.max(0, Math.min(b, t) - a);
        claimed = [...claimed, [lo, hi]];
      }
      return total;
    },
  };
}

function subtract(a: number, b: number, cl: number, ch: number): Array<[number, number]> {
  if (ch <= a || cl >= b) return [[a, b]];
  const out: Array<[number, number]> = [];
  if (cl > a) out.push([a, cl]);
  if (ch < b) out.push([ch, b]);
  return out;
}

/**
 * A footprint given by a lethality function of the wind-frame coordinates (along, across), m, as the
 * consequence models produce. The half-angle integral is computed by adaptive Simpson quadrature in α to
 * the given absolute tolerance (rad); the quadrature is deterministic.
 * @param lethalityAt lethality (0–1) at (along, across); must be even in `across`
 * @param reach distance beyond which it is zero, m
 * @param tolerance absolute tolerance of G in rad; default 1e-7
 */
export function windFrameFootprint(
  lethalityAt: (along: number, across: number) => number,
  reach: number,
  tolerance = 1e-7,
): Footprint {
  const lethality = (r: number, alpha: number) => lethalityAt(r * Math.cos(alpha), r * Math.sin(alpha));
  return {
    reach,
    radial: false,
    lethality,
    halfAngleIntegral(r, t) {
      if (r > reach || t <= 0) return 0;
      const f = (a: number) => lethality(r, a);
      // Split into 64 panels first so a narrow plume near α = 0 cannot be stepped over.
      const panels = 64;
      let sum = 0;
      for (let i = 0; i < panels; i++) {
        const a = (t * i) / panels;
        const b = (t * (i + 1)) / panels;
        sum += adaptiveSimpson(f, a, b, tolerance / panels, 20);
      }
      return sum;
    },
  };
}

function adaptiveSimpson(f: (x: number) => number, a: number, b: number, eps: number, depth: number): number {
  const m = (a + b) / 2;
  const fa = f(a);
  const fm = f(m);
  const fb = f(b);
  return simpsonStep(f, a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), eps, depth);
}

function simpsonStep(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fm: number,
  fb: number,
  whole: number,
  eps: number,
  depth: number,
): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const delta = left + right - whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * eps) return left + right + delta / 15;
  return (
    simpsonStep(f, a, m, fa, flm, fm, left, eps / 2, depth - 1) +
    simpsonStep(f, m, b, fm, frm, fb, right, eps / 2, depth - 1)
  );
}

/**
 * A direction-independent footprint tabulated at ascending radii (radii[0] = 0 m), lethality linear between
 * nodes and 0 beyond the last node — the form heat-radiation and overpressure profiles take.
 * @param radii ascending distances from the source, m, starting at 0
 * @param lethality lethality (0–1) at each radius
 */
export function radialProfileFootprint(radii: Float64Array, lethality: Float64Array): Footprint {
  const n = radii.length;
  if (n === 0 || radii[0] !== 0 || lethality.length !== n) {
    throw new RangeError('radialProfileFootprint: radii must start at 0 and match lethality in length');
  }
  for (let i = 1; i < n; i++) {
    if (!(radii[i]! > radii[i - 1]!))
      throw new RangeError(`radialProfileFootprint: radii[${i}] is not ascending`);
  }
  const at = (r: number): number => {
    if (r > radii[n - 1]!) return 0;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (radii[mid]! <= r) lo = mid;
      else hi = mid;
    }
    if (lo === hi) return lethality[lo]!;
    const w = (r - radii[lo]!) / (radii[hi]! - radii[lo]!);
    return lethality[lo]! + w * (lethality[hi]! - lethality[lo]!);
  };
  return {
    reach: radii[n - 1]!,
    radial: true,
    lethality: (r) => at(r),
    halfAngleIntegral: (r, t) => at(r) * t,
  };
}

export interface TabulationOptions {
  /** Spacing of the tabulated radii near the source, m (half a grid cell resolves the grid). */
  radialStep: number;
  /**
   * Beyond radialStep / relativeRadialStep the radii grow geometrically by this fraction, so a footprint
   * tens of kilometres long keeps a relative resolution of that size; default 0.002 (0.2 %).
   */
  relativeRadialStep?: number;
  /** Half-angle (rad, ≤ π) beyond which the lethality is zero at radius r; π when not given. */
  halfAngleAt?: (r: number) => number;
  /** Angular nodes per radius between 0 and the half-angle; default 64. */
  angularNodes?: number;
}

/**
 * A directional footprint from a wind-frame lethality function. Its half-angle integral is tabulated on
 * first use: at radii 0, Δr, 2Δr … and, beyond Δr/ε, radii growing by the factor 1 + ε up to the reach,
 * the lethality at `angularNodes` + 1 angles from the wind axis to the half-angle bound and its running
 * integral G (trapezoid rule). G(r, t) is then read by linear interpolation in angle and in radius, so the
 * engine's per-cell cost does not depend on the model. Each radius row is built when first read. Exact lethality values (`lethality`) come from the
 * function itself (societal risk uses only those, so its footprints never build a table).
 * @param lethalityAt lethality (0–1) at (along, across), m; even in `across`
 * @param reach distance beyond which the lethality is zero, m
 */
export function tabulatedWindFrameFootprint(
  lethalityAt: (along: number, across: number) => number,
  reach: number,
  options: TabulationOptions,
): Footprint {
  const step = options.radialStep;
  if (!(step > 0)) throw new RangeError(`radialStep must be > 0 m, got ${step}`);
  const relative = options.relativeRadialStep ?? 0.002;
  if (!(relative > 0)) throw new RangeError(`relativeRadialStep must be > 0, got ${relative}`);
  const k = options.angularNodes ?? 64;
  // Uniform rows up to rGeometric, then geometric rows: row(r) is computed in O(1) both ways.
  const rGeometric = step / relative;
  const uniformRows = Math.floor(Math.min(reach, rGeometric) / step) + 1;
  const logRatio = Math.log1p(relative);
  const geometricRows = reach > rGeometric ? Math.ceil(Math.log(reach / rGeometric) / logRatio) : 0;
  const rows = uniformRows + geometricRows + 1;
  const radiusOf = (i: number): number =>
    Math.min(reach, i < uniformRows ? i * step : rGeometric * Math.exp((i - uniformRows + 1) * logRatio));
  const rowOf = (r: number): number =>
    r < (uniformRows - 1) * step || reach <= rGeometric
      ? r / step
      : uniformRows - 1 + Math.log(r / rGeometric) / logRatio;
  const bound = (r: number) =>
    Math.min(Math.PI, Math.max(0, options.halfAngleAt ? options.halfAngleAt(r) : Math.PI));

  // Rows are built on first use, in blocks of BLOCK rows: a point evaluation (a target, a probe, the
  // grid-sizing rays) builds two rows and holds one block, not the whole table. A row's values do not depend
  // on when it is built.
  const BLOCK = 32;
  const blocks: (
    { theta: Float64Array; radii: Float64Array; cumulative: Float64Array; built: Uint8Array } | undefined
  )[] = new Array(Math.ceil(rows / BLOCK));
  const rowOfBlock = (i: number) => {
    const index = Math.floor(i / BLOCK);
    let block = blocks[index];
    if (!block) {
      block = {
        theta: new Float64Array(BLOCK),
        radii: new Float64Array(BLOCK),
        cumulative: new Float64Array(BLOCK * (k + 1)),
        built: new Uint8Array(BLOCK),
      };
      blocks[index] = block;
    }
    const m = i - index * BLOCK;
    if (!block.built[m]) {
      const r = radiusOf(i);
      block.radii[m] = r;
      const b = bound(r);
      block.theta[m] = b;
      const h = b / k;
      let previous = lethalityAt(r, 0);
      let sum = 0;
      for (let j = 1; j <= k; j++) {
        const a = j * h;
        const value = lethalityAt(r * Math.cos(a), r * Math.sin(a));
        sum += (h * (previous + value)) / 2;
        block.cumulative[m * (k + 1) + j] = sum;
        previous = value;
      }
      block.built[m] = 1;
    }
    return { block, m };
  };
  const radiusOfRow = (i: number): number => {
    const { block, m } = rowOfBlock(i);
    return block.radii[m]!;
  };
  const rowIntegral = (i: number, angle: number): number => {
    const { block, m } = rowOfBlock(i);
    const b = block.theta[m]!;
    const base = m * (k + 1);
    if (b === 0) return 0;
    if (angle >= b) return block.cumulative[base + k]!;
    const x = (angle / b) * k;
    const j = Math.floor(x);
    const w = x - j;
    return block.cumulative[base + j]! + w * (block.cumulative[base + j + 1]! - block.cumulative[base + j]!);
  };
  return {
    reach,
    radial: false,
    lethality: (r, alpha) => (r > reach ? 0 : lethalityAt(r * Math.cos(alpha), r * Math.sin(alpha))),
    supportHalfAngle: (r) => (r > reach ? 0 : bound(r)),
    angularSteps: k,
    halfAngleIntegral(r, angle) {
      if (r > reach || angle <= 0) return 0;
      const x = Math.min(rows - 1, rowOf(r));
      const i = Math.floor(x);
      if (i >= rows - 1) return rowIntegral(rows - 1, angle);
      const lower = rowIntegral(i, angle);
      const upper = rowIntegral(i + 1, angle);
      const r0 = radiusOfRow(i);
      const r1 = radiusOfRow(i + 1);
      const w = r1 > r0 ? (r - r0) / (r1 - r0) : 0;
      return (1 - w) * lower + w * upper;
    },
  };
}
