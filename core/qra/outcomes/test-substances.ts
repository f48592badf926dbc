import type { Substance } from '../../substance/index.ts';
import type { IgnitionRules, Sourced, VulnerabilityRules } from '../../rules/types.ts';

/** A substance row for tests: only the named properties are present. */
export function testSubstance(fields: Partial<Substance> & Pick<Substance, 'id' | 'hazards'>): Substance {
  return {
    nameZh: fields.id,
    nameEn: fields.id,
    cas: '0-00-0',
    formula: '',
    aliases: [],
    valueSources: {},
    sources: [],
    notes: '',
    ...fields,
  };
}

const sourced = <T>(value: T, source: string): Sourced<T> => ({ value, source, confidence: 'likely' });
const T45 = 'PB CPR 18E Table 4.5 (spec/standards.md A §4.2, B §3.4)';

/**
 * The rule set's ignition block with the values of PB Table 4.5 and §4.8 as spec/standards.md A §4.2 and
 * B §3.4 print them (stationary installations; delayed split 0.6 / 0.4).
 */
export const PB_IGNITION: IgnitionRules = {
  direct: {
    continuousBounds: sourced([10, 100] as never, T45),
    instantaneousBounds: sourced([1000, 10_000] as never, T45),
    stationary: {
      'k1-liquid': sourced([0.065, 0.065, 0.065] as never, T45),
      'k2-k4-liquid': sourced([0, 0, 0] as never, 'standards.md A §4.2 (unsure)'),
      'gas-low-reactivity': sourced([0.02, 0.04, 0.09] as never, T45),
      'gas-average-high-reactivity': sourced([0.2, 0.5, 0.7] as never, T45),
    },
    roadTanker: {
      continuous: { k1Liquid: sourced(0.065 as never, T45), gas: sourced(0.1 as never, T45) },
      instantaneous: { k1Liquid: sourced(0.065 as never, T45), gas: sourced(0.4 as never, T45) },
    },
  },
  delayed: { flashFire: sourced(0.6 as never, 'PB §4.8'), explosion: sourced(0.4 as never, 'PB §4.8') },
  ignitionAtLargestExtent: sourced(true, 'standards.md A §4.2'),
};

/** The rule set's vulnerability block with the Purple Book values (spec/standards.md A §4.4, B §6). */
export const PB_VULNERABILITY: VulnerabilityRules = {
  thermalCertainDeathFlux: sourced(35_000 as never, 'PB Fig. 5.4'),
  thermalCertainDeathFluxOptions: [],
  thermalExposureCap: sourced(20 as never, 'PB §5.2.3'),
  toxicExposureCap: sourced(1800 as never, 'PB §5.2.2'),
  explosionCertainDeath: sourced(30_000 as never, 'PB Fig. 5.5'),
  explosionNoEffect: sourced(10_000 as never, 'PB Fig. 5.5'),
  explosionIndoorIntermediate: sourced(0.025 as never, 'PB Fig. 5.5'),
  toxic: { indoor: sourced(0.1, 'PB Fig. 5.2'), outdoor: sourced(1, 'PB Fig. 5.2') },
  heat: { indoor: sourced(0, 'PB Fig. 5.4'), outdoor: sourced(0.14, 'PB Fig. 5.4') },
  flashFire: { indoor: sourced(1, 'PB Fig. 5.3'), outdoor: sourced(1, 'PB Fig. 5.3') },
  indoorFraction: {
    day: sourced(0.93 as never, 'PB Table 5.3'),
    night: sourced(0.99 as never, 'PB Table 5.3'),
  },
};
