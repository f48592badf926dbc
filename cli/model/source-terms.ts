import { z } from 'zod';
import { dischargeGas } from '../../core/discharge/gas.ts';
import { flashFraction } from '../../core/discharge/flash.ts';
import { dischargeLiquid } from '../../core/discharge/liquid.ts';
import { mackayMatsuguEvaporation } from '../../core/pool/evaporation.ts';
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

const RATIO_OF_HEATS = 'out of range: valid range > 1 and ≤ 1.67 (cp/cv)';
const COEFFICIENT = 'out of range: valid range > 0 and ≤ 1';

const dischargeGasModel = defineModel({
  name: 'discharge-gas',
  source: 'YB (2005) eq. 2.22–2.26',
  summary: 'ideal-gas outflow through a hole, choked or sub-critical, with the throat state',
  input: z.strictObject({
    holeDiameter: quantity('length', { gt: 0 }),
    pressure: quantity('pressure', { gt: 0 }),
    temperature: quantity('temperature', { gt: 0 }),
    molarMass: quantity('molarMass', { gt: 0 }),
    // γ of real gases lies between 1 (very complex molecules) and 5/3 (monatomic).
    gamma: z.number().gt(1, RATIO_OF_HEATS).max(1.67, RATIO_OF_HEATS),
    dischargeCoefficient: z.number().gt(0, COEFFICIENT).max(1, COEFFICIENT).default(0.62),
    ambientPressure: quantity('pressure', { gt: 0 }).default(si.pascals(101325)),
  }),
  run: (i) => dischargeGas(i),
});

const flashFractionModel = defineModel({
  name: 'flash-fraction',
  source: 'CCPS99 adiabatic flash (models.md §1.3)',
  summary: 'fraction of a superheated liquid that flashes on release (linear and integrated forms)',
  input: z.strictObject({
    temperature: quantity('temperature', { gt: 0 }),
    boilingPoint: quantity('temperature', { gt: 0 }),
    liquidHeatCapacity: quantity('specificHeat', { gt: 0 }),
    heatOfVaporization: quantity('specificEnergy', { gt: 0 }),
  }),
  run: (i) => flashFraction(i),
});

const poolEvaporationModel = defineModel({
  name: 'pool-evaporation',
  source: 'Mackay & Matsugu (1973); YB (2005) eq. 3.13/3.24/3.25',
  summary: 'wind-driven evaporation of a non-boiling liquid pool',
  input: z.strictObject({
    poolDiameter: quantity('length', { gt: 0 }),
    windSpeed: quantity('velocity', { gt: 0 }),
    vaporPressure: quantity('pressure', { min: 0 }),
    molarMass: quantity('molarMass', { gt: 0 }),
    liquidTemperature: quantity('temperature', { gt: 0 }),
    schmidtNumber: z.number().gt(0, 'out of range: valid range > 0').default(0.8),
  }),
  run: (i) => mackayMatsuguEvaporation(i),
});

export const sourceTermModels: ModelCommand[] = [
  dischargeLiquidModel,
  dischargeGasModel,
  flashFractionModel,
  poolEvaporationModel,
];
