import { describe, expect, it } from 'vitest';
import { directIgnitionBand, eventTree, substanceHazard, type TreeOutcome } from './event-tree.ts';
import type { OutcomeInput } from './input.ts';
import { PB_IGNITION, testSubstance } from './test-substances.ts';

const propane = testSubstance({ id: 'propane', hazards: ['flammable_gas'], reactivity: 'medium' });
const methane = testSubstance({ id: 'methane', hazards: ['flammable_gas'], reactivity: 'low' });
const gasoline = testSubstance({ id: 'gasoline', hazards: ['flammable_liquid'], flammableLiquidClass: 'K1' });
const diesel = testSubstance({
  id: 'diesel',
  hazards: ['combustible_liquid'],
  flammableLiquidClass: 'K3',
  flashPoint: 333 as never,
});
const chlorine = testSubstance({ id: 'chlorine', hazards: ['toxic_gas', 'oxidizer'] });
const h2s = testSubstance({
  id: 'hydrogen-sulfide',
  hazards: ['flammable_gas', 'toxic_gas'],
  reactivity: 'medium',
});

const base: OutcomeInput = {
  id: 'S1',
  frequency: 1e-5,
  mode: 'continuous',
  phaseAtExit: 'gas',
  releaseRate: 15 as never,
  airborneRate: 15 as never,
  duration: 1800 as never,
  jetVelocity: 300 as never,
  releaseHeight: 1 as never,
  releaseTemperature: 288 as never,
  storageTemperature: 288 as never,
  vesselPressure: 1e6 as never,
};

const byName = (tree: TreeOutcome[]) =>
  Object.fromEntries(tree.map((o) => [`${o.branch}:${o.name}`, o.probability]));
const exclusiveSum = (tree: TreeOutcome[]) =>
  tree.filter((o) => !o.concurrent).reduce((s, o) => s + o.probability, 0);

