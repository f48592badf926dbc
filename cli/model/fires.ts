import { z } from 'zod';
import { fireball, fireballHeatFlux } from '../../core/fire/fireball.ts';
import { jetFire } from '../../core/fire/jet.ts';
import { poolFire, poolFireHeatFluxDownwind } from '../../core/fire/pool.ts';
import type { Atmosphere } from '../../core/fire/transmissivity.ts';
import { viewFactorCylinder } from '../../core/fire/view-factor.ts';
import { si, type SquareMetresPerSecond } from '../../core/units/index.ts';
import { quantity } from '../../data/schema/quantity.ts';
import { defineModel, type ModelCommand } from './types.ts';

const DEG = Math.PI / 180;
const fraction = (bounds: { gt?: number; min?: number }) => quantity('dimensionless', { ...bounds, max: 1 });

const viewFactorCylinderModel = defineModel({
  name: 'view-factor-cylinder',
  source: 'YB (2005) Appendix 6.1: Raj (vertical), Mudan 1984 (tilted)',
  summary: 'view factors fv, fh, fmax of a (tilted) cylinder to a ground target',
  input: z
    .strictObject({
      a: z.number().gt(0, 'out of range: a = L/R must be > 0'),
      b: z.number().gt(1, 'out of range: b = X/R must be > 1 (target outside the flame base)'),
      tiltDeg: quantity('angle', { min: 0, lt: 90 }).default(si.degrees(0)),
    })
    .superRefine((i, ctx) => {
      const overhang = 1 + i.a * Math.sin(i.tiltDeg * DEG);
      if (i.b <= overhang)
        ctx.addIssue({
          code: 'custom',
          path: ['b'],
          message: `out of range: target under the tilted flame; valid range b > 1 + a·sin(tilt) = ${overhang}`,
        });
    }),
  run: (i) => viewFactorCylinder(i.a, i.b, i.tiltDeg * DEG),
});

/** τ as given, or Wayne's correlation from the weather. */
function atmosphereOf(i: {
  transmissivity?: number;
  relativeHumidity: number;
  ambientTemperature: number;
}): Atmosphere {
  return i.transmissivity !== undefined
    ? { transmissivity: i.transmissivity }
    : { relativeHumidity: i.relativeHumidity, temperature: si.kelvin(i.ambientTemperature) };
}

const poolFireModel = defineModel({
  name: 'pool-fire',
  source: 'YB (2005) ch. 6, eqs. 6.4, 6.12–6.20, 6.66; Mudan view factor; Wayne (1991) τ',
  summary: 'solid-flame pool fire: burning rate, flame, SEP and heat flux at a ground target downwind',
  input: z
    .strictObject({
      poolDiameter: quantity('length', { gt: 0 }),
      heatOfCombustion: quantity('specificEnergy', { gt: 0 }),
      distance: quantity('length', { min: 0 }),
      burningRate: quantity('massFlux', { gt: 0 }).optional(),
      maxBurningRate: quantity('massFlux', { gt: 0 }).optional(),
      kBeta: z.number().gt(0, 'out of range: kBeta (1/m) must be > 0').optional(),
      windSpeed: quantity('velocity', { min: 0 }).default(si.metresPerSecond(0)),
      airDensity: quantity('density', { gt: 0 }).default(si.kilogramsPerCubicMetre(1.225)),
      airViscosity: quantity('kinematicViscosity', { gt: 0 }).default(1.5e-5 as SquareMetresPerSecond),
      radiativeFraction: fraction({ gt: 0 }).default(0.4),
      sootFraction: fraction({ min: 0 }).default(0.8),
      sootEmissivePower: quantity('heatFlux', { min: 0 }).default(si.wattsPerSquareMetre(20000)),
      transmissivity: fraction({ min: 0 }).optional(),
      relativeHumidity: fraction({ min: 0 }).default(0.7),
      ambientTemperature: quantity('temperature', { gt: 0 }).default(si.kelvin(288.15)),
    })
    .superRefine((i, ctx) => {
      const pair = i.maxBurningRate !== undefined || i.kBeta !== undefined;
      if (i.burningRate !== undefined && pair) {
        ctx.addIssue({
          code: 'custom',
          path: ['burningRate'],
          message: 'give either burningRate or maxBurningRate with kBeta (Babrauskas), not both',
        });
      } else if (i.burningRate === undefined && (i.maxBurningRate === undefined || i.kBeta === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [
            i.maxBurningRate === undefined
              ? i.kBeta === undefined
                ? 'burningRate'
                : 'maxBurningRate'
              : 'kBeta',
          ],
          message: 'required: burningRate, or maxBurningRate and kBeta (Babrauskas, YB Table 6.5)',
        });
      }
    }),
  run: (i) => {
    const fire = poolFire(i);
    const flux = poolFireHeatFluxDownwind(fire, i.distance, atmosphereOf(i));
    return {
      burningRate: fire.burningRate,
      flameLength: fire.flameLength,
      tiltDeg: fire.tilt / DEG,
      sepMax: fire.sepMax,
      sep: fire.sep,
      fv: flux.fv,
      fh: flux.fh,
      viewFactor: flux.viewFactor,
      transmissivity: flux.transmissivity,
      heatFlux: flux.heatFlux,
      engulfed: flux.engulfed,
    };
  },
});

