/**
 * View factors from flame shapes to a small target surface (a person, a radiometer): the fraction of the
 * radiation leaving a uniformly emitting flame surface that reaches a unit area of the target. Heat flux at
 * the target = SEP · F · τ (YB (2005) eq. 6.4). All lengths here are dimensionless ratios to the flame radius.
 */

/** View factors of a cylinder to a target at ground level; dimensionless (0–1). */
export interface CylinderViewFactors {
  /** To a vertical target surface facing the flame axis. */
  fv: number;
  /** To a horizontal target surface (facing up). */
  fh: number;
  /** To a target turned to face the flame squarely: √(fv² + fh²) (YB (2005) Appendix 6.1, "F_max"). */
  fmax: number;
}

/**
 * Vertical cylinder (Raj & Kalelkar form as printed in YB (2005) Appendix 6.1, Table 6.A.1), target on the
 * ground at the level of the cylinder base.
 * @param heightRatio h = L/R, flame height over flame radius (> 0)
 * @param distanceRatio x = X/R, target distance from the cylinder axis over the radius (> 1: outside the flame)
 * @throws RangeError when the target is inside the flame base (x ≤ 1) or h ≤ 0.
 */
export function viewFactorVerticalCylinder(heightRatio: number, distanceRatio: number): CylinderViewFactors {
  checkRatios(heightRatio, distanceRatio);
  const h = heightRatio;
  const x = distanceRatio;
  const a = (x + 1) ** 2 + h * h;
  const b = (x - 1) ** 2 + h * h;
  const sqrtAB = Math.sqrt(a * b);
  const common = Math.atan(Math.sqrt(((x - 1) * a) / ((x + 1) * b)));
  const fh = (Math.atan(Math.sqrt((x + 1) / (x - 1))) - ((x * x - 1 + h * h) / sqrtAB) * common) / Math.PI;
  const fv =
    ((1 / x) * Math.atan(h / Math.sqrt(x * x - 1)) +
      ((h * (a - 2 * x)) / (x * sqrtAB)) * common -
      (h / x) * Math.atan(Math.sqrt((x - 1) / (x + 1)))) /
    Math.PI;
  return { fv, fh, fmax: Math.hypot(fv, fh) };
}

/**
 * Tilted cylinder (Mudan 1984, YB (2005) Appendix 6.1 with the square roots on A, B and C that the printed YB
 * omits — models.md §9): cylinder with horizontal circular sections whose axis leans by `tilt` from the
 * vertical towards the target, base on the ground, target on the ground downwind. With tilt 0 it equals
 * {@link viewFactorVerticalCylinder}.
 * @param heightRatio a = L/R, flame length along its axis over flame radius (> 0)
 * @param distanceRatio b = X/R, target distance from the centre of the flame base over the radius (> 1)
 * @param tilt θ, rad, from the vertical towards the target, 0 ≤ θ < π/2
 * @throws RangeError when the target is inside the flame base, or under the tilted flame (1 + a·sinθ ≥ b),
 *   where the closed form does not hold (models.md §5.1 item 5); such a target is engulfed by the flame.
 */
export function viewFactorTiltedCylinder(
  heightRatio: number,
  distanceRatio: number,
  tilt: number,
): CylinderViewFactors {
  checkRatios(heightRatio, distanceRatio);
  checkTilt(heightRatio, distanceRatio, tilt);
  const fv = mudan(heightRatio, distanceRatio, tilt, 'fv');
  const fh = mudan(heightRatio, distanceRatio, tilt, 'fh');
  return { fv, fh, fmax: Math.hypot(fv, fh) };
}

/**
 * F_max = √(fv² + fh²) of the tilted (or, at tilt 0, vertical) cylinder as {@link viewFactorTiltedCylinder},
 * returned as a number so that the risk engine's radial loops allocate nothing.
 * @throws RangeError as {@link viewFactorTiltedCylinder}.
 */
