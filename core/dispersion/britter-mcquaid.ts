import type {
  CubicMetres,
  CubicMetresPerSecond,
  Kelvin,
  KilogramsPerCubicMetre,
  Metres,
  MetresPerSecond,
  Seconds,
} from '../units/index.ts';
import {
  denseGasCriterionContinuous,
  denseGasCriterionInstantaneous,
  reducedGravity,
  type DenseGasCriterion,
} from './dense-gas.ts';

/** One straight piece of a digitised β(α) curve: β = slope·α + intercept for α ≤ upTo. */
type Piece = readonly [upTo: number, slope: number, intercept: number];

/** A Britter-McQuaid figure: concentration ratios Cm/C0 and, for each, its β(α) curve as pieces. */
interface Figure {
  ratios: readonly number[];
  curves: readonly (readonly Piece[])[];
}

// BMQ (1988) continuous-release figure, piecewise-linear digitisation of CCPS99 pp. 118–122 (spec/models.md §4.2).
const PLUME_FIGURE: Figure = {
  ratios: [0.1, 0.05, 0.02, 0.01, 0.005, 0.002],
  curves: [
    [
      [-0.55, 0, 1.75],
      [-0.14, 0.24, 1.88],
      [Infinity, -0.5, 1.78],
    ],
    [
      [-0.68, 0, 1.92],
      [-0.29, 0.36, 2.16],
      [-0.18, 0, 2.06],
      [Infinity, -0.56, 1.96],
    ],
    [
      [-0.69, 0, 2.08],
      [-0.31, 0.45, 2.39],
      [-0.16, 0, 2.25],
      [Infinity, -0.54, 2.16],
    ],
    [
      [-0.7, 0, 2.25],
      [-0.29, 0.49, 2.59],
      [-0.2, 0, 2.45],
      [Infinity, -0.52, 2.35],
    ],
    [
      [-0.67, 0, 2.4],
      [-0.28, 0.59, 2.8],
      [-0.15, 0, 2.63],
      [Infinity, -0.48, 2.56],
    ],
    [
      [-0.69, 0, 2.6],
      [-0.25, 0.39, 2.87],
      [-0.13, 0, 2.77],
      [Infinity, -0.5, 2.71],
    ],
  ],
};

// BMQ (1988) instantaneous-release figure, piecewise-linear digitisation (spec/models.md §4.3).
const PUFF_FIGURE: Figure = {
  ratios: [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001],
  curves: [
    [
      [-0.44, 0, 0.7],
      [0.43, 0.26, 0.81],
      [Infinity, 0, 0.93],
    ],
    [
      [-0.56, 0, 0.85],
      [0.31, 0.26, 1.0],
      [Infinity, -0.12, 1.12],
    ],
    [
      [-0.66, 0, 0.95],
      [0.32, 0.36, 1.19],
      [Infinity, -0.26, 1.38],
    ],
    [
      [-0.71, 0, 1.15],
      [0.37, 0.34, 1.39],
      [Infinity, -0.38, 1.66],
    ],
    [
      [-0.52, 0, 1.48],
      [0.24, 0.26, 1.62],
      [Infinity, -0.3, 1.75],
    ],
    [
      [0.27, 0, 1.83],
      [Infinity, -0.32, 1.92],
    ],
    [
      [-0.1, 0, 2.075],
      [Infinity, -0.27, 2.05],
    ],
  ],
};

/** α range covered by the published figures; outside it the curves are extrapolated. */
export const BRITTER_MCQUAID_ALPHA_RANGE = [-1, 1] as const;

function curveBeta(pieces: readonly Piece[], alpha: number): number {
  for (const [upTo, slope, intercept] of pieces) if (alpha <= upTo) return slope * alpha + intercept;
  throw new RangeError(`alpha: ${alpha} is not a number`);
}

/**
 * The correlation at one α, as interpolation nodes: β = log10(x/L) ascending, the isothermal ratio Cm/C0 descending.
 * Between nodes Cm/C0 is linear in β; past the last node it falls as (x/L)^−2.
 */
export interface BritterMcQuaidCorrelation {
  /** α of the figure. */
  alpha: number;
  /** True when α lies within {@link BRITTER_MCQUAID_ALPHA_RANGE}. */
  withinFigure: boolean;
  /** Node abscissae β = log10(x/L), ascending. */
  betas: readonly number[];
  /** Isothermal Cm/C0 at the nodes, descending. */
  ratios: readonly number[];
  /** x/L up to which the near-field formula is used. */
  nearFieldLimit: number;
  /** A in Cm/C0 = A·(x/L)^−2 beyond the last node. */
  farFieldConstant: number;
}

