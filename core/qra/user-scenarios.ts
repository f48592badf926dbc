import type { Installation, UserDefinedScenario, UserOutcome } from '../project/types.ts';
import type { VulnerabilityRules } from '../rules/types.ts';
import type { RiskEvent } from '../risk/events.ts';
import {
  circularZonesFootprint,
  downwindZonesFootprint,
  type CircularZone,
  type DownwindZone,
  type Footprint,
} from '../risk/footprint.ts';
import type { WeatherClass } from '../project/types.ts';

/**
 * Societal-risk lethality indoors and outdoors for a zone of individual lethality L, by effect, following
 * the Purple Book rules (CPR 18E Figures 5.2–5.5; spec/standards.md B §6) with the rule set's factors:
 * toxic — indoors toxic.indoor·L, outdoors toxic.outdoor·L; heat — certain death (L = 1) kills indoors
 * and out, below it nobody indoors and heat.outdoor·L outdoors (clothing); flash fire — inside the envelope
 * flashFire.indoor/outdoor·L; explosion and generic — L indoors and outdoors (an assessor's explosion zone
 * already states the lethality; the Purple Book overpressure bands apply to the engine's own explosions).
 */
export function userZoneSocietalLethality(
  effect: UserOutcome['effect'],
  lethality: number,
  rules: VulnerabilityRules,
): { indoor: number; outdoor: number } {
  switch (effect) {
    case 'toxic':
      return { indoor: rules.toxic.indoor.value * lethality, outdoor: rules.toxic.outdoor.value * lethality };
    case 'heat':
      return lethality >= 1
        ? { indoor: 1, outdoor: 1 }
        : { indoor: rules.heat.indoor.value * lethality, outdoor: rules.heat.outdoor.value * lethality };
    case 'flash-fire':
      return {
        indoor: rules.flashFire.indoor.value * lethality,
        outdoor: rules.flashFire.outdoor.value * lethality,
      };
    case 'explosion':
    case 'generic':
      return { indoor: lethality, outdoor: lethality };
  }
}

function footprints(
  outcome: UserOutcome,
  rules: VulnerabilityRules,
): RiskEvent['societal'] & { individual: Footprint } {
  const societal = (l: number) => userZoneSocietalLethality(outcome.effect, l, rules);
  if (outcome.zones) {
    const zones: CircularZone[] = outcome.zones.map((z) => ({ radius: z.radius, lethality: z.lethality }));
    return {
      individual: circularZonesFootprint(zones),
      indoor: circularZonesFootprint(zones.map((z) => ({ ...z, lethality: societal(z.lethality).indoor }))),
      outdoor: circularZonesFootprint(zones.map((z) => ({ ...z, lethality: societal(z.lethality).outdoor }))),
    };
  }
  const zones: DownwindZone[] = outcome.downwind.map((z) => ({
    length: z.length,
    halfWidth: z.halfWidth,
    lethality: z.lethality,
  }));
  return {
    individual: downwindZonesFootprint(zones),
    indoor: downwindZonesFootprint(zones.map((z) => ({ ...z, lethality: societal(z.lethality).indoor }))),
    outdoor: downwindZonesFootprint(zones.map((z) => ({ ...z, lethality: societal(z.lethality).outdoor }))),
  };
}

/**
 * Events of a user-defined scenario (spec/project-format.md): one per outcome and weather class, with
 * frequency = scenario frequency × outcome probability × weather-class probability, centred on the
 * installation's position. Circular zones ignore the wind; downwind zones turn with the wind rose.
 */
export function userScenarioEvents(
  installation: Installation,
  scenario: UserDefinedScenario,
  weatherClasses: readonly WeatherClass[],
  rules: VulnerabilityRules,
): RiskEvent[] {
  const events: RiskEvent[] = [];
  scenario.outcomes.forEach((outcome, index) => {
    const fp = footprints(outcome, rules);
    for (const w of weatherClasses) {
      events.push({
        installationId: installation.id,
        scenarioId: scenario.id,
        outcome: `${index + 1}:${outcome.effect}`,
        effect: outcome.effect,
        weatherClassId: w.id,
        source: [installation.position[0], installation.position[1]],
        frequency: scenario.frequency * outcome.probability * w.probability,
        individual: fp.individual,
        societal: { indoor: fp.indoor, outdoor: fp.outdoor },
      });
    }
  });
  return events;
}