const jetFireModel = defineModel({
  name: 'jet-fire',
  source: 'Chamberlain (1987) as YB (2005) §6.5 and Assael & Kakosimos (2010)',
  summary: 'jet-fire frustum: flame length, tilt, lift-off, widths, area, SEP',
  input: z.strictObject({
    massRate: quantity('massRate', { gt: 0 }),
    jetVelocity: quantity('velocity', { gt: 0 }),
    molarMass: quantity('molarMass', { gt: 0 }),
    heatOfCombustion: quantity('specificEnergy', { gt: 0 }),
    airDensity: quantity('density', { gt: 0 }).default(si.kilogramsPerCubicMetre(1.225)),
    windSpeed: quantity('velocity', { min: 0 }).default(si.metresPerSecond(0)),
    angleDeg: quantity('angle', { min: 0, max: 180 }).default(si.degrees(90)),
  }),
  run: (i) => jetFire(i),
});

const fireballModel = defineModel({
  name: 'fireball',
  source: 'TNO / YB (2005) ch. 6 (D, t, H); CCPS (2000); Roberts (1982) radiative fraction',
  summary: 'fireball diameter, duration, height, SEP and heat flux at a ground distance',
  input: z.strictObject({
    mass: quantity('mass', { gt: 0 }),
    heatOfCombustion: quantity('specificEnergy', { gt: 0 }),
    vesselPressure: quantity('pressure', { gt: 0 }).optional(),
    distance: quantity('length', { min: 0 }).optional(),
    relativeHumidity: fraction({ min: 0 }).default(0.7),
    ambientTemperature: quantity('temperature', { gt: 0 }).default(si.kelvin(288.15)),
  }),
  run: (i) => {
    const ball = fireball(i);
    const ccps = fireball({ ...i, correlation: 'ccps' });
    const result = {
      diameter: ball.diameter,
      duration: ball.duration,
      centreHeight: ball.centreHeight,
      radiativeFraction: ball.radiativeFraction,
      sep: ball.sep,
      ccps: {
        diameter: ccps.diameter,
        duration: ccps.duration,
        centreHeight: ccps.centreHeight,
        sep: ccps.sep,
      },
    };
    if (i.distance === undefined) return result;
    const atmosphere = { relativeHumidity: i.relativeHumidity, temperature: i.ambientTemperature };
    return { ...result, ...fireballHeatFlux(ball, i.distance, atmosphere) };
  },
});

export const fireModels: ModelCommand[] = [
  viewFactorCylinderModel,
  poolFireModel,
  jetFireModel,
  fireballModel,
];