function correlation(
  figure: Figure,
  alpha: number,
  anchor?: readonly [number, number],
): BritterMcQuaidCorrelation {
  if (!Number.isFinite(alpha)) throw new RangeError(`alpha: ${alpha} is not a finite number`);
  const betas = figure.curves.map((c) => curveBeta(c, alpha));
  const ratios = [...figure.ratios];
  for (let i = 1; i < betas.length; i++) {
    if (!(betas[i]! > betas[i - 1]!)) {
      throw new RangeError(
        `alpha: ${alpha.toFixed(3)} is so far outside the Britter-McQuaid figure that its curves cross`,
      );
    }
  }
  let nearFieldLimit = 10 ** betas[0]!;
  // The plume's near-field formula is joined to the first curve by a straight line in β (spec §4.2), when the
  // first curve lies beyond x/D = 30; for α > 0.61 it does not, and the near field stops at the first curve.
  if (anchor && Math.log10(anchor[0]) < betas[0]!) {
    betas.unshift(Math.log10(anchor[0]));
    ratios.unshift(anchor[1]);
    nearFieldLimit = anchor[0];
  }
  const lastX = 10 ** betas[betas.length - 1]!;
  return {
    alpha,
    withinFigure: alpha >= BRITTER_MCQUAID_ALPHA_RANGE[0] && alpha <= BRITTER_MCQUAID_ALPHA_RANGE[1],
    betas,
    ratios,
    nearFieldLimit,
    farFieldConstant: ratios[ratios.length - 1]! * lastX * lastX,
  };
}

/**
 * The continuous-release figure read at α (BMQ (1988); CCPS99 digitisation, spec/models.md §4.2), with the
 * near-field point (x/D = 30, 306/1206) in front when it lies before the first curve.
 */
export function britterMcQuaidPlumeCorrelation(alpha: number): BritterMcQuaidCorrelation {
  return correlation(PLUME_FIGURE, alpha, [30, plumeNearField(30)]);
}

/** The instantaneous-release figure read at α (BMQ (1988); spec/models.md §4.3). */
export function britterMcQuaidPuffCorrelation(alpha: number): BritterMcQuaidCorrelation {
  return correlation(PUFF_FIGURE, alpha);
}

/** Isothermal Cm/C0 at x/L from the correlation, given the near-field formula. */
function ratioAt(c: BritterMcQuaidCorrelation, scaled: number, nearField: (s: number) => number): number {
  if (!(scaled > 0)) return 1;
  if (scaled <= c.nearFieldLimit) return nearField(scaled);
  const beta = Math.log10(scaled);
  const { betas, ratios } = c;
  const n = betas.length;
  if (beta >= betas[n - 1]!) return c.farFieldConstant / (scaled * scaled);
  let i = 1;
  while (betas[i]! < beta) i++;
  const b0 = betas[i - 1]!;
  const r0 = ratios[i - 1]!;
  return r0 + ((ratios[i]! - r0) * (beta - b0)) / (betas[i]! - b0);
}

/** x/L at which the isothermal Cm/C0 falls to `ratio`, inverse of {@link ratioAt}. */
function scaledDistanceAt(
  c: BritterMcQuaidCorrelation,
  ratio: number,
  nearFieldInverse: (r: number) => number,
): number {
  if (ratio >= 1) return 0;
  const { betas, ratios } = c;
  const n = ratios.length;
  // Above the first node: the near field, or — where it ends above the first curve (a jump) — its end.
  if (ratio > ratios[0]!) return Math.min(nearFieldInverse(ratio), c.nearFieldLimit);
  if (ratio <= ratios[n - 1]!) return Math.sqrt(c.farFieldConstant / ratio);
  let i = 1;
  while (ratios[i]! > ratio) i++;
  const r0 = ratios[i - 1]!;
  const b0 = betas[i - 1]!;
  return 10 ** (b0 + ((betas[i]! - b0) * (ratio - r0)) / (ratios[i]! - r0));
}

/**
 * Non-isothermal correction (BMQ (1988) §5.5; spec/models.md §4.2): the correlations give the ratio c of an
 * isothermal release; a source at T_s into air at T_a has c' = c/(c + (1 − c)·T_s/T_a).
 * @param temperatureRatio T_s/T_a (1 = isothermal)
 */
export function nonIsothermalRatio(isothermalRatio: number, temperatureRatio: number): number {
  return isothermalRatio / (isothermalRatio + (1 - isothermalRatio) * temperatureRatio);
}

