import type { EffectKind } from '../../risk/events.ts';
import type { Confidence, IgnitionCategory, IgnitionRules, Sourced } from '../../rules/types.ts';
import type { Substance } from '../../substance/index.ts';
import type { OutcomeInput } from './input.ts';

/** The outcomes a loss of containment can end in (the `outcome` name of the risk events). */
export type OutcomeName = 'jet-fire' | 'pool-fire' | 'fireball' | 'flash-fire' | 'explosion' | 'toxic';

/** Which branch of the ignition tree an outcome lies on. */
export type IgnitionBranch = 'direct' | 'delayed' | 'none';

/** One rule-set value an outcome's probability was built from. */
export interface ProvenanceItem {
  /** Path of the value in the rule set, e.g. `ignition.direct.stationary.gas-low-reactivity[1]`. */
  rule: string;
  value: number | boolean;
  source: string;
  confidence: Confidence;
  note?: string;
}

export interface TreeOutcome {
  name: OutcomeName;
  effect: EffectKind;
  branch: IgnitionBranch;
  /** Probability of the outcome given the release, 0–1. */
  probability: number;
  /**
   * True when the outcome happens together with the exclusive outcomes of its branch rather than instead of
   * them (the pool that burns after the vapour cloud flashed back to it). The exclusive outcomes sum to 1.
   */
  concurrent: boolean;
  /** The rule-set values used. */
  provenance: readonly ProvenanceItem[];
}

/** How the substance enters the event tree. */
export interface SubstanceHazard {
  flammable: boolean;
  toxic: boolean;
  /** PB Table 4.5 category; present for flammable substances. */
  ignitionCategory?: IgnitionCategory;
  /** Why the category was chosen (shown in reports). */
  categoryReason?: string;
}

/**
 * Reads the event-tree class of a substance from its hazard flags (docs/substances.md): flammable when
 * flagged `flammable_gas`, `flammable_liquid` or `combustible_liquid`; toxic when flagged `toxic_gas` or
 * `toxic_liquid`. The PB Table 4.5 category (spec/standards.md A §4.2, B §3.4): a flammable gas (which
 * includes liquefied gases) by its reactivity — low → `gas-low-reactivity`, medium or high →
 * `gas-average-high-reactivity` (PB Table 4.7 classes); a flammable liquid by its class — K1 →
 * `k1-liquid`, K2–K4 → `k2-k4-liquid`, except that a K2–K4 liquid held at or above its flash point is taken
 * as K1 (the Table 4.5 row for K2–K4 holds "below their flash point", standards.md A §4.2).
 * @param storageTemperature temperature of the substance in the equipment, K
 * @throws RangeError naming `reactivity` or `flammableLiquidClass` when a flammable substance lacks it
 */
export function substanceHazard(substance: Substance, storageTemperature: number): SubstanceHazard {
  const flags = new Set(substance.hazards);
  const toxic = flags.has('toxic_gas') || flags.has('toxic_liquid');
  if (flags.has('flammable_gas')) {
    const r = substance.reactivity;
    if (r === undefined) {
      throw new RangeError(
        `substance '${substance.id}': reactivity is needed for PB Table 4.5 (flammable gas) and is absent`,
      );
    }
    return {
      flammable: true,
      toxic,
      ignitionCategory: r === 'low' ? 'gas-low-reactivity' : 'gas-average-high-reactivity',
      categoryReason: `flammable gas, ${r} reactivity`,
    };
  }
  if (flags.has('flammable_liquid') || flags.has('combustible_liquid')) {
    const k = substance.flammableLiquidClass;
    if (k === undefined) {
      throw new RangeError(
        `substance '${substance.id}': flammableLiquidClass is needed for PB Table 4.5 (flammable liquid) and is absent`,
      );
    }
    if (k === 'K1')
      return { flammable: true, toxic, ignitionCategory: 'k1-liquid', categoryReason: 'K1 liquid' };
    const fp = substance.flashPoint;
    if (fp !== undefined && storageTemperature >= fp) {
      return {
        flammable: true,
        toxic,
        ignitionCategory: 'k1-liquid',
        categoryReason: `${k} liquid held at ${storageTemperature.toFixed(1)} K, at or above its flash point ${fp.toFixed(1)} K: as K1`,
      };
    }
    return { flammable: true, toxic, ignitionCategory: 'k2-k4-liquid', categoryReason: `${k} liquid` };
  }
  return { flammable: false, toxic };
}

