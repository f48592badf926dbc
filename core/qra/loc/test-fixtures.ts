/**
 * Installations and substances for the tests of core/qra/loc. Substance values are those of the built-in
 * library (data/substances/substances.csv) written out by hand, so the tests do not depend on file loading.
 */
import type { Equipment, Installation } from '../../project/types.ts';
import type {
  Confidence,
  FrequencyBasis,
  HoleSpec,
  LocDefinition,
  Sourced,
  SystemGrade,
} from '../../rules/types.ts';
import type { Substance } from '../../substance/index.ts';
import { si, type Seconds } from '../../units/index.ts';
import type { LocRules } from './types.ts';

export function installation(
  fields: Partial<Installation> & { equipment: readonly Equipment[] },
): Installation {
  return {
    id: 'T101',
    name: 'test installation',
    kind: 'storage',
    status: 'existing',
    unit: 'T101',
    position: [si.metres(0), si.metres(0)],
    substance: 'chlorine',
    inventory: si.kilograms(20000),
    temperature: si.kelvin(293.15),
    pressure: si.pascals(700000),
    phase: 'liquefied-gas',
    scenarios: [],
    ...fields,
  };
}

export const overrides = { frequencies: {}, disabled: [] } as const;

function substance(fields: Partial<Substance> & { id: string }): Substance {
  return {
    nameZh: fields.id,
    nameEn: fields.id,
    cas: '',
    formula: '',
    aliases: [],
    hazards: [],
    valueSources: {},
    sources: [],
    notes: '',
    ...fields,
  };
}

export const chlorine = substance({
  id: 'chlorine',
  molarMass: si.kilogramsPerMole(0.070906),
  normalBoilingPoint: si.kelvin(239.2),
  liquidDensity: si.kilogramsPerCubicMetre(1564),
  liquidHeatCapacity: si.joulesPerKilogramKelvin(927.1),
  gamma: 1.324,
  heatOfVaporization: si.joulesPerKilogram(2.878e5),
  antoine: { a: 9.0628, b: 861.34, c: -26.82, tMin: si.kelvin(176.31), tMax: si.kelvin(255.79) },
  hazards: ['toxic_gas', 'oxidizer'],
});

export const methane = substance({
  id: 'methane',
  molarMass: si.kilogramsPerMole(0.0160425),
  normalBoilingPoint: si.kelvin(111.67),
  liquidDensity: si.kilogramsPerCubicMetre(422.3),
  liquidHeatCapacity: si.joulesPerKilogramKelvin(3481),
  gamma: 1.304,
  heatOfVaporization: si.joulesPerKilogram(5.105e5),
  heatOfCombustion: si.joulesPerKilogram(5.003e7),
  antoine: { a: 8.7687, b: 395.744, c: -6.469, tMin: si.kelvin(92.64), tMax: si.kelvin(120.59) },
  hazards: ['flammable_gas'],
});

export const propane = substance({
  id: 'propane',
  molarMass: si.kilogramsPerMole(0.0440956),
  normalBoilingPoint: si.kelvin(231.04),
  liquidDensity: si.kilogramsPerCubicMetre(580.5),
  liquidHeatCapacity: si.joulesPerKilogramKelvin(2246),
  gamma: 1.127,
  heatOfVaporization: si.joulesPerKilogram(4.318e5),
  heatOfCombustion: si.joulesPerKilogram(4.634e7),
  antoine: { a: 8.92828, b: 803.997, c: -26.11, tMin: si.kelvin(168.9), tMax: si.kelvin(247.76) },
  hazards: ['flammable_gas'],
});

export const toluene = substance({
  id: 'toluene',
  molarMass: si.kilogramsPerMole(0.0921384),
  normalBoilingPoint: si.kelvin(383.75),
  liquidDensity: si.kilogramsPerCubicMetre(867.2),
  liquidHeatCapacity: si.joulesPerKilogramKelvin(1685),
  gamma: 1.087,
  heatOfVaporization: si.joulesPerKilogram(3.601e5),
  heatOfCombustion: si.joulesPerKilogram(4.053e7),
  antoine: { a: 9.05043, b: 1327.62, c: -55.525, tMin: si.kelvin(286.44), tMax: si.kelvin(409.61) },
  hazards: ['flammable_liquid'],
});