/** Inverse of {@link nonIsothermalRatio}: C_iso = C/(C + (1 − C)·T_a/T_s) (spec/models.md §4.2). */
export function isothermalRatio(actualRatio: number, temperatureRatio: number): number {
  return actualRatio / (actualRatio + (1 - actualRatio) / temperatureRatio);
}

function temperatureRatioOf(source?: Kelvin, ambient?: Kelvin): number {
  if (source === undefined && ambient === undefined) return 1;
  if (source === undefined || ambient === undefined) {
    throw new RangeError(
      'sourceTemperature, ambientTemperature: give both for the non-isothermal correction, or neither',
    );
  }
  if (!(source > 0)) throw new RangeError(`sourceTemperature: ${source} K given, must be > 0`);
  if (!(ambient > 0)) throw new RangeError(`ambientTemperature: ${ambient} K given, must be > 0`);
  return source / ambient;
}

export interface BritterMcQuaidPlumeInput {
  /** Q0, volume rate at source density, m³/s (> 0). */
  volumeRate: CubicMetresPerSecond;
  /** ρ_s, density of the released gas at the source, kg/m³ (> ambient). */
  sourceDensity: KilogramsPerCubicMetre;
  /** ρ_a, air density, kg/m³. */
  ambientDensity: KilogramsPerCubicMetre;
  /** u10, wind speed at 10 m, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** T_s, K; with ambientTemperature, applies the non-isothermal correction. */
  sourceTemperature?: Kelvin;
  /** T_a, K. */
  ambientTemperature?: Kelvin;
}

/** A Britter-McQuaid continuous release, solved once for its α. */
export interface BritterMcQuaidPlume {
  /** α = 0.2·log10(g0²·Q0/u^5). */
  alpha: number;
  /** D = √(Q0/u), m: the length that scales x. */
  sourceDimension: Metres;
  /** g0, m/s². */
  reducedGravity: number;
  /** l_b = g0·Q0/u³, m: the buoyancy length of the plume dimensions. */
  buoyancyLength: Metres;
  volumeRate: CubicMetresPerSecond;
  windSpeed: MetresPerSecond;
  /** T_s/T_a (1 when isothermal). */
  temperatureRatio: number;
  /** BMQ continuous criterion; a plume that is not dense is outside the model. */
  criterion: DenseGasCriterion;
  correlation: BritterMcQuaidCorrelation;
}

const plumeNearField = (s: number): number => 306 / (306 + s * s);
const plumeNearFieldInverse = (r: number): number => Math.sqrt((306 * (1 - r)) / r);

/**
 * Sets up the Britter-McQuaid continuous (plume) model: α = 0.2·log10(g0²·Q0/u^5), D = √(Q0/u) (BMQ (1988);
 * CCPS99 pp. 118–122; spec/models.md §4.2). The correlation for that α is read from the figure's piecewise-linear
 * digitisation; α outside −1…1 extrapolates the curves (`correlation.withinFigure` is false).
 * @throws RangeError when the gas is not denser than air, or a temperature is given without the other
 */
export function britterMcQuaidPlume(input: BritterMcQuaidPlumeInput): BritterMcQuaidPlume {
  const { volumeRate: q, windSpeed: u, sourceDensity, ambientDensity } = input;
  if (!(q > 0)) throw new RangeError(`volumeRate: ${q} m³/s given, must be > 0`);
  if (!(u > 0)) throw new RangeError(`windSpeed: ${u} m/s given, must be > 0`);
  const g0 = reducedGravity(sourceDensity, ambientDensity);
  if (!(g0 > 0)) {
    throw new RangeError(
      `sourceDensity: ${sourceDensity} kg/m³ must exceed ambientDensity ${ambientDensity} kg/m³ for a dense-gas model`,
    );
  }
  const temperatureRatio = temperatureRatioOf(input.sourceTemperature, input.ambientTemperature);
  const alpha = 0.2 * Math.log10((g0 * g0 * q) / u ** 5);
  return {
    alpha,
    sourceDimension: Math.sqrt(q / u) as Metres,
    reducedGravity: g0,
    buoyancyLength: ((g0 * q) / u ** 3) as Metres,
    volumeRate: q,
    windSpeed: u,
    temperatureRatio,
    criterion: denseGasCriterionContinuous(q, sourceDensity, ambientDensity, u),
    correlation: britterMcQuaidPlumeCorrelation(alpha),
  };
}

/**
 * Centreline ground-level concentration ratio Cm/C0 (volume fraction relative to the source) at downwind
 * distance x, m (BMQ (1988); spec/models.md §4.2): near field x/D ≤ 30: 306·(x/D)^−2/(1 + 306·(x/D)^−2); then
 * linear in β = log10(x/D) between the figure's curves; beyond the 0.002 curve ∝ (x/D)^−2. Non-isothermal
 * correction applied when the plume has temperatures. 1 at and upwind of the source.
 */
