import type {
  KilogramsPerCubicMetre,
  KilogramsPerSecond,
  Metres,
  MetresPerSecond,
  PerYear,
  Probability,
  RiskPerYear,
  Seconds,
} from '../units/index.ts';
import { gaussianPlumeConcentrationWithSigmas } from '../dispersion/gaussian-plume.ts';
import { inverseStandardNormalCdf, standardNormalCdf } from '../vulnerability/normal.ts';
import { toxicProbit, type GasState, type ToxicProbitConstants } from '../vulnerability/toxic.ts';

/**
 * Individual risk at one point from one toxic plume in one weather class and wind direction: the chain of
 * the Purple Book (CPR 18E, 1999) ch. 6 (6.7–6.13 as models.md §8.2 cites them) as worked in its Appendix 6.B.
 *
 * The steps, exactly as computed here (the grid engine must reproduce them):
 * 1. Centreline concentration at the receptor, Gaussian plume with ground reflection (models.md §3.1):
 *    C = Q/(2π·u·σy·σz)·[exp(−(z−h)²/(2σz²)) + exp(−(z+h)²/(2σz²))], σy and σz given at the distance R.
 * 2. Probit on the centreline, Pr_cl = a + b·ln(Cⁿ·t), C and t in the units of the constants (PB Table 5.2:
 *    mg/m³ and min).
 * 3. Centreline lethality P_cl = Φ(Pr_cl − 5).
 * 4. Probability integral across the plume at the same distance, PI = ∫ P(y) dy over the band where
 *    P(y) ≥ cut-off (PB: 1 %). Off-centre the concentration falls as exp(−y²/(2σy²)), so the probit falls
 *    as Pr(y) = Pr_cl − (b·n/2)·(y/σy)² and the band is |y| ≤ y_c = σy·√(2·(Pr_cl − Pr_cut)/(b·n)) with
 *    Pr_cut = 5 + Φ⁻¹(cut-off). PI is evaluated by Gauss–Legendre quadrature (16 nodes on each of 8 equal
 *    panels of [0, y_c], doubled by symmetry; the integrand is smooth, the error is below 1e-12 relative).
 *    If P_cl < cut-off every quantity below is 0.
 * 5. Effective cloud width ECW = PI/P_cl: the width of a cloud of uniform lethality P_cl with the same
 *    integral.
 * 6. Coverage P_ci = n_ws·ECW/(2π·R): the chance that a wind direction uniform within one of the n_ws
 *    sectors puts the point inside that width. Capped at 1 (when ECW exceeds the sector's arc the point is
 *    covered whatever the direction in the sector; the uncapped value is returned as well).
 * 7. Death probability P_d = P_cl·P_ci.
 * 8. Individual-risk contribution ΔIR = f·P_(M,φ)·P_d, with P_(M,φ) the probability of this weather class
 *    and wind sector together.
 */
export interface ToxicIrPointInput {
  /** Continuous release rate Q, kg/s (> 0). */
  releaseRate: KilogramsPerSecond;
  /** Wind speed u at the plume, m/s (> 0). */
  windSpeed: MetresPerSecond;
  /** Downwind distance R from the source to the point, m (> 0). */
  distance: Metres;
  /** Horizontal dispersion coefficient at R, m (> 0). */
  sigmaY: Metres;
  /** Vertical dispersion coefficient at R, m (> 0). */
  sigmaZ: Metres;
  /** Toxic probit constants (PB Table 5.2: mg/m³, min). */
  constants: ToxicProbitConstants;
  /** Needed only for `ppm-min` constants. */
  gas?: GasState;
  /** Scenario frequency f, per year (≥ 0). */
  frequency: PerYear;
  /** Probability of the weather class and wind sector together, P_M·P_φ, 0–1. */
  directionProbability: Probability;
  /** Release height h, m; default 0. */
  releaseHeight?: Metres;
  /** Receptor height z, m; default 0 (PB Appendix 6.B uses 1 m). */
  receptorHeight?: Metres;
  /** Exposure time, s; default 1800 (PB caps toxic exposure at 30 min; the cap is not re-applied here). */
  exposure?: Seconds;
  /** Number of wind sectors n_ws; default 12. */
  sectors?: number;
  /** Lethality below which effects are ignored; default 0.01 (PB 1 % cut-off; models.md §7.4). */
  cutoff?: Probability;
}

