import type { CubicMetres, Metres, SquareMetres } from '../units/index.ts';

export interface PoolSizeInput {
  /** Volume of liquid spilled, m³ (> 0). */
  spillVolume: CubicMetres;
  /**
   * Minimum layer thickness the liquid spreads to on open ground, m (> 0). YB 2005 worked example 6.6.3
   * uses 0.02 m; the Purple Book gives values by ground type (e.g. 0.005 m for flat concrete, 0.01 m
   * typical).
   */
  minimumThickness: Metres;
  /** Floor area inside the bund, m² (> 0); omit for an unbunded spill. */
  bundArea?: SquareMetres;
  /** Height of the bund wall, m (> 0); omit when the bund is known to hold the whole spill. */
  bundWallHeight?: Metres;
}

export interface PoolSizeResult {
  /** Pool area, m². */
  area: SquareMetres;
  /** Diameter of the circle of the same area, √(4A/π), m. */
  equivalentDiameter: Metres;
  /** Mean liquid depth, V/A (of the contained volume), m. */
  depth: Metres;
  /** True when the pool reaches the bund walls (its area is the bund area). */
  confinedByBund: boolean;
  /**
   * Volume that overtops the bund wall, m³: V − A_bund·h_wall when positive, else 0. This model does not
   * spread it; the caller treats it as a second, unbunded pool (or rejects the scenario).
   */
  overflowVolume: CubicMetres;
}

/**
 * Area of a liquid pool from the spilled volume (spec/models.md §2.1; YB 2005 eqs. 6.64–6.65):
 * - unbunded: the liquid spreads to a minimum layer thickness δ, A = V/δ (YB 6.65);
 * - in a bund: the pool covers the bund floor, A = A_bund, as long as V/A_bund ≤ wall height (YB 6.64);
 *   a spill too small to reach the walls at thickness δ keeps A = V/δ < A_bund.
 * D_eq = √(4A/π).
 * This is the maximum (spread-out) pool, not the time-dependent spreading of a continuous release.
 * @throws RangeError naming the parameter when a volume, thickness, area or height is not positive.
 */
export function poolSize(input: PoolSizeInput): PoolSizeResult {
  const { spillVolume, minimumThickness, bundArea, bundWallHeight } = input;
  requirePositive('spillVolume', spillVolume);
  requirePositive('minimumThickness', minimumThickness);
  if (bundArea !== undefined) requirePositive('bundArea', bundArea);
  if (bundWallHeight !== undefined) requirePositive('bundWallHeight', bundWallHeight);

  const unconfinedArea = spillVolume / minimumThickness;
  const confinedByBund = bundArea !== undefined && unconfinedArea >= bundArea;
  const area = confinedByBund ? bundArea : unconfinedArea;
  const capacity = confinedByBund && bundWallHeight !== undefined ? bundArea * bundWallHeight : Infinity;
  const overflowVolume = Math.max(0, spillVolume - capacity);
  return {
    area: area as SquareMetres,
    equivalentDiameter: Math.sqrt((4 * area) / Math.PI) as Metres,
    depth: ((spillVolume - overflowVolume) / area) as Metres,
    confinedByBund,
    overflowVolume: overflowVolume as CubicMetres,
  };
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}
