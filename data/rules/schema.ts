import { z } from 'zod';
import {
  CONFIDENCES,
  CONTAINMENTS,
  HOLE_CLASS_IDS,
  IGNITION_CATEGORIES,
  INSTALLATION_STATUSES,
  STABILITY_CLASSES,
  SYSTEM_GRADES,
  TARGET_CATEGORIES,
  type Confidence,
  type Containment,
  type IgnitionCategory,
  type InstallationStatus,
  type RuleSet,
  type TargetCategory,
} from '../../core/rules/types.ts';
import { si } from '../../core/units/index.ts';
import { quantity } from '../schema/quantity.ts';

/** `format` tag of a rule-set file. */
export const RULE_SET_FORMAT = 'safedist-rules';

const provenance = {
  source: z.string().min(1),
  confidence: z.enum(CONFIDENCES as [Confidence, ...Confidence[]]),
  note: z.string().min(1).optional(),
};

/** A value with its provenance: `{value, source, confidence, note?}`. */
function sourced<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...provenance });
}

const probability = z.number().min(0).max(1).transform(si.probability);
const frequency = z.number().min(0);
const risk = quantity('frequency', { gt: 0, lt: 1 }) as unknown as z.ZodType<
  RuleSet['contours']['levels'][number]['value'],
  number | string
>;

/** A record keyed by every member of an enum (no key missing, none extra). */
function fullRecord<K extends string, V extends z.ZodType>(keys: readonly K[], value: V) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>);
}

const holeSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), diameter: quantity('length', { gt: 0 }) }),
  z.strictObject({
    kind: z.literal('fraction-of-diameter'),
    fraction: z.number().gt(0).max(1),
    maxDiameter: quantity('length', { gt: 0 }),
  }),
  z.strictObject({ kind: z.literal('full-bore') }),
  z.strictObject({ kind: z.literal('tube-ruptures'), count: z.number().int().min(1) }),
]);

const loc = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id like "ten-minute"'),
    description: z.string().min(1),
    release: z.enum(['instantaneous', 'fixed-duration', 'continuous']),
    duration: quantity('time', { gt: 0 }).optional(),
    hole: holeSpec.optional(),
    into: z.enum(['atmosphere', 'outer-shell']),
    frequencyBasis: z.enum(['per-year', 'per-metre-year', 'per-hour', 'per-year-present']),
    frequency: sourced(frequency),
  })
  .superRefine((l, ctx) => {
    if (l.release === 'fixed-duration' && l.duration === undefined)
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'a fixed-duration LOC needs a duration' });
    if (l.release === 'continuous' && l.hole === undefined)
      ctx.addIssue({ code: 'custom', path: ['hole'], message: 'a continuous LOC needs a hole' });
  });

