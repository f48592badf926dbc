import { z } from 'zod';
import {
  CONTAINMENTS,
  INSTALLATION_STATUSES,
  STABILITY_CLASSES,
  SYSTEM_GRADES,
  TARGET_CATEGORIES,
} from '../../core/rules/types.ts';
import { quantity } from '../schema/quantity.ts';
import type { PerYear } from '../../core/units/index.ts';

/**
 * zod schema of the project JSON, version 1 (spec/project-format.md), field for field. Quantities accept an
 * SI number or a unit string and come out in SI. Only the shape and single-field ranges are checked here;
 * the rules that span fields (sums, unique ids, nesting, known substances, LOC ids) are in checks.ts, and
 * defaults from the rule set are filled in by parse.ts.
 */

/** `[…]` as a zod tuple type without importing the enum constants' literal types again. */
const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const probability = z
  .number({ error: 'expected a number in [0, 1]' })
  .min(0, { error: 'expected a number in [0, 1]' })
  .max(1, { error: 'expected a number in [0, 1]' });

const count = z
  .number({ error: 'expected a number of people ≥ 0' })
  .min(0, { error: 'expected a number of people ≥ 0' });

const coordinate = quantity('length');
const pointTuple = z.tuple([coordinate, coordinate], { error: 'expected a point [x, y] in m' });
const polygon = z.array(pointTuple).min(3, { error: 'expected a polygon of at least 3 points [[x, y], …]' });
const position = z.strictObject({ x: coordinate, y: coordinate });
const id = z
  .string({ error: 'expected a non-empty string id' })
  .min(1, { error: 'expected a non-empty string id' });

/**
 * A LOC frequency in the item's catalogue basis: per year, but per metre and year for pipes and per hour of
 * use for loading arms, hoses and road tankers (spec/project-format.md). A plain number only: a unit string
 * such as "3e-7 /h" would be converted to per year and then read in the item's basis, off by 8760.
 */
const CATALOGUE_FREQUENCY =
  "expected a plain number ≥ 0 in the item's catalogue basis (per year; per metre and year for pipes; per hour of use for loading arms, hoses and road tankers), without a unit";
const catalogueFrequency = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i, { error: CATALOGUE_FREQUENCY }),
    ],
    { error: CATALOGUE_FREQUENCY },
  )
  .transform(Number)
  .pipe(z.number().min(0, { error: CATALOGUE_FREQUENCY }))
  // Branded as the engine's LOC frequencies are; the catalogue basis scales it (core/qra/loc/catalogue.ts).
  .transform((v) => v as PerYear);

const locOverrides = {
  id: z.string().optional(),
  /** LOC id → frequency in the catalogue's basis. */
  frequencies: z.record(z.string(), catalogueFrequency).optional(),
  /** LOC ids to drop. */
  disable: z.array(z.string()).optional(),
  /** Why the catalogue was overridden; kept in the audit log and the report. */
  reason: z.string().optional(),
};

const volume = quantity('volume', { gt: 0 });
const fill = probability.optional();
const hoursPerYear = z
  .number({ error: 'expected hours per year in [0, 8760]' })
  .min(0, { error: 'expected hours per year in [0, 8760]' })
  .max(8760, { error: 'expected hours per year in [0, 8760]' });

export const equipmentSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('pressure-vessel'), volume, fill, ...locOverrides }),
    z.strictObject({ type: z.literal('process-vessel'), volume, fill, ...locOverrides }),
    z.strictObject({
      type: z.literal('atmospheric-tank'),
      volume,
      fill,
      containment: oneOf(CONTAINMENTS),
      bund: z
        .strictObject({ area: quantity('area', { gt: 0 }), height: quantity('length', { min: 0 }) })
        .optional(),
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('pipe'),
      length: quantity('length', { gt: 0 }),
      diameter: quantity('length', { gt: 0 }),
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('pump'),
      connectionDiameter: quantity('length', { gt: 0 }),
      canned: z.boolean().default(false),
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('heat-exchanger'),
      side: z.enum(['shell', 'tubes']),
      volume,
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('loading-arm'),
      diameter: quantity('length', { gt: 0 }),
      hoursPerYear,
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('loading-hose'),
      diameter: quantity('length', { gt: 0 }),
      hoursPerYear,
      ...locOverrides,
    }),
    z.strictObject({
      type: z.literal('road-tanker'),
      volume,
      pressurised: z.boolean(),
      hoursPerYear,
      ...locOverrides,
    }),
  ],
  {
    error:
      'expected type pressure-vessel, process-vessel, atmospheric-tank, pipe, pump, heat-exchanger, loading-arm, loading-hose or road-tanker',
  },
);

const outcomeSchema = z.strictObject({
  probability,
  effect: z.enum(['toxic', 'heat', 'flash-fire', 'explosion', 'generic']),
  zones: z
    .array(z.strictObject({ radius: quantity('length', { gt: 0 }), lethality: probability }))
    .min(1)
    .optional(),
  downwind: z
    .array(
      z.strictObject({
        length: quantity('length', { gt: 0 }),
        halfWidth: quantity('length', { gt: 0 }),
        lethality: probability,
      }),
    )
    .min(1)
    .optional(),
});

const scenarioSchema = z.strictObject({
  id,
  type: z.literal('user-defined'),
  frequency: quantity('frequency', { gt: 0 }),
  outcomes: z.array(outcomeSchema).min(1),
});