// ---------------------------------------------------------------- rules written out from the spec

const pb = <T>(value: T, confidence: Confidence = 'likely'): Sourced<T> => ({
  value,
  source: 'spec/standards.md A §4.1 (Purple Book CPR 18E ch. 3)',
  confidence,
});

type LocShape = 'instantaneous' | 'ten-minute' | 'continuous-10mm';

function loc(
  id: string,
  shape: LocShape,
  frequency: number,
  into: 'atmosphere' | 'outer-shell' = 'atmosphere',
  confidence: Confidence = 'likely',
): LocDefinition {
  const base = {
    id,
    description: id,
    into,
    frequencyBasis: 'per-year' as const,
    frequency: pb(frequency, confidence),
  };
  switch (shape) {
    case 'instantaneous':
      return { ...base, release: 'instantaneous' };
    case 'ten-minute':
      return { ...base, release: 'fixed-duration', duration: si.seconds(600) };
    case 'continuous-10mm':
      return { ...base, release: 'continuous', hole: { kind: 'fixed', diameter: si.metres(0.01) } };
  }
}

const vesselLocs = (i: number, t: number, c: number, confidence: Confidence = 'likely') => [
  loc('instantaneous', 'instantaneous', i, 'atmosphere', confidence),
  loc('ten-minute', 'ten-minute', t, 'atmosphere', confidence),
  loc('continuous-10mm', 'continuous-10mm', c, 'atmosphere', confidence),
];

const leakHole: HoleSpec = { kind: 'fraction-of-diameter', fraction: 0.1, maxDiameter: si.metres(0.05) };

const leakLoc = (frequency: number, basis: FrequencyBasis, confidence: Confidence): LocDefinition => ({
  id: 'leak',
  description: 'leak',
  release: 'continuous',
  hole: leakHole,
  into: 'atmosphere',
  frequencyBasis: basis,
  frequency: pb(frequency, confidence),
});

function lineLocs(
  ruptureId: string,
  rupture: number,
  leak: number,
  basis: FrequencyBasis,
  confidence: Confidence = 'likely',
): LocDefinition[] {
  return [
    {
      id: ruptureId,
      description: 'full bore',
      release: 'continuous',
      hole: { kind: 'full-bore' },
      into: 'atmosphere',
      frequencyBasis: basis,
      frequency: pb(rupture, confidence),
    },
    leakLoc(leak, basis, confidence),
  ];
}

const tanker = (instantaneous: number): LocDefinition[] => [
  {
    ...loc('instantaneous', 'instantaneous', instantaneous, 'atmosphere', 'unsure'),
    frequencyBasis: 'per-year-present',
  },
  {
    id: 'full-bore',
    description: 'full bore of the largest connection',
    release: 'continuous',
    hole: { kind: 'full-bore' },
    into: 'atmosphere',
    frequencyBasis: 'per-year-present',
    frequency: pb(5e-7, 'unsure'),
  },
];

const tube = (id: string, count: number, frequency: number): LocDefinition => ({
  id,
  description: id,
  release: 'continuous',
  hole: { kind: 'tube-ruptures', count },
  into: 'atmosphere',
  frequencyBasis: 'per-year',
  frequency: pb(frequency, 'unsure'),
});

const api = <T>(value: T): Sourced<T> => ({
  value,
  source: 'spec/standards.md B §3.3 (API RP 581 Table 4.7)',
  confidence: 'likely',
});
const minutes = (a: number, b: number, c: number) =>
  api([si.seconds(a * 60), si.seconds(b * 60), si.seconds(c * 60)] as const);
const durationRow = (
  detection: SystemGrade,
  isolation: SystemGrade,
  d: Sourced<readonly [Seconds, Seconds, Seconds]>,
) => ({
  detection,
  isolation,
  durations: d,
});
const holeClass = (id: 'small' | 'medium' | 'large', mm: number, maxMm: number) => ({
  id,
  diameter: {
    value: si.metres(mm / 1000),
    source: 'spec/standards.md A §3 (AQ/T 3046 hole classes)',
    confidence: 'likely' as const,
  },
  maxDiameter: {
    value: si.metres(maxMm / 1000),
    source: 'spec/standards.md A §3',
    confidence: 'likely' as const,
  },
});

