import { z } from 'zod';
import { dischargeLiquid } from '../../core/discharge/liquid.ts';
import { quantity } from '../../data/schema/quantity.ts';
import { si } from '../../core/units/index.ts';
import { defineModel, type ModelCommand } from './types.ts';

const dischargeLiquidModel = defineModel({
  name: 'discharge-liquid',
  source: 'YB (2005) eq. 2.194–2.196; CCPS99 §2.1.1',
  summary: 'liquid outflow through a hole (Bernoulli, with head)',
  input: z.strictObject({
    holeDiameter: quantity('length', { gt: 0 }),
    liquidDensity: quantity('density', { gt: 0 }),
    pressure: quantity('pressure', { gt: 0 }),
    dischargeCoefficient: z.number().gt(0).max(1).default(0.62),
    ambientPressure: quantity('pressure', { gt: 0 }).default(si.pascals(101325)),
    liquidHead: quantity('length', { min: 0 }).default(si.metres(0)),
  }),
  run: (i) => dischargeLiquid(i),
});

export const sourceTermModels: ModelCommand[] = [dischargeLiquidModel];