/**
 * The charge of the consequence method (an addition to the v1 contract): `tntEquivalent`, or `mass` with
 * `tntFactor`; checks.ts enforces exactly one form. No table of typical factors is built in: the factor is the
 * user's, from the explosive's data, and `source` records where it comes from.
 */
const tntFactorError = 'expected a TNT-equivalence factor > 0 (a number, W_TNT = factor · mass)';
const explosiveSchema = z.strictObject({
  tntEquivalent: quantity('mass', { gt: 0 }).optional(),
  mass: quantity('mass', { gt: 0 }).optional(),
  tntFactor: z.number({ error: tntFactorError }).gt(0, { error: tntFactorError }).optional(),
  source: z.string().optional(),
});

/** A design-code separation distance to check (an addition to the v1 contract). */
const codeDistanceSchema = z.strictObject({
  target: id.optional(),
  targetCategory: oneOf(TARGET_CATEGORIES).optional(),
  code: z
    .string({ error: 'expected the code clause as text, e.g. "GB 50160-2008 表4.1.9"' })
    .min(1, { error: 'expected the code clause as text, e.g. "GB 50160-2008 表4.1.9"' }),
  required: quantity('length', { gt: 0 }),
  actual: quantity('length', { min: 0 }).optional(),
});

const installationSchema = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(['storage', 'production']),
  status: oneOf(INSTALLATION_STATUSES),
  /** GB 18218 unit id (an addition to the v1 contract); installations sharing it are summed in Σq/Q. */
  unit: z.string().min(1).optional(),
  position,
  outline: polygon.optional(),
  substance: id,
  inventory: quantity('mass', { gt: 0 }),
  temperature: quantity('temperature', { gt: 0 }),
  pressure: quantity('pressure', { gt: 0 }),
  phase: z.enum(['gas', 'liquid', 'liquefied-gas', 'refrigerated', 'solid']),
  equipment: z.array(equipmentSchema).default([]),
  detection: oneOf(SYSTEM_GRADES).optional(),
  isolation: oneOf(SYSTEM_GRADES).optional(),
  scenarios: z.array(scenarioSchema).default([]),
  explosive: explosiveSchema.optional(),
  codeDistances: z.array(codeDistanceSchema).optional(),
});

const areaFields = {
  id,
  name: z.string().optional(),
  polygon: polygon.optional(),
  position: position.optional(),
  population: z.strictObject({ day: count, night: count }),
  indoorFraction: z.strictObject({ day: probability.optional(), night: probability.optional() }).optional(),
};

const targetSchema = z.strictObject({ ...areaFields, category: oneOf(TARGET_CATEGORIES) });
const populationSchema = z.strictObject(areaFields);

const weatherSchema = z.strictObject({
  ambient: z
    .strictObject({
      temperature: quantity('temperature', { gt: 0 }).optional(),
      relativeHumidity: probability.optional(),
      pressure: quantity('pressure', { gt: 0 }).optional(),
    })
    .optional(),
  dayFraction: probability.optional(),
  classes: z
    .array(
      z.strictObject({
        id,
        stability: oneOf(STABILITY_CLASSES),
        windSpeed: quantity('velocity', { gt: 0 }),
        probability,
      }),
    )
    .min(1)
    .optional(),
  windRose: z
    .strictObject({
      sectors: z
        .number({ error: 'expected a whole number of sectors in [1, 360]' })
        .int({ error: 'expected a whole number of sectors in [1, 360]' })
        .min(1, { error: 'expected a whole number of sectors in [1, 360]' })
        .max(360, { error: 'expected a whole number of sectors in [1, 360]' }),
      probabilities: z.array(probability).optional(),
      byClass: z.record(z.string(), z.array(probability)).optional(),
    })
    .optional(),
});

const settingsSchema = z.strictObject({
  /** Rule set to assess with (an addition to the v1 contract); the built-in default when absent. */
  ruleSet: z.strictObject({ id, version: z.number().int().min(1) }).optional(),
  cellSize: quantity('length', { gt: 0 }).optional(),
  thermalCertainDeathFlux: quantity('heatFlux', { gt: 0 }).optional(),
  locCatalogue: z.enum(['purple-book', 'hole-size']).optional(),
  newInstallationRule: z.enum(['total', 'increment']).optional(),
});

/** The project JSON, version 1. */
export const projectSchema = z.strictObject({
  format: z.literal('safedist-project', { error: 'expected "safedist-project"' }),
  version: z.literal(1, { error: 'expected 1 (the only project format version)' }),
  name: z.string(),
  site: z
    .strictObject({
      origin: z
        .strictObject({
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
        })
        .optional(),
      rotationDeg: z.number().min(-360).max(360).optional(),
      /** Plant fence (厂区边界). */
      boundary: polygon.optional(),
      /** Residents within 500 m of the plant boundary, for GB 18218 α (an addition to the v1 contract). */
      residentsWithin500m: count.optional(),
    })
    .default({}),
  weather: weatherSchema.optional(),
  installations: z.array(installationSchema).min(1, { error: 'expected at least one installation' }),
  targets: z.array(targetSchema).default([]),
  population: z.array(populationSchema).default([]),
  probes: z.array(z.strictObject({ id, x: coordinate, y: coordinate })).default([]),
  settings: settingsSchema.default({}),
});

/** The project file as validated, before cross-field checks and defaults (quantities already SI). */
export type ProjectFile = z.output<typeof projectSchema>;
export type EquipmentFile = z.output<typeof equipmentSchema>;