/**
 * The LOC catalogue of spec/standards.md A §4.1 and the hole-size catalogue of A §3 / B §3.3, written out by
 * hand (the built-in rule-set file is checked against the same tables by data/rules/rules.test.ts).
 */
export const specRules: LocRules = {
  locCatalogue: {
    pressureVessel: vesselLocs(5e-7, 5e-7, 1e-5),
    processVessel: vesselLocs(5e-6, 5e-6, 1e-4),
    atmosphericTank: {
      single: vesselLocs(5e-6, 5e-6, 1e-4),
      'protective-shell': vesselLocs(5e-7, 5e-7, 1e-4, 'unsure'),
      double: [
        loc('instantaneous', 'instantaneous', 1.25e-8, 'atmosphere', 'unsure'),
        loc('inner-instantaneous', 'instantaneous', 5e-8, 'outer-shell', 'unsure'),
        loc('inner-ten-minute', 'ten-minute', 5e-8, 'outer-shell', 'unsure'),
        loc('inner-continuous-10mm', 'continuous-10mm', 1e-4, 'outer-shell', 'unsure'),
      ],
      full: [loc('instantaneous', 'instantaneous', 1e-8, 'atmosphere', 'unsure')],
      membrane: [loc('instantaneous', 'instantaneous', 1e-8, 'atmosphere', 'unsure')],
    },
    pipe: [
      {
        maxDiameter: si.metres(0.075),
        minInclusive: true,
        maxInclusive: false,
        locs: lineLocs('rupture', 1e-6, 5e-6, 'per-metre-year'),
      },
      {
        minDiameter: si.metres(0.075),
        minInclusive: true,
        maxDiameter: si.metres(0.15),
        maxInclusive: true,
        locs: lineLocs('rupture', 3e-7, 2e-6, 'per-metre-year'),
      },
      {
        minDiameter: si.metres(0.15),
        minInclusive: false,
        maxInclusive: false,
        locs: lineLocs('rupture', 1e-7, 5e-7, 'per-metre-year'),
      },
    ],
    pump: {
      standard: lineLocs('catastrophic', 1e-4, 5e-4, 'per-year'),
      canned: lineLocs('catastrophic', 1e-5, 5e-5, 'per-year'),
    },
    heatExchanger: {
      shell: vesselLocs(5e-5, 5e-5, 1e-3, 'unsure'),
      tubes: [
        tube('rupture-10-tubes', 10, 1e-5),
        tube('rupture-1-tube', 1, 1e-3),
        leakLoc(1e-2, 'per-year', 'unsure'),
      ],
    },
    loadingArm: lineLocs('rupture', 3e-8, 3e-7, 'per-hour'),
    loadingHose: lineLocs('rupture', 4e-6, 4e-5, 'per-hour'),
    roadTanker: { pressurised: tanker(5e-7), atmospheric: tanker(1e-5) },
    maxContinuousDuration: {
      value: si.seconds(1800),
      source: 'spec/standards.md A §4.1: continuous releases are modelled for at most 30 min',
      confidence: 'likely',
    },
  },
  holeSizeCatalogue: {
    classes: [
      holeClass('small', 5, 5),
      holeClass('medium', 25, 50),
      holeClass('large', 100, 150),
      { id: 'rupture' },
    ],
    durationBands: api([si.metres(0.0064), si.metres(0.025), si.metres(0.102)] as const),
    durations: [
      durationRow('A', 'A', minutes(20, 10, 5)),
      durationRow('A', 'B', minutes(30, 20, 10)),
      durationRow('A', 'C', minutes(40, 30, 20)),
      durationRow('B', 'A', minutes(40, 30, 20)),
      durationRow('B', 'B', minutes(40, 30, 20)),
      durationRow('B', 'C', minutes(60, 30, 20)),
      durationRow('C', 'A', minutes(60, 40, 20)),
      durationRow('C', 'B', minutes(60, 40, 20)),
      durationRow('C', 'C', minutes(60, 40, 20)),
    ],
  },
};