export interface ToxicIrPointResult {
  /** Centreline concentration at the receptor, kg/m³. */
  concentration: KilogramsPerCubicMetre;
  /** Centreline probit Pr_cl. */
  probit: number;
  /** P_cl. */
  centrelineLethality: Probability;
  /** Half-width y_c of the band where P ≥ cut-off, m (0 when P_cl < cut-off). */
  cutoffHalfWidth: Metres;
  /** PI = ∫P(y)dy over the band, m. */
  probabilityIntegral: Metres;
  /** ECW = PI/P_cl, m. */
  effectiveCloudWidth: Metres;
  /** P_ci, capped at 1. */
  coverage: Probability;
  /** n_ws·ECW/(2πR) before the cap. */
  coverageUncapped: number;
  /** P_d = P_cl·P_ci. */
  deathProbability: Probability;
  /** ΔIR = f·P_(M,φ)·P_d, per year. */
  individualRisk: RiskPerYear;
}

/**
 * Individual-risk contribution of a continuous toxic plume at a point, by the Purple Book Appendix 6.B
 * chain (PB 1999 ch. 6 and Appendix 6.B; models.md §8.2; steps documented on {@link ToxicIrPointInput}).
 * @throws RangeError naming an impossible parameter.
 */
export function toxicIndividualRiskAtPoint(input: ToxicIrPointInput): ToxicIrPointResult {
  const h = input.releaseHeight ?? 0;
  const z = input.receptorHeight ?? 0;
  const exposure = input.exposure ?? (1800 as Seconds);
  const sectors = input.sectors ?? 12;
  const cutoff = input.cutoff ?? 0.01;
  positive(input.releaseRate, 'releaseRate');
  positive(input.windSpeed, 'windSpeed');
  positive(input.distance, 'distance');
  positive(input.sigmaY, 'sigmaY');
  positive(input.sigmaZ, 'sigmaZ');
  positive(exposure, 'exposure');
  if (!(h >= 0)) throw new RangeError(`releaseHeight must be ≥ 0 m, got ${h}`);
  if (!(z >= 0)) throw new RangeError(`receptorHeight must be ≥ 0 m, got ${z}`);
  if (!(Number.isInteger(sectors) && sectors >= 1))
    throw new RangeError(`sectors must be an integer ≥ 1, got ${sectors}`);
  if (!(cutoff > 0 && cutoff < 1)) throw new RangeError(`cutoff must be in (0, 1), got ${cutoff}`);
  if (!(input.frequency >= 0)) throw new RangeError(`frequency must be ≥ 0 per year, got ${input.frequency}`);
  if (!(input.directionProbability >= 0 && input.directionProbability <= 1)) {
    throw new RangeError(`directionProbability must be in [0, 1], got ${input.directionProbability}`);
  }

  // Step 1: centreline (y = 0) concentration at receptor height, with the ground-reflection image source.
  const { sigmaY, sigmaZ } = input;
  const concentration = gaussianPlumeConcentrationWithSigmas({
    releaseRate: input.releaseRate,
    windSpeed: input.windSpeed,
    sigmaY,
    sigmaZ,
    z: z as Metres,
    releaseHeight: h as Metres,
    groundReflection: true,
  });

  // Steps 2–3.
  const probit = toxicProbit(input.constants, concentration, exposure, input.gas);
  const centrelineLethality = standardNormalCdf(probit - 5) as Probability;

  // Step 4.
  const { halfWidth, integral } = lethalityIntegralAcrossPlume(
    probit,
    input.constants.b * input.constants.n,
    sigmaY,
    cutoff,
  );
  if (integral === 0) {
    const zero = 0 as Probability;
    return {
      concentration,
      probit,
      centrelineLethality,
      cutoffHalfWidth: 0 as Metres,
      probabilityIntegral: 0 as Metres,
      effectiveCloudWidth: 0 as Metres,
      coverage: zero,
      coverageUncapped: 0,
      deathProbability: zero,
      individualRisk: 0 as RiskPerYear,
    };
  }

  // Steps 5–8.
  const effectiveCloudWidth = integral / centrelineLethality;
  const coverageUncapped = (sectors * effectiveCloudWidth) / (2 * Math.PI * input.distance);
  const coverage = Math.min(1, coverageUncapped);
  const deathProbability = centrelineLethality * coverage;
  return {
    concentration,
    probit,
    centrelineLethality,
    cutoffHalfWidth: halfWidth as Metres,
    probabilityIntegral: integral as Metres,
    effectiveCloudWidth: effectiveCloudWidth as Metres,
    coverage: coverage as Probability,
    coverageUncapped,
    deathProbability: deathProbability as Probability,
    individualRisk: (input.frequency * input.directionProbability * deathProbability) as RiskPerYear,
  };
}