describe('event tree (PB CPR 18E ch. 4; spec/standards.md A §4.2, B §3.4)', () => {
  it('continuous gas, average reactivity, 15 kg/s (band 10–100): jet fire 0.5, flash fire 0.3, explosion 0.2', () => {
    const tree = eventTree(base, propane, PB_IGNITION);
    // PB Table 4.5: gas average/high reactivity, 10–100 kg/s → 0.5; delayed 0.6 / 0.4 (PB §4.8).
    expect(byName(tree)).toEqual({
      'direct:jet-fire': 0.5,
      'delayed:flash-fire': 0.5 * 0.6,
      'delayed:explosion': 0.5 * 0.4,
    });
    expect(exclusiveSum(tree)).toBeCloseTo(1, 15);
    expect(tree[0]!.provenance.map((p) => p.rule)).toContain(
      'ignition.direct.stationary.gas-average-high-reactivity[1]',
    );
  });

  it('instantaneous flashing release of a low-reactivity gas, 20 t (> 10 000 kg): fireball 0.09', () => {
    const tree = eventTree(
      {
        ...base,
        mode: 'instantaneous',
        phaseAtExit: 'two-phase',
        releasedMass: 20_000 as never,
        airborneMass: 8000 as never,
      },
      methane,
      PB_IGNITION,
    );
    expect(byName(tree)).toEqual({
      'direct:fireball': 0.09,
      'delayed:flash-fire': 0.91 * 0.6,
      'delayed:explosion': 0.91 * 0.4,
    });
    expect(exclusiveSum(tree)).toBeCloseTo(1, 15);
  });

  it('K1 liquid with a pool: direct pool fire 0.065; delayed flash fire / explosion with the pool burning after', () => {
    const tree = eventTree(
      {
        ...base,
        phaseAtExit: 'liquid',
        releaseRate: 5 as never,
        airborneRate: 0 as never,
        pool: { diameter: 20 as never, evaporationRate: 0.5 as never, duration: 1800 as never },
      },
      gasoline,
      PB_IGNITION,
    );
    expect(byName(tree)).toEqual({
      'direct:pool-fire': 0.065,
      'delayed:flash-fire': 0.935 * 0.6,
      'delayed:explosion': 0.935 * 0.4,
      'delayed:pool-fire': 0.935,
    });
    expect(tree.find((o) => o.branch === 'delayed' && o.name === 'pool-fire')!.concurrent).toBe(true);
    expect(exclusiveSum(tree)).toBeCloseTo(1, 15);
  });

  it('a continuous two-phase jet with rain-out: the pool burns with the jet fire', () => {
    const tree = eventTree(
      {
        ...base,
        phaseAtExit: 'two-phase',
        pool: { diameter: 10 as never, evaporationRate: 1 as never, duration: 600 as never },
      },
      propane,
      PB_IGNITION,
    );
    expect(byName(tree)['direct:jet-fire']).toBe(0.5);
    expect(tree.find((o) => o.branch === 'direct' && o.name === 'pool-fire')!.concurrent).toBe(true);
    expect(exclusiveSum(tree)).toBeCloseTo(1, 15);
  });

  it('K2–K4 below the flash point: no direct ignition (standards.md A §4.2); above it: as K1', () => {
    const spill: OutcomeInput = {
      ...base,
      phaseAtExit: 'liquid',
      airborneRate: 0 as never,
      pool: { diameter: 20 as never, evaporationRate: 0.01 as never, duration: 1800 as never },
    };
    const cold = eventTree(spill, diesel, PB_IGNITION);
    expect(cold.some((o) => o.branch === 'direct')).toBe(false);
    expect(exclusiveSum(cold)).toBeCloseTo(1, 15);
    expect(substanceHazard(diesel, 340).ignitionCategory).toBe('k1-liquid');
    expect(
      byName(eventTree({ ...spill, storageTemperature: 340 as never }, diesel, PB_IGNITION))[
        'direct:pool-fire'
      ],
    ).toBe(0.065);
  });

  it('a toxic, non-flammable substance: the toxic cloud with probability 1', () => {
    expect(byName(eventTree(base, chlorine, PB_IGNITION))).toEqual({ 'none:toxic': 1 });
  });

  it('toxic and flammable: direct ignition burns, the rest is a toxic cloud; optionally the delayed branch too', () => {
    const r = { ...base, releaseRate: 5 as never, airborneRate: 5 as never };
    const tree = eventTree(r, h2s, PB_IGNITION);
    expect(byName(tree)).toEqual({ 'direct:jet-fire': 0.2, 'none:toxic': 0.8 });
    expect(exclusiveSum(tree)).toBeCloseTo(1, 15);
    const both = eventTree(r, h2s, PB_IGNITION, { delayedIgnitionOfToxicCloud: true });
    expect(byName(both)).toEqual({
      'direct:jet-fire': 0.2,
      'delayed:flash-fire': 0.8 * 0.6,
      'delayed:explosion': 0.8 * 0.4,
      'none:toxic': 0.8,
    });
    expect(exclusiveSum(both)).toBeCloseTo(1, 15);
  });

  it('reads the Table 4.5 bands with the middle band closed at both ends', () => {
    expect(directIgnitionBand(9.999, [10, 100])).toBe(0);
    expect(directIgnitionBand(10, [10, 100])).toBe(1);
    expect(directIgnitionBand(100, [10, 100])).toBe(1);
    expect(directIgnitionBand(100.001, [10, 100])).toBe(2);
  });

  it('refuses a flammable gas without reactivity and a rule set without ignition at the largest extent', () => {
    const noReactivity = testSubstance({ id: 'x', hazards: ['flammable_gas'] });
    expect(() => eventTree(base, noReactivity, PB_IGNITION)).toThrow(/reactivity/);
    const rules = {
      ...PB_IGNITION,
      ignitionAtLargestExtent: { ...PB_IGNITION.ignitionAtLargestExtent, value: false },
    };
    expect(() => eventTree(base, propane, rules)).toThrow(/ignitionAtLargestExtent/);
  });
});
