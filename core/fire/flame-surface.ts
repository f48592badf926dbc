/**
 * View factor of a convex flame surface to a point target, by summing over small surface elements:
 * F = Σ cosβ₁·cosβ₂·dA/(π·s²) over the elements the target sees (YB (2005) Appendix 6.1; the definition the
 * closed forms of view-factor.ts integrate). Used where no closed form exists (a jet-fire frustum seen
 * from any point) and to check the closed forms.
 *
 * Coordinates: x downwind, y crosswind, z up; metres; the ground is z = 0 and hides everything below it.
 * The mesh is built once per flame into typed arrays; evaluating a target allocates nothing.
 */

/** A point or direction in the flame frame, m. */
export type Vec3 = readonly [number, number, number];

/** Surface elements of a flame: centre points and outward area vectors (m²), one entry per element. */
export interface FlameSurfaceMesh {
  readonly count: number;
  readonly px: Float64Array;
  readonly py: Float64Array;
  readonly pz: Float64Array;
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly sz: Float64Array;
}

/** Number of elements around the circumference and along the axis. Defaults give < 0.5 % error beyond ~1 R. */
export interface MeshResolution {
  around?: number;
  along?: number;
  radial?: number;
}

/** A circular section: centre, two orthonormal in-plane directions, radius. */
interface Ring {
  c: Vec3;
  u: Vec3;
  v: Vec3;
  r: number;
}

/**
 * Right circular frustum (cone segment) along `axis` from `base`, with end discs: the Chamberlain jet-fire
 * shape (YB (2005) §6.5; W1 base width, W2 tip width).
 * @param base centre of the base disc, m
 * @param axis direction of the flame axis (normalised here)
 * @param length frustum length along the axis, m (> 0)
 * @param baseRadius W1/2, m (≥ 0); tipRadius W2/2, m (≥ 0)
 */
export function frustumMesh(
  base: Vec3,
  axis: Vec3,
  length: number,
  baseRadius: number,
  tipRadius: number,
  resolution: MeshResolution = {},
): FlameSurfaceMesh {
  if (!(length > 0)) throw new RangeError(`frustum length must be > 0, got ${length}`);
  if (!(baseRadius >= 0 && tipRadius >= 0 && baseRadius + tipRadius > 0))
    throw new RangeError(`frustum radii must be ≥ 0 and not both 0, got ${baseRadius}, ${tipRadius}`);
  const a = normalise(axis);
  const [u, v] = perpendiculars(a);
  const along = resolution.along ?? 48;
  const rings: Ring[] = [];
  for (let i = 0; i <= along; i++) {
    const t = i / along;
    rings.push({ c: add(base, scale(a, t * length)), u, v, r: baseRadius + (tipRadius - baseRadius) * t });
  }
  return ringMesh(rings, resolution);
}

/**
 * Oblique cylinder with horizontal circular sections, base on the ground at the origin, axis leaning by
 * `tilt` from the vertical towards +x: the tilted pool-fire flame of Mudan (1984) / YB (2005) Appendix 6.1.
 * @param radius R, m; length L along the axis, m; tilt θ, rad
 */
export function obliqueCylinderMesh(
  radius: number,
  length: number,
  tilt: number,
  resolution: MeshResolution = {},
): FlameSurfaceMesh {
  const along = resolution.along ?? 48;
  const axis: Vec3 = [Math.sin(tilt), 0, Math.cos(tilt)];
  const rings: Ring[] = [];
  for (let i = 0; i <= along; i++) {
    rings.push({ c: scale(axis, (i / along) * length), u: [1, 0, 0], v: [0, 1, 0], r: radius });
  }
  return ringMesh(rings, resolution);
}

/**
 * View factor from the mesh to a target element at (tx, ty, tz) with unit normal (nx, ny, nz).
 * Elements facing away from the target, or below the ground, do not count (the flame is convex).
 */
export function meshViewFactor(
  mesh: FlameSurfaceMesh,
  tx: number,
  ty: number,
  tz: number,
  nx: number,
  ny: number,
  nz: number,
): number {
  const { px, py, pz, sx, sy, sz } = mesh;
  let f = 0;
  for (let i = 0; i < mesh.count; i++) {
    const z = pz[i]!;
    if (z < 0) continue;
    const dx = px[i]! - tx;
    const dy = py[i]! - ty;
    const dz = z - tz;
    // Emitter side: its outward area vector must point at the target (−d).
    const emit = -(sx[i]! * dx + sy[i]! * dy + sz[i]! * dz);
    if (emit <= 0) continue;
    const receive = nx * dx + ny * dy + nz * dz;
    if (receive <= 0) continue;
    const s2 = dx * dx + dy * dy + dz * dz;
    f += (emit * receive) / (Math.PI * s2 * s2);
  }
  return f;
}

/**
 * Maximum view factor at a target over the orientations of the target surface: the target faces the
 * radiation-weighted mean direction of the visible flame (for a target on the ground next to a cylinder this
 * is √(fv² + fh²), the YB "F_max"). Allocation-free.
 */
