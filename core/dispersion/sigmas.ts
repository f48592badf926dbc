import type { Metres } from '../units/index.ts';
import { stabilityIndex, type StabilityClass, type Terrain } from './stability.ts';

/**
 * Plume dispersion coefficients as functions of downwind distance: σy(x) and σz(x) in m for x in m.
 * Both return 0 for x ≤ 0 (no plume upwind of the source).
 */
export interface DispersionCoefficients {
  sigmaY(x: number): number;
  sigmaZ(x: number): number;
}

/** Puff dispersion coefficients as functions of the distance travelled by the puff centre, m. */
export interface PuffDispersionCoefficients extends DispersionCoefficients {
  sigmaX(x: number): number;
}

// Briggs (1973) fits, each σ = k·x·(1 + b·x)^e, stored as [k, b, e] per class A–F.
// Rural: CCPS99, ALOHA TM NOAA OR&R 43 Table 13, AQ/T 3046 表E.7.
type BriggsTerm = readonly [number, number, number];
const BRIGGS_RURAL_Y: readonly BriggsTerm[] = [
  [0.22, 0.0001, -0.5],
  [0.16, 0.0001, -0.5],
  [0.11, 0.0001, -0.5],
  [0.08, 0.0001, -0.5],
  [0.06, 0.0001, -0.5],
  [0.04, 0.0001, -0.5],
];
const BRIGGS_RURAL_Z: readonly BriggsTerm[] = [
  [0.2, 0, 1],
  [0.12, 0, 1],
  [0.08, 0.0002, -0.5],
  [0.06, 0.0015, -0.5],
  [0.03, 0.0003, -1],
  [0.016, 0.0003, -1],
];
// Urban (McElroy-Pooler, Briggs fit): A and B share a row, as do E and F.
const BRIGGS_URBAN_Y: readonly BriggsTerm[] = [
  [0.32, 0.0004, -0.5],
  [0.32, 0.0004, -0.5],
  [0.22, 0.0004, -0.5],
  [0.16, 0.0004, -0.5],
  [0.11, 0.0004, -0.5],
  [0.11, 0.0004, -0.5],
];
const BRIGGS_URBAN_Z: readonly BriggsTerm[] = [
  [0.24, 0.001, 0.5],
  [0.24, 0.001, 0.5],
  [0.2, 0, 1],
  [0.14, 0.0003, -0.5],
  [0.08, 0.0015, -0.5],
  [0.08, 0.0015, -0.5],
];

function briggs(term: BriggsTerm, x: number): number {
  if (x <= 0) return 0;
  const [k, b, e] = term;
  return b === 0 ? k * x : k * x * (1 + b * x) ** e;
}

function briggsTerms(stability: StabilityClass, terrain: Terrain): { y: BriggsTerm; z: BriggsTerm } {
  const i = stabilityIndex(stability);
  const rural = terrain === 'rural';
  return {
    y: (rural ? BRIGGS_RURAL_Y : BRIGGS_URBAN_Y)[i]!,
    z: (rural ? BRIGGS_RURAL_Z : BRIGGS_URBAN_Z)[i]!,
  };
}

/**
 * Briggs horizontal dispersion coefficient σy, m, for a continuous plume (spec/models.md §3.3;
 * CCPS99; ALOHA TM OR&R 43 Table 13). Fitted for about 100 m ≤ x ≤ 10 km; used outside that
 * range it extrapolates the fit (callers should flag x < 100 m).
 * @param x downwind distance, m
 */
export function briggsSigmaY(stability: StabilityClass, terrain: Terrain, x: Metres): Metres {
  return briggs(briggsTerms(stability, terrain).y, x) as Metres;
}

/** Briggs vertical dispersion coefficient σz, m (same source and range as {@link briggsSigmaY}). */
export function briggsSigmaZ(stability: StabilityClass, terrain: Terrain, x: Metres): Metres {
  return briggs(briggsTerms(stability, terrain).z, x) as Metres;
}

/** The Briggs σy(x), σz(x) pair for one class and terrain, looked up once (spec/models.md §3.3). */
export function briggsCoefficients(stability: StabilityClass, terrain: Terrain): DispersionCoefficients {
  const { y, z } = briggsTerms(stability, terrain);
  return { sigmaY: (x) => briggs(y, x), sigmaZ: (x) => briggs(z, x) };
}

/** Power-law coefficients σy = a·x^b, σz = c·x^d (x in m, σ in m). */
export interface PowerLawSigmas {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** σy = a·x^b, σz = c·x^d as {@link DispersionCoefficients} (e.g. the TNO set, spec/models.md §3.3). */
export function powerLawCoefficients(p: PowerLawSigmas): DispersionCoefficients {
  return {
    sigmaY: (x) => (x > 0 ? p.a * x ** p.b : 0),
    sigmaZ: (x) => (x > 0 ? p.c * x ** p.d : 0),
  };
}

// CCPS99 puff coefficients, [a, b] in σ = a·x^b, classes A–F.
const CCPS_PUFF_Y: readonly (readonly [number, number])[] = [
  [0.18, 0.92],
  [0.14, 0.92],
  [0.1, 0.92],
  [0.06, 0.92],
  [0.04, 0.92],
  [0.02, 0.89],
];
const CCPS_PUFF_Z: readonly (readonly [number, number])[] = [
  [0.6, 0.75],
  [0.53, 0.73],
  [0.34, 0.71],
  [0.15, 0.7],
  [0.1, 0.65],
  [0.05, 0.61],
];

/**
 * CCPS puff dispersion coefficients, σx = σy = a·x^b and σz = c·x^d (CCPS99; spec/models.md §3.3),
 * x = distance travelled by the puff centre (u·t), m.
 */
export function ccpsPuffCoefficients(stability: StabilityClass): PuffDispersionCoefficients {
  const i = stabilityIndex(stability);
  const [a, b] = CCPS_PUFF_Y[i]!;
  const [c, d] = CCPS_PUFF_Z[i]!;
  const sigmaY = (x: number): number => (x > 0 ? a * x ** b : 0);
  return { sigmaX: sigmaY, sigmaY, sigmaZ: (x) => (x > 0 ? c * x ** d : 0) };
}