/**
 * Probability integral across a Gaussian plume, PI = ∫ Φ(Pr(y) − 5) dy over |y| ≤ y_c, where the probit
 * falls off the centreline as Pr(y) = Pr_cl − (b·n/2)·(y/σy)² and y_c is where the lethality equals the
 * cut-off. PB (1999) Appendix 6.B step 4.4 (probability integral to the 1 % cut-off).
 * @param centrelineProbit Pr_cl
 * @param bn b·n of the probit (> 0)
 * @param sigmaY m (> 0)
 * @param cutoff lethality below which effects are ignored, 0 < cut-off < 1
 * @returns y_c (m) and PI (m); both 0 when the centreline lethality is below the cut-off
 */
export function lethalityIntegralAcrossPlume(
  centrelineProbit: number,
  bn: number,
  sigmaY: Metres,
  cutoff: number,
): { halfWidth: number; integral: number } {
  if (!(bn > 0)) throw new RangeError(`b·n must be > 0, got ${bn}`);
  const cutoffProbit = 5 + inverseStandardNormalCdf(cutoff);
  if (!(centrelineProbit > cutoffProbit)) return { halfWidth: 0, integral: 0 };
  const k = bn / 2;
  const sCut = Math.sqrt((centrelineProbit - cutoffProbit) / k);
  const panel = sCut / PANELS;
  let sum = 0;
  for (let j = 0; j < PANELS; j++) {
    const mid = (j + 0.5) * panel;
    for (let i = 0; i < GL_NODES.length; i++) {
      const s = mid + 0.5 * panel * (GL_NODES[i] ?? 0);
      sum += (GL_WEIGHTS[i] ?? 0) * standardNormalCdf(centrelineProbit - 5 - k * s * s);
    }
  }
  // ∫ over s in one panel = (panel/2)·Σ wᵢ f; both sides of the centreline; y = σy·s.
  return { halfWidth: sigmaY * sCut, integral: 2 * sigmaY * 0.5 * panel * sum };
}

const PANELS = 8;
const GL_ORDER = 16;

/**
 * Gauss–Legendre nodes and weights on [−1, 1], found once by Newton's method on the Legendre polynomial
 * (the construction of Press et al., Numerical Recipes, §4.6 `gauleg`).
 */
function gaussLegendre(order: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(order);
  const weights = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (order + 0.5));
    let derivative = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let m = 2; m <= order; m++) {
        const p2 = ((2 * m - 1) * x * p1 - (m - 1) * p0) / m;
        p0 = p1;
        p1 = p2;
      }
      derivative = (order * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

const { nodes: GL_NODES, weights: GL_WEIGHTS } = gaussLegendre(GL_ORDER);

function positive(v: number, name: string): void {
  if (!(v > 0)) throw new RangeError(`${name} must be > 0, got ${v}`);
}