export function meshViewFactorMax(mesh: FlameSurfaceMesh, tx: number, ty: number, tz: number): number {
  const { px, py, pz, sx, sy, sz } = mesh;
  let vx = 0;
  let vy = 0;
  let vz = 0;
  for (let i = 0; i < mesh.count; i++) {
    const z = pz[i]!;
    if (z < 0) continue;
    const dx = px[i]! - tx;
    const dy = py[i]! - ty;
    const dz = z - tz;
    const emit = -(sx[i]! * dx + sy[i]! * dy + sz[i]! * dz);
    if (emit <= 0) continue;
    const s2 = dx * dx + dy * dy + dz * dz;
    const w = emit / (Math.PI * s2 * s2);
    vx += w * dx;
    vy += w * dy;
    vz += w * dz;
  }
  const norm = Math.hypot(vx, vy, vz);
  if (norm === 0) return 0;
  return meshViewFactor(mesh, tx, ty, tz, vx / norm, vy / norm, vz / norm);
}

function ringMesh(rings: readonly Ring[], resolution: MeshResolution): FlameSurfaceMesh {
  const around = resolution.around ?? 72;
  const radial = resolution.radial ?? 12;
  const lateral = (rings.length - 1) * around;
  const count = lateral + 2 * radial * around;
  const m = {
    count,
    px: new Float64Array(count),
    py: new Float64Array(count),
    pz: new Float64Array(count),
    sx: new Float64Array(count),
    sy: new Float64Array(count),
    sz: new Float64Array(count),
  };
  let k = 0;
  const point = (ring: Ring, j: number, radius = ring.r): Vec3 => {
    const phi = (2 * Math.PI * j) / around;
    const c = Math.cos(phi) * radius;
    const s = Math.sin(phi) * radius;
    return [
      ring.c[0] + c * ring.u[0] + s * ring.v[0],
      ring.c[1] + c * ring.u[1] + s * ring.v[1],
      ring.c[2] + c * ring.u[2] + s * ring.v[2],
    ];
  };
  // A quadrilateral's area vector is half the cross product of its diagonals (exact for a planar quad);
  // its sign is set afterwards by orientOutwards.
  const quad = (p00: Vec3, p10: Vec3, p11: Vec3, p01: Vec3): void => {
    const d1 = sub(p11, p00);
    const d2 = sub(p01, p10);
    const n = cross(d1, d2);
    m.px[k] = (p00[0] + p10[0] + p11[0] + p01[0]) / 4;
    m.py[k] = (p00[1] + p10[1] + p11[1] + p01[1]) / 4;
    m.pz[k] = (p00[2] + p10[2] + p11[2] + p01[2]) / 4;
    m.sx[k] = n[0] / 2;
    m.sy[k] = n[1] / 2;
    m.sz[k] = n[2] / 2;
    k++;
  };
  for (let i = 0; i + 1 < rings.length; i++) {
    const lo = rings[i]!;
    const hi = rings[i + 1]!;
    for (let j = 0; j < around; j++) quad(point(lo, j), point(lo, j + 1), point(hi, j + 1), point(hi, j));
  }
  const first = rings[0]!;
  const last = rings[rings.length - 1]!;
  for (let q = 0; q < radial; q++) {
    const rIn = (first.r * q) / radial;
    const rOut = (first.r * (q + 1)) / radial;
    const tIn = (last.r * q) / radial;
    const tOut = (last.r * (q + 1)) / radial;
    for (let j = 0; j < around; j++) {
      quad(point(first, j, rIn), point(first, j + 1, rIn), point(first, j + 1, rOut), point(first, j, rOut));
      quad(point(last, j, tOut), point(last, j + 1, tOut), point(last, j + 1, tIn), point(last, j, tIn));
    }
  }
  orientOutwards(m, rings);
  return m;
}

/**
 * Makes every area vector point out of the flame: away from the middle of the axis. Valid for frustums and
 * oblique cylinders, whose lateral normals are perpendicular to (or lean back from) the axis.
 */
function orientOutwards(m: FlameSurfaceMesh & { sx: Float64Array }, rings: readonly Ring[]): void {
  const first = rings[0]!.c;
  const last = rings[rings.length - 1]!.c;
  const centre: Vec3 = [(first[0] + last[0]) / 2, (first[1] + last[1]) / 2, (first[2] + last[2]) / 2];
  for (let i = 0; i < m.count; i++) {
    const out =
      m.sx[i]! * (m.px[i]! - centre[0]) +
      m.sy[i]! * (m.py[i]! - centre[1]) +
      m.sz[i]! * (m.pz[i]! - centre[2]);
    if (out < 0) {
      m.sx[i] = -m.sx[i]!;
      m.sy[i] = -m.sy[i]!;
      m.sz[i] = -m.sz[i]!;
    }
  }
}

function normalise(a: Vec3): Vec3 {
  const n = Math.hypot(a[0], a[1], a[2]);
  if (!(n > 0)) throw new RangeError('flame axis must be a non-zero vector');
  return [a[0] / n, a[1] / n, a[2] / n];
}

/** Two unit vectors perpendicular to `a` and to each other. */
function perpendiculars(a: Vec3): [Vec3, Vec3] {
  const helper: Vec3 = Math.abs(a[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const u = normalise(cross(a, helper));
  return [u, cross(a, u)];
}

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function scale(a: Vec3, k: number): Vec3 {
  return [a[0] * k, a[1] * k, a[2] * k];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