export function viewFactorCylinderMax(heightRatio: number, distanceRatio: number, tilt = 0): number {
  checkRatios(heightRatio, distanceRatio);
  checkTilt(heightRatio, distanceRatio, tilt);
  return mudan(heightRatio, distanceRatio, tilt, 'fmax');
}

function checkTilt(a: number, b: number, tilt: number): void {
  if (!(tilt >= 0 && tilt < Math.PI / 2))
    throw new RangeError(`tilt must be in [0, 90°) from the vertical, got ${(tilt * 180) / Math.PI}°`);
  const overhang = 1 + a * Math.sin(tilt);
  if (overhang >= b)
    throw new RangeError(
      `target under the tilted flame (X/R = ${b} ≤ 1 + (L/R)·sinθ = ${overhang}): treat as engulfed`,
    );
}

/** Mudan's closed form (arguments already checked); `part` picks fv, fh or √(fv² + fh²). */
function mudan(a: number, b: number, tilt: number, part: 'fv' | 'fh' | 'fmax'): number {
  const sin = Math.sin(tilt);
  const cos = Math.cos(tilt);
  const capA = Math.sqrt(a * a + (b + 1) ** 2 - 2 * a * (b + 1) * sin);
  const capB = Math.sqrt(a * a + (b - 1) ** 2 - 2 * a * (b - 1) * sin);
  const capC = Math.sqrt(1 + (b * b - 1) * cos * cos);
  const capD = Math.sqrt((b - 1) / (b + 1));
  const capE = (a * cos) / (b - a * sin);
  const capF = Math.sqrt(b * b - 1);
  const sideTerm = Math.atan((a * b - capF * capF * sin) / (capF * capC)) + Math.atan((capF * sin) / capC);
  const atanADB = Math.atan((capA * capD) / capB);
  const fv =
    (-capE * Math.atan(capD) +
      capE * ((a * a + (b + 1) ** 2 - 2 * b * (1 + a * sin)) / (capA * capB)) * atanADB +
      (cos / capC) * sideTerm) /
    Math.PI;
  if (part === 'fv') return fv;
  const fh =
    (Math.atan(1 / capD) +
      (sin / capC) * sideTerm -
      ((a * a + (b + 1) ** 2 - 2 * (b + 1 + a * b * sin)) / (capA * capB)) * atanADB) /
    Math.PI;
  return part === 'fh' ? fh : Math.hypot(fv, fh);
}

/**
 * Cylinder view factor, vertical or tilted (Raj for tilt 0, Mudan otherwise); see the two functions above.
 * @param tilt rad from the vertical towards the target; default 0
 */
export function viewFactorCylinder(
  heightRatio: number,
  distanceRatio: number,
  tilt = 0,
): CylinderViewFactors {
  return tilt === 0
    ? viewFactorVerticalCylinder(heightRatio, distanceRatio)
    : viewFactorTiltedCylinder(heightRatio, distanceRatio, tilt);
}

/**
 * Sphere to a target facing its centre: F = (D/2)²/X² (models.md §5.3; YB (2005) Appendix 6.1),
 * X from the sphere centre, m. A target inside the sphere (X ≤ D/2) sees it fully: F = 1.
 * @param radius sphere radius D/2, m (> 0)
 * @param distanceFromCentre X, m (≥ 0)
 */
export function viewFactorSphere(radius: number, distanceFromCentre: number): number {
  if (!(radius > 0)) throw new RangeError(`radius must be > 0, got ${radius}`);
  if (!(distanceFromCentre >= 0))
    throw new RangeError(`distanceFromCentre must be ≥ 0, got ${distanceFromCentre}`);
  return distanceFromCentre <= radius ? 1 : (radius * radius) / (distanceFromCentre * distanceFromCentre);
}

function checkRatios(heightRatio: number, distanceRatio: number): void {
  if (!(heightRatio > 0)) throw new RangeError(`L/R must be > 0, got ${heightRatio}`);
  if (!(distanceRatio > 1))
    throw new RangeError(`X/R must be > 1 (target outside the flame base), got ${distanceRatio}`);
}
