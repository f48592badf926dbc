import type { Classification } from '../classification/index.ts';
import { tntOverpressureField } from '../explosion/blast.ts';
import { KINGERY_BULMASH_RANGE } from '../explosion/kingery-bulmash.ts';
import type { ExplosiveCharge, Project } from '../project/types.ts';
import {
  TARGET_CATEGORIES,
  type Confidence,
  type ExplosivesRules,
  type TargetCategory,
} from '../rules/types.ts';
import { STANDARD_ATMOSPHERE, type Kilograms, type Metres, type Pascals } from '../units/index.ts';
import { separationDistance } from './code-distances.ts';

/**
 * TNT-equivalent mass of a charge, kg: the user's `tntEquivalent`, or W = tntFactor · mass (the TNT
 * equivalence of the explosive, mass for mass; spec/standards.md A §2.3 "expressed as TNT equivalent").
 * @throws RangeError naming the field when a mass or the factor is not positive
 */
export function chargeTntMass(charge: ExplosiveCharge): Kilograms {
  if (charge.tntEquivalent !== undefined) {
    if (!(charge.tntEquivalent > 0))
      throw new RangeError(`explosive.tntEquivalent must be > 0 kg, got ${charge.tntEquivalent}`);
    return charge.tntEquivalent;
  }
  if (!(charge.mass > 0)) throw new RangeError(`explosive.mass must be > 0 kg, got ${charge.mass}`);
  if (!(charge.tntFactor > 0))
    throw new RangeError(`explosive.tntFactor must be > 0, got ${charge.tntFactor}`);
  return (charge.tntFactor * charge.mass) as Kilograms;
}

/** The distance at which the blast of a charge falls to one target category's threshold. */
export interface ExplosiveRequiredDistance {
  category: TargetCategory;
  /** Overpressure threshold of the rule set, Pa. */
  threshold: Pascals;
  source: string;
  confidence: Confidence;
  /** The rule set's caveat, e.g. "to verify: … thresholds were not found". */
  note?: string;
  /** Hopkinson-Cranz scaled distance R/W^(1/3) of `distance`, m/kg^(1/3). */
  scaledDistance: number;
  /** Largest distance at which the overpressure is still ≥ threshold, m. */
  distance: Metres;
  /**
   * True when that distance lies beyond the fit's range (Z > 198.5 m/kg^(1/3), overpressure below about
   * 0.25 kPa), where the last piece of the fit, a power law, is continued.
   */
  extrapolated: boolean;
}

/** One protection target judged against a charge. */
export interface ExplosiveTargetCheck {
  id: string;
  category: TargetCategory;
  /** Distance from the installation (outline or position) to the target (polygon or position), m. */
  distance: Metres;
  /** Required distance for the target's category, m. */
  required: Metres;
  /** Threshold of the target's category, Pa. */
  threshold: Pascals;
  /** Kingery-Bulmash overpressure at `distance`, Pa. */
  overpressure: Pascals;
  /** distance ≥ required. */
  complies: boolean;
}

export interface ExplosiveInstallationResult {
  id: string;
  /** The charge as the project gives it (with its source, when given). */
  charge: ExplosiveCharge;
  /** TNT-equivalent mass, kg. */
  tntMass: Kilograms;
  /** One entry per threshold of the rule set, in the order of TARGET_CATEGORIES. */
  requiredDistance: ExplosiveRequiredDistance[];
  targets: ExplosiveTargetCheck[];
  /** Every target complies. */
  complies: boolean;
}

/** The consequence method of GB/T 37243-2019 §5 for a project's installations with explosives. */
export interface ConsequenceMethodResult {
  blastCurve: 'kingery-bulmash';
  /** Ambient pressure of the Sachs scaling, Pa (the project's). */
  ambientPressure: Pascals;
  installations: ExplosiveInstallationResult[];
  /** Every installation complies. */
  complies: boolean;
}

/**
 * Ids of the installations the consequence method applies to (GB/T 37243-2019 §4 step 1; spec/standards.md
 * A §2.2): those whose substance is explosive, in units classified `consequence`.
 */
export function consequenceInstallations(
  project: Pick<Project, 'installations'>,
  classification: Pick<Classification, 'units'>,
): string[] {
  const ids: string[] = [];
  for (const unit of classification.units) {
    if (unit.method !== 'consequence') continue;
    const explosives = new Set(unit.substances.filter((s) => s.explosive).map((s) => s.substance));
    for (const inst of project.installations)
      if (unit.installations.includes(inst.id) && explosives.has(inst.substance)) ids.push(inst.id);
  }
  return ids;
}