/**
 * Size band of PB Table 4.5 (rule set `ignition.direct`): 0 when x < b0, 1 when b0 ≤ x ≤ b1 (the printed
 * "10 – 100" read as closed at both ends), 2 when x > b1.
 */
export function directIgnitionBand(size: number, bounds: readonly [number, number]): 0 | 1 | 2 {
  if (!(size >= 0)) throw new RangeError(`release size must be ≥ 0, got ${size}`);
  if (size < bounds[0]) return 0;
  return size <= bounds[1] ? 1 : 2;
}

/**
 * Probability of direct (immediate) ignition of a stationary installation's release, PB (CPR 18E) Table 4.5
 * from the rule set: the category's value in the band of the continuous outflow rate (kg/s) or the
 * instantaneous mass (kg). spec/standards.md A §4.2, B §3.4.
 */
export function directIgnitionProbability(
  category: IgnitionCategory,
  mode: OutcomeInput['mode'],
  size: number,
  rules: IgnitionRules,
): { probability: number; provenance: ProvenanceItem[] } {
  const bounds = mode === 'continuous' ? rules.direct.continuousBounds : rules.direct.instantaneousBounds;
  const band = directIgnitionBand(size, bounds.value);
  const row = rules.direct.stationary[category];
  const probability = row.value[band];
  return {
    probability,
    provenance: [
      item(
        `ignition.direct.${mode === 'continuous' ? 'continuousBounds' : 'instantaneousBounds'}`,
        band,
        bounds,
        `size ${size} → band ${band}`,
      ),
      item(`ignition.direct.stationary.${category}[${band}]`, probability, row),
    ],
  };
}

export interface EventTreeOptions {
  /**
   * Toxic and flammable substances: by default the release that is not ignited directly is modelled as a
   * toxic cloud, and its delayed ignition is not (PB/Bevi practice as read, see docs/method-outcomes.md).
   * True adds the delayed flash fire and explosion as well, each at (1 − P_direct) × its split, alongside
   * the toxic cloud (the toxic outcome is then marked concurrent): the conservative reading of
   * spec/standards.md A §4.2 "compute both".
   */
  delayedIgnitionOfToxicCloud?: boolean;
}

/**
 * The event tree of one release (PB CPR 18E ch. 4; spec/standards.md A §4.2, B §3.4; models.md §8.1), with
 * the rule set's `ignition` values:
 * - direct ignition (probability P_d from PB Table 4.5, 0 for a non-flammable substance):
 *   an instantaneous gas or flashing release → fireball (BLEVE); a continuous gas or two-phase release →
 *   jet fire; a liquid release → pool fire; a pool left by a continuous jet burns with the jet fire
 *   (concurrent pool fire);
 * - no direct ignition, flammable and not toxic: the cloud ignites at its largest extent (rule
 *   `ignitionAtLargestExtent`; ignition sources are not modelled), so delayed ignition has probability
 *   1 − P_d, split `delayed.flashFire` / `delayed.explosion` (0.6 / 0.4); a pool burns afterwards
 *   (concurrent pool fire at 1 − P_d); a release with no vapour at all only burns as a pool;
 * - toxic: the cloud that is not ignited directly (1 − P_d; 1 when not flammable) is a toxic cloud.
 * Exclusive outcomes sum to 1 (concurrent ones ride along). Outcomes with probability 0 are dropped.
 * @throws RangeError when the rule set has `ignitionAtLargestExtent` false (ignition sources are not
 *   modelled), or a flammable substance lacks its Table 4.5 class
 */