/** LOC lists must not repeat an id: overrides address LOCs by id. */
function locList() {
  return z
    .array(loc)
    .min(1)
    .superRefine((locs, ctx) => {
      const seen = new Set<string>();
      locs.forEach((l, i) => {
        if (seen.has(l.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate LOC id '${l.id}'` });
        seen.add(l.id);
      });
    });
}

const pipeBand = z.strictObject({
  minDiameter: quantity('length', { gt: 0 }).optional(),
  minInclusive: z.boolean(),
  maxDiameter: quantity('length', { gt: 0 }).optional(),
  maxInclusive: z.boolean(),
  locs: locList(),
});

const fnLine = z.strictObject({ constant: z.number().gt(0), exponent: z.number().gt(0), ...provenance });

const descendingGrades = z
  .array(
    z.strictObject({ grade: z.enum(['一级', '二级', '三级', '四级']), minR: sourced(z.number().min(0)) }),
  )
  .length(4)
  .superRefine((g, ctx) => {
    for (let i = 1; i < g.length; i++)
      if (g[i]!.minR.value >= g[i - 1]!.minR.value)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minR'],
          message: 'grades must be listed from the highest R bound down',
        });
  });

const weatherClass = z.strictObject({
  id: z.string().min(1),
  stability: z.enum(STABILITY_CLASSES as ['A', 'B', 'C', 'D', 'E', 'F']),
  windSpeed: sourced(quantity('velocity', { gt: 0 })),
  probability: sourced(probability),
});

const ruleSetShape = z.strictObject({
  format: z.literal(RULE_SET_FORMAT),
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'expected an id of letters, digits, ".", "_" or "-"'),
  version: z.number().int().min(1),
  title: z.string().min(1),
  description: z.string(),
  individualRisk: fullRecord(
    TARGET_CATEGORIES,
    fullRecord(INSTALLATION_STATUSES, sourced(risk)),
  ) as unknown as z.ZodType<
    Record<TargetCategory, Record<InstallationStatus, RuleSet['individualRisk']['general-1']['new']>>
  >,
  societalRisk: z.strictObject({
    unacceptable: fnLine,
    acceptable: fnLine,
    minimumN: sourced(z.number().gt(0)),
  }),
  methodSelection: z.strictObject({
    qraThreshold: sourced(z.number().gt(0)),
    sumScope: sourced(z.enum(['toxic-or-flammable-gas', 'all-substances'])),
    wholeEnterprise: sourced(z.boolean()),
  }),
  majorHazard: z.strictObject({
    identificationThreshold: sourced(z.number().gt(0)),
    named: z.array(
      z.strictObject({
        row: z.number().int().min(1),
        nameZh: z.string().min(1),
        nameEn: z.string().min(1),
        cas: z.array(z.string().regex(/^\d{2,7}-\d{2}-\d$/, 'expected a CAS number like "7782-50-5"')),
        criticalQuantity: sourced(quantity('mass', { gt: 0 })),
      }),
    ),
    categories: z.array(
      z.strictObject({
        code: z.string().min(1),
        description: z.string().min(1),
        criticalQuantity: sourced(quantity('mass', { gt: 0 })),
        beta: sourced(z.number().gt(0)),
      }),
    ),
    toxicGasBeta: z.array(
      z.strictObject({
        nameZh: z.string().min(1),
        nameEn: z.string().min(1),
        cas: z.array(z.string()),
        beta: sourced(z.number().gt(0)),
      }),
    ),
    defaultBeta: sourced(z.number().gt(0)),
    alpha: z.array(
      z.strictObject({
        minPeople: z.number().int().min(0),
        maxPeople: z.number().int().min(0).optional(),
        alpha: sourced(z.number().gt(0)),
      }),
    ),
    grades: descendingGrades,
  }),
  locCatalogue: z.strictObject({
    pressureVessel: locList(),
    processVessel: locList(),
    atmosphericTank: fullRecord(CONTAINMENTS, locList()) as unknown as z.ZodType<
      Record<Containment, z.output<ReturnType<typeof locList>>>
    >,
    pipe: z.array(pipeBand).min(1),
    pump: z.strictObject({ standard: locList(), canned: locList() }),
    heatExchanger: z.strictObject({ shell: locList(), tubes: locList() }),
    loadingArm: locList(),
    loadingHose: locList(),
    roadTanker: z.strictObject({ pressurised: locList(), atmospheric: locList() }),
    maxContinuousDuration: sourced(quantity('time', { gt: 0 })),
  }),
  holeSizeCatalogue: z.strictObject({
    classes: z.array(
      z.strictObject({
        id: z.enum(HOLE_CLASS_IDS as ['small', 'medium', 'large', 'rupture']),
        diameter: sourced(quantity('length', { gt: 0 })).optional(),
        maxDiameter: sourced(quantity('length', { gt: 0 })).optional(),
      }),
    ),
    durationBands: sourced(
      z.tuple([quantity('length', { gt: 0 }), quantity('length', { gt: 0 }), quantity('length', { gt: 0 })]),
    ),
    durations: z.array(
      z.strictObject({
        detection: z.enum(SYSTEM_GRADES as ['A', 'B', 'C']),
        isolation: z.enum(SYSTEM_GRADES as ['A', 'B', 'C']),
        durations: sourced(
          z.tuple([quantity('time', { gt: 0 }), quantity('time', { gt: 0 }), quantity('time', { gt: 0 })]),
        ),
        releaseReduction: sourced(probability).optional(),
      }),
    ),
  }),
  ignition: z.strictObject({
    direct: z.strictObject({
      continuousBounds: sourced(z.tuple([quantity('massRate', { gt: 0 }), quantity('massRate', { gt: 0 })])),
      instantaneousBounds: sourced(z.tuple([quantity('mass', { gt: 0 }), quantity('mass', { gt: 0 })])),
      stationary: fullRecord(
        IGNITION_CATEGORIES,
        sourced(z.tuple([probability, probability, probability])),
      ) as unknown as z.ZodType<
        Record<IgnitionCategory, RuleSet['ignition']['direct']['stationary']['k1-liquid']>
      >,
      roadTanker: z.strictObject({
        continuous: z.strictObject({ k1Liquid: sourced(probability), gas: sourced(probability) }),
        instantaneous: z.strictObject({ k1Liquid: sourced(probability), gas: sourced(probability) }),
      }),
    }),
    delayed: z.strictObject({ flashFire: sourced(probability), explosion: sourced(probability) }),
    ignitionAtLargestExtent: sourced(z.boolean()),
  }),
  weather: z.strictObject({
    classes: z.array(weatherClass).min(1),
    dayFraction: sourced(probability),
    sectors: sourced(z.number().int().min(1).max(360)),
    ambientTemperature: sourced(quantity('temperature', { gt: 0 })),
    ambientPressure: sourced(quantity('pressure', { gt: 0 })),
    relativeHumidity: sourced(probability),
  }),
  vulnerability: z.strictObject({
    thermalCertainDeathFlux: sourced(quantity('heatFlux', { gt: 0 })),
    thermalCertainDeathFluxOptions: z.array(sourced(quantity('heatFlux', { gt: 0 }))),
    thermalExposureCap: sourced(quantity('time', { gt: 0 })),
    toxicExposureCap: sourced(quantity('time', { gt: 0 })),
    explosionCertainDeath: sourced(quantity('pressure', { gt: 0 })),
    explosionNoEffect: sourced(quantity('pressure', { gt: 0 })),
    explosionIndoorIntermediate: sourced(probability),
    toxic: z.strictObject({ indoor: sourced(probability), outdoor: sourced(probability) }),
    heat: z.strictObject({ indoor: sourced(probability), outdoor: sourced(probability) }),
    flashFire: z.strictObject({ indoor: sourced(probability), outdoor: sourced(probability) }),
    indoorFraction: z.strictObject({ day: sourced(probability), night: sourced(probability) }),
  }),
  explosives: z.strictObject({
    thresholds: z.array(
      z.strictObject({
        targetCategory: z.enum(TARGET_CATEGORIES as [TargetCategory, ...TargetCategory[]]),
        overpressure: sourced(quantity('pressure', { gt: 0 })),
      }),
    ),
  }),
  contours: z.strictObject({ levels: z.array(sourced(risk)).min(1) }),
});

/**
 * zod schema of a rule-set file (data/rules/*.json). Unit strings are allowed wherever a quantity is
 * expected ("5 t", "35 kW/m^2", "30 min") and come out in SI; every value is `{value, source, confidence}`.
 */
export const ruleSetSchema = ruleSetShape.superRefine(checkRuleSet);

/** Cross-field checks a rule set must pass beyond its shape. */
function checkRuleSet(r: z.output<typeof ruleSetShape>, ctx: z.RefinementCtx): void {
  const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const c of TARGET_CATEGORIES) {
    const t = r.individualRisk[c];
    // New installations are judged at least as strictly as existing ones (GB 36894 Table 1 structure).
    if (t.new.value > t.existing.value)
      add(
        ['individualRisk', c, 'new'],
        'the threshold for new installations must not exceed the existing one',
      );
  }
  if (r.societalRisk.acceptable.constant > r.societalRisk.unacceptable.constant)
    add(
      ['societalRisk', 'acceptable', 'constant'],
      'the acceptable line must lie below the unacceptable line',
    );
  const rows = new Set<number>();
  r.majorHazard.named.forEach((n, i) => {
    if (rows.has(n.row)) add(['majorHazard', 'named', i, 'row'], `duplicate Table 1 row ${n.row}`);
    rows.add(n.row);
  });
  const codes = new Set<string>();
  r.majorHazard.categories.forEach((c, i) => {
    if (codes.has(c.code)) add(['majorHazard', 'categories', i, 'code'], `duplicate category '${c.code}'`);
    codes.add(c.code);
  });
  checkAlphaBands(r.majorHazard.alpha, (i, m) => add(['majorHazard', 'alpha', i], m));
  const delayed = r.ignition.delayed.flashFire.value + r.ignition.delayed.explosion.value;
  if (Math.abs(delayed - 1) > 1e-9)
    add(['ignition', 'delayed'], `flash fire + explosion must be 1, got ${delayed}`);
  const b = r.ignition.direct;
  if (b.continuousBounds.value[0] >= b.continuousBounds.value[1])
    add(['ignition', 'direct', 'continuousBounds'], 'bounds must increase');
  if (b.instantaneousBounds.value[0] >= b.instantaneousBounds.value[1])
    add(['ignition', 'direct', 'instantaneousBounds'], 'bounds must increase');
  const wsum = r.weather.classes.reduce((s, c) => s + c.probability.value, 0);
  if (Math.abs(wsum - 1) > 1e-6)
    add(['weather', 'classes'], `weather-class probabilities must sum to 1 (± 1e-6), got ${wsum}`);
  const wids = new Set<string>();
  r.weather.classes.forEach((c, i) => {
    if (wids.has(c.id)) add(['weather', 'classes', i, 'id'], `duplicate weather class '${c.id}'`);
    wids.add(c.id);
  });
  const pairs = new Set(r.holeSizeCatalogue.durations.map((d) => `${d.detection}/${d.isolation}`));
  for (const d of SYSTEM_GRADES)
    for (const i of SYSTEM_GRADES)
      if (!pairs.has(`${d}/${i}`))
        add(['holeSizeCatalogue', 'durations'], `no leak duration for detection ${d} / isolation ${i}`);
  if (r.vulnerability.explosionNoEffect.value >= r.vulnerability.explosionCertainDeath.value)
    add(['vulnerability', 'explosionNoEffect'], 'must be below explosionCertainDeath');
}

/**
 * α bands must cover every head count from 0 up without gap or overlap, the last band open-ended
 * (GB 18218 Table 5 covers 0, 1–29, 30–49, 50–99, ≥ 100).
 */
function checkAlphaBands(
  bands: readonly { minPeople: number; maxPeople?: number }[],
  add: (index: number, message: string) => void,
): void {
  const order = bands.map((b, i) => ({ ...b, i })).sort((a, c) => a.minPeople - c.minPeople);
  let next = 0;
  for (const b of order) {
    if (b.minPeople !== next) {
      add(b.i, `α bands must cover every head count: expected a band starting at ${next}`);
      return;
    }
    if (b.maxPeople === undefined) {
      if (b !== order[order.length - 1]) add(b.i, 'only the highest α band may be open-ended');
      return;
    }
    if (b.maxPeople < b.minPeople) add(b.i, 'maxPeople must be ≥ minPeople');
    next = b.maxPeople + 1;
  }
  add(order.length - 1, 'the highest α band must be open-ended (no maxPeople)');
}

/** The parsed file: the core rule set plus its `format` tag. */
export type RuleSetFile = z.output<typeof ruleSetSchema>;

// The schema's output must be assignable to the engine's type; this fails to compile if they drift apart.
export const toRuleSet = (file: RuleSetFile): RuleSet => {
  const { format: _format, ...rules } = file;
  return rules;
};