/**
 * Consequence method for installations with explosives (GB/T 37243-2019 §5; spec/standards.md A §2.3, B §4):
 * the worst credible event is the mass explosion of the charge, as a TNT-equivalent mass W; for each target
 * category the required distance is where the Kingery-Bulmash hemispherical surface-burst overpressure
 * (Swisdak 1994 fit, Sachs-scaled to the project's ambient pressure; models.md §6.1) falls to the rule set's
 * threshold (`explosives.thresholds`, "the distance where the air-blast overpressure meets the safety
 * threshold"); each protection target complies when its distance from the installation is ≥ the required
 * distance of its category. The thresholds of the built-in rule set are placeholders marked "to verify"
 * (spec/standards.md B §4.2); each result carries the threshold's source, confidence and note. A user with
 * the official values assesses with a rule-set file of their own (`--rules`).
 * @param installations ids to assess (e.g. `consequenceInstallations`); default every installation with an
 *   `explosive` charge
 * @throws RangeError naming the field when a named installation is unknown or has no `explosive` charge, when
 *   a target's category has no threshold, when a category has two, or when a threshold is above the curve
 */
export function consequenceMethod(
  project: Pick<Project, 'installations' | 'targets' | 'weather'>,
  rules: { explosives: ExplosivesRules },
  installations?: readonly string[],
): ConsequenceMethodResult {
  const thresholds = thresholdsByCategory(rules.explosives);
  for (const t of project.targets)
    if (!thresholds.has(t.category))
      throw new RangeError(
        `explosives.thresholds: no threshold for target category ${t.category} (needed by target '${t.id}')`,
      );
  const ambientPressure = project.weather.ambient.pressure;
  const chosen = installations
    ? installations.map((id) => {
        const i = project.installations.findIndex((inst) => inst.id === id);
        if (i < 0) throw new RangeError(`installations: no installation '${id}'`);
        return i;
      })
    : project.installations.flatMap((inst, i) => (inst.explosive ? [i] : []));

  const results = chosen.map((i): ExplosiveInstallationResult => {
    const inst = project.installations[i]!;
    const charge = inst.explosive;
    if (!charge)
      throw new RangeError(
        `installations[${i}].explosive: required for the consequence method (GB/T 37243-2019 §5) of ` +
          `installation '${inst.id}': give tntEquivalent, or mass with tntFactor`,
      );
    const tntMass = chargeTntMass(charge);
    const field = tntOverpressureField('kingery-bulmash', tntMass, ambientPressure);
    const toScaled = 1 / Math.cbrt(tntMass);
    const sachs = Math.cbrt(ambientPressure / STANDARD_ATMOSPHERE);
    const required = new Map<TargetCategory, ExplosiveRequiredDistance>();
    for (const [category, { index, threshold }] of thresholds) {
      let distance: number;
      try {
        distance = field.distanceTo(threshold.value);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        throw new RangeError(`explosives.thresholds[${index}].overpressure: ${e.message}`);
      }
      const scaledDistance = distance * toScaled;
      required.set(category, {
        category,
        threshold: threshold.value,
        source: threshold.source,
        confidence: threshold.confidence,
        ...(threshold.note !== undefined ? { note: threshold.note } : {}),
        scaledDistance,
        distance: distance as Metres,
        extrapolated: scaledDistance * sachs > KINGERY_BULMASH_RANGE.max,
      });
    }
    const targets = project.targets.map((t): ExplosiveTargetCheck => {
      // The check above guarantees a threshold for every target's category.
      const need = required.get(t.category)!;
      const distance = separationDistance(inst, t);
      return {
        id: t.id,
        category: t.category,
        distance,
        required: need.distance,
        threshold: need.threshold,
        overpressure: field.overpressureAt(distance) as Pascals,
        complies: distance >= need.distance,
      };
    });
    return {
      id: inst.id,
      charge,
      tntMass,
      requiredDistance: [...required.values()],
      targets,
      complies: targets.every((t) => t.complies),
    };
  });
  return {
    blastCurve: 'kingery-bulmash',
    ambientPressure,
    installations: results,
    complies: results.every((r) => r.complies),
  };
}

type Threshold = ExplosivesRules['thresholds'][number]['overpressure'];

/** The rule set's thresholds keyed by category, in the order of TARGET_CATEGORIES; one per category. */
function thresholdsByCategory(
  rules: ExplosivesRules,
): Map<TargetCategory, { index: number; threshold: Threshold }> {
  const found = new Map<TargetCategory, { index: number; threshold: Threshold }>();
  rules.thresholds.forEach((t, index) => {
    if (found.has(t.targetCategory))
      throw new RangeError(
        `explosives.thresholds[${index}].targetCategory: a second threshold for ${t.targetCategory}`,
      );
    found.set(t.targetCategory, { index, threshold: t.overpressure });
  });
  const ordered = new Map<TargetCategory, { index: number; threshold: Threshold }>();
  for (const c of TARGET_CATEGORIES) {
    const t = found.get(c);
    if (t) ordered.set(c, t);
  }
  return ordered;
}
