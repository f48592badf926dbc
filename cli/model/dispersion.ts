import { z } from 'zod';
import {
  britterMcQuaidPlume,
  britterMcQuaidPlumeDimensions,
  britterMcQuaidPlumeDistance,
  britterMcQuaidPlumeRatio,
  britterMcQuaidPuff,
  britterMcQuaidPuffRatio,
  type BritterMcQuaidCorrelation,
} from '../../core/dispersion/britter-mcquaid.ts';
import type { DenseGasCriterion } from '../../core/dispersion/dense-gas.ts';
import { gaussianPlumeConcentrationWithSigmas } from '../../core/dispersion/gaussian-plume.ts';
import { gaussianPuffConcentration } from '../../core/dispersion/gaussian-puff.ts';
import { briggsSigmaY, briggsSigmaZ, ccpsPuffCoefficients } from '../../core/dispersion/sigmas.ts';
import { STABILITY_CLASSES, TERRAINS } from '../../core/dispersion/stability.ts';
import { si, type Metres } from '../../core/units/index.ts';
import { quantity } from '../../data/schema/quantity.ts';
import { defineModel, type ModelCommand } from './types.ts';

const stability = z
  .enum(STABILITY_CLASSES, { error: 'out of range: expected a Pasquill stability class A, B, C, D, E or F' })
  .default('D');
const terrain = z.enum(TERRAINS, { error: 'expected "rural" or "urban"' }).default('rural');
const zero = si.metres(0);

/** Briggs fits are for 100 m – 10 km (spec/models.md §3.3). */
const BRIGGS_RANGE = [100, 10_000] as const;

const gaussianPlumeModel = defineModel({
  name: 'gaussian-plume',
  source:
    'CCPS99 Gaussian plume with ground reflection; Briggs σ (ALOHA TM OR&R 43 Table 13); AQ/T 3046 E.33',
  summary: 'passive continuous plume: σy, σz and concentration at (x, y, z)',
  input: z.strictObject({
    releaseRate: quantity('massRate', { gt: 0 }),
    windSpeed: quantity('velocity', { gt: 0 }),
    x: quantity('length', { gt: 0 }),
    stability,
    terrain,
    y: quantity('length').default(zero),
    z: quantity('length', { min: 0 }).default(zero),
    releaseHeight: quantity('length', { min: 0 }).default(zero),
    sigmaY: quantity('length', { gt: 0 }).optional(),
    sigmaZ: quantity('length', { gt: 0 }).optional(),
  }),
  run: (i) => {
    const sigmaY = i.sigmaY ?? briggsSigmaY(i.stability, i.terrain, i.x);
    const sigmaZ = i.sigmaZ ?? briggsSigmaZ(i.stability, i.terrain, i.x);
    const warnings: string[] = [];
    const usesBriggs = i.sigmaY === undefined || i.sigmaZ === undefined;
    if (usesBriggs && (i.x < BRIGGS_RANGE[0] || i.x > BRIGGS_RANGE[1])) {
      warnings.push(`x = ${i.x} m is outside the 100 m – 10 km range of the Briggs fits`);
    }
    return {
      sigmaY,
      sigmaZ,
      concentration: gaussianPlumeConcentrationWithSigmas({ ...i, sigmaY, sigmaZ }),
      sigmaSource: {
        y: i.sigmaY === undefined ? `briggs-${i.terrain}` : 'input',
        z: i.sigmaZ === undefined ? `briggs-${i.terrain}` : 'input',
      },
      warnings,
    };
  },
});

const gaussianPuffModel = defineModel({
  name: 'gaussian-puff',
  source: 'CCPS99 Gaussian puff with ground reflection; CCPS puff σ (σx = σy)',
  summary: 'passive instantaneous puff: σx, σy, σz and concentration at (x, y, z, t)',
  input: z.strictObject({
    mass: quantity('mass', { gt: 0 }),
    windSpeed: quantity('velocity', { gt: 0 }),
    x: quantity('length'),
    t: quantity('time', { gt: 0 }),
    stability,
    y: quantity('length').default(zero),
    z: quantity('length', { min: 0 }).default(zero),
    releaseHeight: quantity('length', { min: 0 }).default(zero),
  }),
  run: (i) => {
    const coefficients = ccpsPuffCoefficients(i.stability);
    const centreDistance = i.windSpeed * i.t;
    return {
      sigmaX: coefficients.sigmaX(centreDistance),
      sigmaY: coefficients.sigmaY(centreDistance),
      sigmaZ: coefficients.sigmaZ(centreDistance),
      concentration: gaussianPuffConcentration(
        { mass: i.mass, windSpeed: i.windSpeed, releaseHeight: i.releaseHeight, coefficients },
        i.x,
        i.y,
        i.z,
        i.t,
      ),
      centreDistance,
    };
  },
});