export function eventTree(
  release: OutcomeInput,
  substance: Substance,
  rules: IgnitionRules,
  options: EventTreeOptions = {},
): TreeOutcome[] {
  const hazard = substanceHazard(substance, release.storageTemperature);
  const instantaneous = release.mode === 'instantaneous';
  const airborne = (instantaneous ? release.airborneMass : release.airborneRate) ?? 0;
  const evaporating = (release.pool?.evaporationRate ?? 0) > 0;
  const hasCloud = airborne > 0 || evaporating;
  const outcomes: TreeOutcome[] = [];
  const add = (o: TreeOutcome) => {
    if (o.probability > 0) outcomes.push(o);
  };

  if (!hazard.flammable) {
    if (hazard.toxic && hasCloud) {
      add({
        name: 'toxic',
        effect: 'toxic',
        branch: 'none',
        probability: 1,
        concurrent: false,
        provenance: [],
      });
    }
    return outcomes;
  }

  const size =
    release.directIgnitionSize ?? (instantaneous ? release.releasedMass : release.releaseRate) ?? airborne;
  const direct = directIgnitionProbability(hazard.ignitionCategory!, release.mode, size, rules);
  const pd = direct.probability;
  const categoryNote: ProvenanceItem[] = hazard.categoryReason
    ? [{ ...direct.provenance[1]!, note: hazard.categoryReason }]
    : [direct.provenance[1]!];
  const directProvenance = [direct.provenance[0]!, ...categoryNote];

  // Direct ignition.
  // A liquid stream burns as a pool; a gas or flashing jet (or liquid that left no pool) burns as a jet or a
  // fireball.
  const jetLike = airborne > 0 && (release.phaseAtExit !== 'liquid' || !release.pool);
  const directName: OutcomeName = jetLike ? (instantaneous ? 'fireball' : 'jet-fire') : 'pool-fire';
  if (directName !== 'pool-fire' || release.pool) {
    add({
      name: directName,
      effect: 'heat',
      branch: 'direct',
      probability: pd,
      concurrent: false,
      provenance: directProvenance,
    });
  }
  if (directName === 'jet-fire' && release.pool) {
    add({
      name: 'pool-fire',
      effect: 'heat',
      branch: 'direct',
      probability: pd,
      concurrent: true,
      provenance: directProvenance,
    });
  }

  // No direct ignition.
  const notDirect = 1 - pd;
  const delayedModelled = !hazard.toxic || options.delayedIgnitionOfToxicCloud === true;
  if (delayedModelled) {
    if (!rules.ignitionAtLargestExtent.value) {
      throw new RangeError(
        'ignition.ignitionAtLargestExtent is false, but ignition sources are not modelled: the delayed-ignition branch cannot be evaluated',
      );
    }
    const largest = item('ignition.ignitionAtLargestExtent', true, rules.ignitionAtLargestExtent);
    const base = [...directProvenance, largest];
    if (hasCloud) {
      const ff = rules.delayed.flashFire;
      const ex = rules.delayed.explosion;
      add({
        name: 'flash-fire',
        effect: 'flash-fire',
        branch: 'delayed',
        probability: notDirect * ff.value,
        concurrent: false,
        provenance: [...base, item('ignition.delayed.flashFire', ff.value, ff)],
      });
      add({
        name: 'explosion',
        effect: 'explosion',
        branch: 'delayed',
        probability: notDirect * ex.value,
        concurrent: false,
        provenance: [...base, item('ignition.delayed.explosion', ex.value, ex)],
      });
    }
    if (release.pool) {
      add({
        name: 'pool-fire',
        effect: 'heat',
        branch: 'delayed',
        probability: notDirect,
        concurrent: hasCloud,
        provenance: base,
      });
    }
  }
  if (hazard.toxic && hasCloud) {
    add({
      name: 'toxic',
      effect: 'toxic',
      branch: 'none',
      probability: notDirect,
      concurrent: delayedModelled,
      provenance: directProvenance,
    });
  }
  return outcomes;
}

function item<T extends number | boolean>(
  rule: string,
  value: T,
  from: Omit<Sourced<unknown>, 'value'>,
  note?: string,
): ProvenanceItem {
  const n = note ?? from.note;
  return { rule, value, source: from.source, confidence: from.confidence, ...(n ? { note: n } : {}) };
}
