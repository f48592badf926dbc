import { lookupKey, type SubstanceLibrary } from '../../data/substances/library.ts';
import type { Substance } from '../../core/substance/index.ts';
import {
  SUBSTANCE_PROPERTY_KEYS,
  type SubstanceDetail,
  type SubstancePropertyKey,
  type SubstanceSummary,
} from '../../shared/contract.ts';
import type { SubstanceCatalogue } from './handlers.ts';

/** SI unit of each reported property (core/substance Substance documents the values as SI). */
const UNITS: Record<SubstancePropertyKey, string> = {
  molarMass: 'kg/mol',
  normalBoilingPoint: 'K',
  meltingPoint: 'K',
  criticalTemperature: 'K',
  criticalPressure: 'Pa',
  acentricFactor: '',
  liquidDensity: 'kg/m³',
  liquidHeatCapacity: 'J/(kg·K)',
  gasHeatCapacity: 'J/(kg·K)',
  gamma: '',
  heatOfVaporization: 'J/kg',
  heatOfCombustion: 'J/kg',
  lowerFlammabilityLimit: 'mol/mol',
  upperFlammabilityLimit: 'mol/mol',
  flashPoint: 'K',
  autoignitionTemperature: 'K',
};

function summary(substance: Substance): SubstanceSummary {
  const { id, nameZh, nameEn, cas, formula } = substance;
  return { id, nameZh, nameEn, cas, formula, hazards: [...substance.hazards] };
}

function detail(substance: Substance, library: SubstanceLibrary): SubstanceDetail {
  const properties = SUBSTANCE_PROPERTY_KEYS.flatMap((key) => {
    const value = substance[key];
    if (value === undefined) return [];
    return [{ key, value, unit: UNITS[key], sources: [...(substance.valueSources[key]?.keys ?? [])] }];
  });
  return {
    ...summary(substance),
    aliases: [...substance.aliases],
    properties,
    gb18218CriticalQuantity: substance.gb18218?.criticalQuantity,
    sources: substance.sources.map((key) => ({ key, source: library.sourceKeys.get(key)?.source ?? '' })),
    notes: substance.notes,
  };
}

/**
 * The API's view of the substance library (data/substances): search by any part of the id, names, CAS,
 * formula or aliases (compared as data/substances lookupKey does: NFKC, case- and space-insensitive), and the
 * record of one id with its SI values and their sources.
 */
export function createSubstanceCatalogue(library: SubstanceLibrary): SubstanceCatalogue {
  const searchable = library.substances.map((substance) => ({
    substance,
    text: [
      substance.id,
      substance.nameZh,
      substance.nameEn,
      substance.cas,
      substance.formula,
      ...substance.aliases,
    ]
      .map(lookupKey)
      .join('\n'),
  }));
  const byId = new Map(library.substances.map((substance) => [substance.id, substance]));
  return {
    search: (query, limit) => {
      const key = lookupKey(query);
      return searchable
        .filter((entry) => entry.text.includes(key))
        .slice(0, limit)
        .map((entry) => summary(entry.substance));
    },
    get: (id) => {
      const substance = byId.get(id);
      return substance && detail(substance, library);
    },
  };
}
