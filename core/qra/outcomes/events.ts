import type { RiskEvent } from '../../risk/events.ts';
import type { Point } from '../../risk/geometry.ts';
import type { IgnitionRules, VulnerabilityRules } from '../../rules/types.ts';
import type { Substance } from '../../substance/index.ts';
import type { WattsPerSquareMetre } from '../../units/index.ts';
import { lethalityRulesFromRuleSet, type LethalityRules } from '../../vulnerability/lethality.ts';
import { ambientConcentration, releaseCloud, type CloudOptions } from './cloud.ts';
import { eventTree, type EventTreeOptions, type TreeOutcome } from './event-tree.ts';
import {
  explosionCharge,
  explosionFootprints,
  fireballFootprints,
  flashFireFootprints,
  jetFireFootprints,
  poolFireFootprints,
  toxicFootprints,
  type ExplosionModel,
  type FootprintResolution,
  type OutcomeFootprints,
} from './footprints.ts';
import type { ReleaseCase } from '../loc/types.ts';
import {
  outcomeInputFromReleaseCase,
  type OutcomeAmbient,
  type OutcomeInput,
  type OutcomeWeather,
} from './input.ts';

export interface OutcomeEventOptions extends CloudOptions, FootprintResolution, EventTreeOptions {
  installationId: string;
  /** Release point in site coordinates, m. */
  position: Point;
  /** Blast model; default Multi-Energy strength 7. */
  explosion?: ExplosionModel;
  /** Project override of the rule set's certain-death heat flux (settings.thermalCertainDeathFlux), W/m². */
  thermalCertainDeathFlux?: WattsPerSquareMetre;
}

/**
 * Risk events of one loss-of-containment release (docs/method.md §2): its event tree ({@link eventTree},
 * rule set `ignition`) and, for every outcome and weather class, the lethality footprints with the Purple
 * Book rules of the rule set's `vulnerability` block; frequency = case frequency × outcome probability ×
 * weather-class probability; source = the release position (an explosion's downwind centre is inside its
 * footprint). Fires do not depend on the weather here (upright flames, see footprints.ts) and are built once.
 * @throws RangeError naming a substance property a model needs and the substance lacks
 */
export function outcomeEvents(
  releaseCase: ReleaseCase,
  substance: Substance,
  weatherClasses: readonly OutcomeWeather[],
  ambient: OutcomeAmbient,
  rules: { ignition: IgnitionRules; vulnerability: VulnerabilityRules },
  options: OutcomeEventOptions,
): RiskEvent[] {
  return outcomeEventsOfInput(
    outcomeInputFromReleaseCase(releaseCase),
    substance,
    weatherClasses,
    ambient,
    rules,
    options,
  );
}

/** {@link outcomeEvents} for an {@link OutcomeInput} (the subset of a release case the outcomes read). */
export function outcomeEventsOfInput(
  release: OutcomeInput,
  substance: Substance,
  weatherClasses: readonly OutcomeWeather[],
  ambient: OutcomeAmbient,
  rules: { ignition: IgnitionRules; vulnerability: VulnerabilityRules },
  options: OutcomeEventOptions,
): RiskEvent[] {
  const base = lethalityRulesFromRuleSet(rules.vulnerability);
  const lethality: LethalityRules =
    options.thermalCertainDeathFlux !== undefined
      ? { ...base, thermalCertainDeathFlux: options.thermalCertainDeathFlux }
      : base;
  const tree = eventTree(release, substance, rules.ignition, options);
  const fires = new Map<TreeOutcome['name'], OutcomeFootprints>();
  const fireFootprints = (name: TreeOutcome['name']): OutcomeFootprints => {
    let fp = fires.get(name);
    if (!fp) {
      const build =
        name === 'pool-fire'
          ? poolFireFootprints
          : name === 'jet-fire'
            ? jetFireFootprints
            : fireballFootprints;
      fp = build(release, substance, ambient, lethality, options);
      fires.set(name, fp);
    }
    return fp;
  };
  const events: RiskEvent[] = [];
  for (const weather of weatherClasses) {
    const cloud = tree.some((o) => o.branch !== 'direct')
      ? releaseCloud(release, substance, weather, ambient, options)
      : undefined;
    for (const outcome of tree) {
      let fp: OutcomeFootprints;
      if (outcome.effect === 'heat') fp = fireFootprints(outcome.name);
      else if (outcome.name === 'toxic') fp = toxic(cloud!, substance, ambient, lethality, options);
      else fp = flammable(outcome.name, cloud!, substance, ambient, lethality, options);
      events.push({
        installationId: options.installationId,
        scenarioId: release.id,
        outcome: outcome.name,
        effect: outcome.effect,
        weatherClassId: weather.id,
        source: [options.position[0], options.position[1]],
        frequency: release.frequency * outcome.probability * weather.probability,
        individual: fp.individual,
        societal: { indoor: fp.indoor, outdoor: fp.outdoor },
      });
    }
  }
  return events;
}

function toxic(
  cloud: ReturnType<typeof releaseCloud>,
  substance: Substance,
  ambient: OutcomeAmbient,
  rules: LethalityRules,
  options: OutcomeEventOptions,
): OutcomeFootprints {
  const probit = substance.toxicProbit;
  if (!probit) throw new RangeError(`substance '${substance.id}': toxicProbit is absent`);
  const molarMass = substance.molarMass;
  if (molarMass === undefined) throw new RangeError(`substance '${substance.id}': molarMass is absent`);
  const gas = { molarMass, temperature: ambient.temperature, pressure: ambient.pressure };
  return toxicFootprints(cloud, probit, gas, rules, options);
}

function flammable(
  name: TreeOutcome['name'],
  cloud: ReturnType<typeof releaseCloud>,
  substance: Substance,
  ambient: OutcomeAmbient,
  rules: LethalityRules,
  options: OutcomeEventOptions,
): OutcomeFootprints {
  const lfl = substance.lowerFlammabilityLimit;
  const molarMass = substance.molarMass;
  if (lfl === undefined)
    throw new RangeError(`substance '${substance.id}': lowerFlammabilityLimit is absent`);
  if (molarMass === undefined) throw new RangeError(`substance '${substance.id}': molarMass is absent`);
  const lflConcentration = ambientConcentration(lfl, molarMass, ambient);
  if (name === 'flash-fire') return flashFireFootprints(cloud, lflConcentration, rules, options);
  const ufl = substance.upperFlammabilityLimit;
  const uflConcentration = ufl === undefined ? Infinity : ambientConcentration(ufl, molarMass, ambient);
  const charge = explosionCharge(
    cloud,
    substance,
    ambient,
    lflConcentration,
    uflConcentration,
    rules,
    options.explosion,
  );
  return explosionFootprints(charge, rules);
}