export function britterMcQuaidPlumeRatio(plume: BritterMcQuaidPlume, x: Metres): number {
  const c = ratioAt(plume.correlation, x / plume.sourceDimension, plumeNearField);
  return nonIsothermalRatio(c, plume.temperatureRatio);
}

/**
 * Downwind distance, m, at which the centreline Cm/C0 falls to `ratio` (target volume fraction / source volume
 * fraction), inverting {@link britterMcQuaidPlumeRatio}; the target is first converted to its isothermal value.
 * Ratios below 0.002 (isothermal) use the (x/D)^−2 far field, an extrapolation of the figure.
 * @param ratio target Cm/C0, 0 < ratio; ≥ 1 gives 0
 */
export function britterMcQuaidPlumeDistance(plume: BritterMcQuaidPlume, ratio: number): Metres {
  if (!(ratio > 0)) throw new RangeError(`targetConcentration: ${ratio} given, must be > 0`);
  const iso = isothermalRatio(Math.min(ratio, 1), plume.temperatureRatio);
  const scaled = scaledDistanceAt(plume.correlation, iso, plumeNearFieldInverse);
  return (scaled * plume.sourceDimension) as Metres;
}

/** Plume outline at one distance (BMQ (1988) as printed; spec/models.md §4.2, "treat as uncertain"). */
export interface BritterMcQuaidPlumeDimensions {
  /** L_U = D/2 + 2·l_b: upwind extent of the gravity-spread source, m. */
  upwindExtent: Metres;
  /** L_H0 = D + 8·l_b: half-width at the source, m. */
  sourceHalfWidth: Metres;
  /** L_H = L_H0 + 2.5·l_b^(1/3)·x^(2/3): half-width at x, m. */
  halfWidth: Metres;
  /** L_V = (C0/Cm)·Q0/(2·u·L_H): mass-balanced height at x, m (the printed Q0/(u·L_H) does not conserve mass). */
  height: Metres;
}

/**
 * Plume dimensions at x ≥ 0 (BMQ (1988); spec/models.md §4.2). The height uses the mass-balanced form that
 * GasDispersion.jl's author derived, with the non-isothermal Cm/C0.
 */
export function britterMcQuaidPlumeDimensions(
  plume: BritterMcQuaidPlume,
  x: Metres,
): BritterMcQuaidPlumeDimensions {
  const d = plume.sourceDimension;
  const lb = plume.buoyancyLength;
  const sourceHalfWidth = d + 8 * lb;
  const halfWidth = sourceHalfWidth + 2.5 * Math.cbrt(lb) * Math.max(0, x) ** (2 / 3);
  const ratio = britterMcQuaidPlumeRatio(plume, x);
  return {
    upwindExtent: (d / 2 + 2 * lb) as Metres,
    sourceHalfWidth: sourceHalfWidth as Metres,
    halfWidth: halfWidth as Metres,
    height: (plume.volumeRate / (2 * plume.windSpeed * halfWidth * ratio)) as Metres,
  };
}

export interface BritterMcQuaidPuffInput {
  /** V0, initial cloud volume at source density, m³ (> 0). */
  initialVolume: CubicMetres;
  /** ρ_c, initial cloud density, kg/m³ (> ambient). */
  cloudDensity: KilogramsPerCubicMetre;
  /** ρ_a, kg/m³. */
  ambientDensity: KilogramsPerCubicMetre;
  /** u10, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** T_s, K; with ambientTemperature, applies the non-isothermal correction. */
  sourceTemperature?: Kelvin;
  /** T_a, K. */
  ambientTemperature?: Kelvin;
}

/** A Britter-McQuaid instantaneous release, solved once for its α. */
export interface BritterMcQuaidPuff {
  /** α = 0.5·log10(g0·V0^(1/3)/u²). */
  alpha: number;
  /** V0^(1/3), m: the length that scales x. */
  volumeScale: Metres;
  reducedGravity: number;
  initialVolume: CubicMetres;
  windSpeed: MetresPerSecond;
  temperatureRatio: number;
  criterion: DenseGasCriterion;
  correlation: BritterMcQuaidCorrelation;
}

/** Near field, not below the first curve's 0.1 (spec/models.md §4.3). */
const puffNearField = (s: number): number => Math.max(3.24 / (3.24 + s * s), PUFF_FIGURE.ratios[0]!);
const puffNearFieldInverse = (r: number): number => Math.sqrt((3.24 * (1 - r)) / r);