/** Notes that a reader of a dense-gas result needs: not dense, α off the figure, a far-field extrapolation. */
function denseGasWarnings(
  criterion: DenseGasCriterion,
  correlation: BritterMcQuaidCorrelation,
  scaledDistances: readonly number[],
): string[] {
  const warnings: string[] = [];
  if (!criterion.dense) {
    warnings.push(
      `not a dense release by the Britter-McQuaid criterion (${criterion.value.toFixed(3)} < ${criterion.threshold}): use a passive model`,
    );
  }
  if (!correlation.withinFigure) {
    warnings.push(
      `alpha = ${correlation.alpha.toFixed(3)} is outside the figure (−1 to 1): the curves are extrapolated`,
    );
  }
  const lastNode = 10 ** correlation.betas[correlation.betas.length - 1]!;
  if (scaledDistances.some((s) => s > lastNode)) {
    warnings.push(
      `beyond the last curve of the figure (${correlation.ratios[correlation.ratios.length - 1]}): Cm/C0 ∝ (x/L)^−2 is an extrapolation`,
    );
  }
  return warnings;
}

const britterMcQuaidPlumeModel = defineModel({
  name: 'britter-mcquaid-plume',
  source: 'Britter & McQuaid (1988) HSE CRR 17/1988; CCPS99 pp. 118–122 digitisation',
  summary: 'dense-gas continuous release: alpha, D, Cm/C0 at x, distance to a target concentration',
  input: z
    .strictObject({
      volumeRate: quantity('volumeRate', { gt: 0 }),
      sourceDensity: quantity('density', { gt: 0 }),
      ambientDensity: quantity('density', { gt: 0 }),
      windSpeed: quantity('velocity', { gt: 0 }),
      x: quantity('length', { min: 0 }).optional(),
      targetConcentration: quantity('dimensionless', { gt: 0, max: 1 }).optional(),
      sourceTemperature: quantity('temperature', { gt: 0 }).optional(),
      ambientTemperature: quantity('temperature', { gt: 0 }).optional(),
    })
    .superRefine((i, ctx) => {
      if (i.sourceDensity <= i.ambientDensity) {
        ctx.addIssue({
          code: 'custom',
          path: ['sourceDensity'],
          message: `out of range: must exceed ambientDensity (${i.ambientDensity} kg/m^3) for a dense-gas model`,
        });
      }
      temperaturesTogether(i, ctx);
    }),
  run: (i) => {
    const plume = britterMcQuaidPlume(i);
    const out: Record<string, unknown> = {
      alpha: plume.alpha,
      sourceDimension: plume.sourceDimension,
      reducedGravity: plume.reducedGravity,
      buoyancyLength: plume.buoyancyLength,
      temperatureRatio: plume.temperatureRatio,
      denseGasCriterion: plume.criterion,
    };
    const scaled: number[] = [];
    if (i.x !== undefined) {
      out.concentrationRatio = britterMcQuaidPlumeRatio(plume, i.x);
      const dims = britterMcQuaidPlumeDimensions(plume, i.x);
      out.upwindExtent = dims.upwindExtent;
      out.halfWidth = dims.halfWidth;
      out.height = dims.height;
      scaled.push(i.x / plume.sourceDimension);
    }
    if (i.targetConcentration !== undefined) {
      const distance: Metres = britterMcQuaidPlumeDistance(plume, i.targetConcentration);
      out.distanceToTarget = distance;
      scaled.push(distance / plume.sourceDimension);
    }
    out.warnings = denseGasWarnings(plume.criterion, plume.correlation, scaled);
    return out;
  },
});

function temperaturesTogether(
  i: { sourceTemperature?: number; ambientTemperature?: number },
  ctx: z.RefinementCtx,
): void {
  if ((i.sourceTemperature === undefined) === (i.ambientTemperature === undefined)) return;
  const missing = i.sourceTemperature === undefined ? 'sourceTemperature' : 'ambientTemperature';
  ctx.addIssue({
    code: 'custom',
    path: [missing],
    message:
      'required with the other temperature: the non-isothermal correction needs both (or give neither)',
  });
}

const britterMcQuaidPuffModel = defineModel({
  name: 'britter-mcquaid-puff',
  source: 'Britter & McQuaid (1988) HSE CRR 17/1988, instantaneous-release figure',
  summary: 'dense-gas instantaneous release: alpha and Cm/C0 when the cloud reaches x',
  input: z
    .strictObject({
      initialVolume: quantity('volume', { gt: 0 }),
      cloudDensity: quantity('density', { gt: 0 }),
      ambientDensity: quantity('density', { gt: 0 }),
      windSpeed: quantity('velocity', { gt: 0 }),
      x: quantity('length', { min: 0 }),
      initialConcentration: quantity('dimensionless', { gt: 0 }).default(1),
    })
    .superRefine((i, ctx) => {
      if (i.cloudDensity <= i.ambientDensity) {
        ctx.addIssue({
          code: 'custom',
          path: ['cloudDensity'],
          message: `out of range: must exceed ambientDensity (${i.ambientDensity} kg/m^3) for a dense-gas model`,
        });
      }
    }),
  run: (i) => {
    const puff = britterMcQuaidPuff(i);
    const concentrationRatio = britterMcQuaidPuffRatio(puff, i.x);
    return {
      alpha: puff.alpha,
      volumeScale: puff.volumeScale,
      reducedGravity: puff.reducedGravity,
      denseGasCriterion: puff.criterion,
      concentrationRatio,
      concentration: i.initialConcentration * concentrationRatio,
      warnings: denseGasWarnings(puff.criterion, puff.correlation, [i.x / puff.volumeScale]),
    };
  },
});

export const dispersionModels: ModelCommand[] = [
  gaussianPlumeModel,
  gaussianPuffModel,
  britterMcQuaidPlumeModel,
  britterMcQuaidPuffModel,
];
