import { z } from 'zod';
import { blastTnt } from '../../core/explosion/blast.ts';
import { KINGERY_BULMASH_RANGE } from '../../core/explosion/kingery-bulmash.ts';
import {
  DEFAULT_MULTI_ENERGY_STRENGTH,
  multiEnergyBlast,
  multiEnergyChargeEnergy,
  multiEnergyDistanceRange,
} from '../../core/explosion/multi-energy.ts';
import { DEFAULT_TNT_YIELD, TNT_BLAST_ENERGY, tntEquivalentMass } from '../../core/explosion/tnt.ts';
import { si } from '../../core/units/index.ts';
import { quantity } from '../../data/schema/quantity.ts';
import { defineModel, type ModelCommand } from './types.ts';

const tntEquivalentModel = defineModel({
  name: 'tnt-equivalent',
  source: 'models.md §6.1 (HyRAM; CCPS99 §2.2.1)',
  summary: 'TNT-equivalent mass W = η·M·ΔHc/E_TNT',
  input: z.strictObject({
    mass: quantity('mass', { gt: 0 }),
    heatOfCombustion: quantity('specificEnergy', { gt: 0 }),
    yield: z
      .number()
      .gt(0, 'out of range: valid range > 0 and ≤ 1 (typically 0.01–0.10)')
      .max(1, 'out of range: valid range > 0 and ≤ 1 (typically 0.01–0.10)')
      .default(DEFAULT_TNT_YIELD),
    tntEnergy: quantity('specificEnergy', { gt: 0 }).default(TNT_BLAST_ENERGY),
  }),
  run: (i) => ({ tntMass: tntEquivalentMass(i) }),
});

const blastTntModel = defineModel({
  name: 'blast-tnt',
  source: 'Kingery-Bulmash, Swisdak (1994) fit; Kinney & Graham (1985)',
  summary: 'TNT blast at a distance: overpressure (and KB impulse, arrival, duration)',
  input: z
    .strictObject({
      tntMass: quantity('mass', { gt: 0 }),
      distance: quantity('length', { gt: 0 }),
      curve: z.enum(['kingery-bulmash', 'kinney-graham']).default('kingery-bulmash'),
      ambientPressure: quantity('pressure', { gt: 0 }).default(si.pascals(101325)),
    })
    .superRefine((i, ctx) => {
      if (i.curve !== 'kingery-bulmash') return;
      // Sachs-scaled Z, as blastTnt evaluates it; the fit holds for 0.2–198.5 m/kg^(1/3).
      const length = Math.cbrt((i.tntMass * 101325) / i.ambientPressure);
      const z = i.distance / length;
      if (z < KINGERY_BULMASH_RANGE.min || z > KINGERY_BULMASH_RANGE.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['distance'],
          message:
            `out of range: scaled distance ${z.toPrecision(4)} m/kg^(1/3) is outside the Kingery-Bulmash fit ` +
            `(${KINGERY_BULMASH_RANGE.min}–${KINGERY_BULMASH_RANGE.max} m/kg^(1/3)); valid range for this ` +
            `charge ${(KINGERY_BULMASH_RANGE.min * length).toPrecision(4)}–` +
            `${(KINGERY_BULMASH_RANGE.max * length).toPrecision(4)} m`,
        });
      }
    }),
  run: (i) => blastTnt(i),
});

const STRENGTH = 'out of range: valid range integer 1–10';

const multiEnergyModel = defineModel({
  name: 'multi-energy',
  source: 'TNO Multi-Energy (van den Berg 1985), curves as fitted in MSB B06-105 (2017) Tabell 4.2–4.3',
  summary: 'vapour cloud explosion blast at a distance: overpressure, duration, impulse for strength 1–10',
  input: z
    .strictObject({
      distance: quantity('length', { gt: 0 }),
      energy: quantity('energy', { gt: 0 }).optional(),
      volume: quantity('volume', { gt: 0 }).optional(),
      strength: z
        .number()
        .int(STRENGTH)
        .min(1, STRENGTH)
        .max(10, STRENGTH)
        .default(DEFAULT_MULTI_ENERGY_STRENGTH),
      ambientPressure: quantity('pressure', { gt: 0 }).default(si.pascals(101325)),
      soundSpeed: quantity('velocity', { gt: 0 }).default(si.metresPerSecond(340)),
    })
    .superRefine(
      (i, ctx) => {
        if ((i.energy === undefined) === (i.volume === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['energy'],
            message:
              i.energy === undefined
                ? 'required: give energy (J) or volume (m³ of stoichiometric mixture in the obstructed region)'
                : 'give energy or volume, not both',
          });
          return;
        }
        const energy = i.energy ?? multiEnergyChargeEnergy(i.volume!);
        const range = multiEnergyDistanceRange(i.strength, energy, i.ambientPressure);
        if (i.distance < range.min || i.distance > range.max) {
          ctx.addIssue({
            code: 'custom',
            path: ['distance'],
            message:
              `out of range: ${i.distance} m is outside the Multi-Energy fits (scaled distance ≥ 0.1 and ` +
              `overpressure ≥ 0.001·P0); valid range for this charge and strength ` +
              `${range.min.toPrecision(4)}–${range.max.toPrecision(4)} m`,
          });
        }
      },
      // Only once every field has parsed: the range check needs a valid strength and charge.
      { when: (payload) => payload.issues.length === 0 },
    ),
  run: (i) => {
    const energy = i.energy ?? multiEnergyChargeEnergy(i.volume!);
    return { energy, ...multiEnergyBlast({ ...i, energy }) };
  },
});

export const explosionModels: ModelCommand[] = [tntEquivalentModel, blastTntModel, multiEnergyModel];