/**
 * Sets up the Britter-McQuaid instantaneous (puff) model: α = 0.5·log10(g0·V0^(1/3)/u²) (BMQ (1988);
 * spec/models.md §4.3), with the figure's piecewise-linear digitisation at that α.
 * @throws RangeError when the cloud is not denser than air, or a temperature is given without the other
 */
export function britterMcQuaidPuff(input: BritterMcQuaidPuffInput): BritterMcQuaidPuff {
  const { initialVolume: v0, windSpeed: u, cloudDensity, ambientDensity } = input;
  if (!(v0 > 0)) throw new RangeError(`initialVolume: ${v0} m³ given, must be > 0`);
  if (!(u > 0)) throw new RangeError(`windSpeed: ${u} m/s given, must be > 0`);
  const g0 = reducedGravity(cloudDensity, ambientDensity);
  if (!(g0 > 0)) {
    throw new RangeError(
      `cloudDensity: ${cloudDensity} kg/m³ must exceed ambientDensity ${ambientDensity} kg/m³ for a dense-gas model`,
    );
  }
  const temperatureRatio = temperatureRatioOf(input.sourceTemperature, input.ambientTemperature);
  const volumeScale = Math.cbrt(v0);
  const alpha = 0.5 * Math.log10((g0 * volumeScale) / (u * u));
  return {
    alpha,
    volumeScale: volumeScale as Metres,
    reducedGravity: g0,
    initialVolume: v0,
    windSpeed: u,
    temperatureRatio,
    criterion: denseGasCriterionInstantaneous(v0, cloudDensity, ambientDensity, u),
    correlation: britterMcQuaidPuffCorrelation(alpha),
  };
}

/**
 * Peak ground-level concentration ratio Cm/C0 when the cloud reaches downwind distance x, m (BMQ (1988);
 * spec/models.md §4.3): near field 3.24/(3.24 + (x/V0^(1/3))²), not below 0.1; then linear in β between the
 * figure's curves; beyond the 0.001 curve ∝ (x/V0^(1/3))^−2 (an extrapolation). Non-isothermal correction applied
 * when the puff has temperatures.
 */
export function britterMcQuaidPuffRatio(puff: BritterMcQuaidPuff, x: Metres): number {
  const c = ratioAt(puff.correlation, x / puff.volumeScale, puffNearField);
  return nonIsothermalRatio(c, puff.temperatureRatio);
}

/** Downwind distance, m, at which the puff's Cm/C0 falls to `ratio`, inverting {@link britterMcQuaidPuffRatio}. */
export function britterMcQuaidPuffDistance(puff: BritterMcQuaidPuff, ratio: number): Metres {
  if (!(ratio > 0)) throw new RangeError(`targetConcentration: ${ratio} given, must be > 0`);
  const iso = isothermalRatio(Math.min(ratio, 1), puff.temperatureRatio);
  return (scaledDistanceAt(puff.correlation, iso, puffNearFieldInverse) * puff.volumeScale) as Metres;
}

/** Where the gravity-spreading cloud is at time t (spec/models.md §4.3). */
export interface BritterMcQuaidPuffPosition {
  /** x_c = 0.4·u10·t, m. */
  centre: Metres;
  /** R = √(R0² + 1.2·√(g0·V0)·t), R0 = (3V0/4π)^(1/3), m. */
  radius: Metres;
  /** x_c + R, m: the distance at which the correlations are read. */
  leadingEdge: Metres;
  /** H = V0/(c'·π·R²), m, with c' the Cm/C0 at the leading edge. */
  height: Metres;
}

/** Cloud centre, radius, leading edge and height at time t ≥ 0, s (BMQ (1988); spec/models.md §4.3). */
export function britterMcQuaidPuffPosition(puff: BritterMcQuaidPuff, t: Seconds): BritterMcQuaidPuffPosition {
  if (!(t >= 0)) throw new RangeError(`t: ${t} s given, must be ≥ 0`);
  const v0 = puff.initialVolume;
  const r0 = Math.cbrt((3 * v0) / (4 * Math.PI));
  const radius = Math.sqrt(r0 * r0 + 1.2 * Math.sqrt(puff.reducedGravity * v0) * t);
  const centre = 0.4 * puff.windSpeed * t;
  const leadingEdge = centre + radius;
  const ratio = britterMcQuaidPuffRatio(puff, leadingEdge as Metres);
  return {
    centre: centre as Metres,
    radius: radius as Metres,
    leadingEdge: leadingEdge as Metres,
    height: (v0 / (ratio * Math.PI * radius * radius)) as Metres,
  };
}
