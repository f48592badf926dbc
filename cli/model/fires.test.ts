import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../data/schema/quantity.ts';
import { fireModels } from './fires.ts';

/** Parses a JSON input as `safedist model <name>` does and runs the model. */
function runModel(name: string, json: object): Record<string, unknown> {
  const model = fireModels.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  const parsed = model.input.safeParse(json);
  if (!parsed.success) throw new Error(formatIssue(parsed.error));
  return model.run(parsed.data) as Record<string, unknown>;
}

describe('fire CLI adapters (spec/model-cli.md)', () => {
  it('view-factor-cylinder: YB 6.6.3 step 12 [FIRE-VF-YBPOOL, SRC-BOOKS], tilt in degrees', () => {
    const out = runModel('view-factor-cylinder', { a: 2.20396, b: 4.712, tiltDeg: 50.8286 });
    expect(Math.abs((out.fv as number) - 0.091915)).toBeLessThanOrEqual(2e-6);
    expect(Math.abs((out.fh as number) - 0.029146)).toBeLessThanOrEqual(2e-6);
  });

  it('view-factor-cylinder: default tilt 0 gives the Raj table [FIRE-VF-RAJ-TABLE]; overhang names b', () => {
    const out = runModel('view-factor-cylinder', { a: 2, b: 2 });
    expect(Math.trunc(1000 * (out.fv as number))).toBe(236);
    expect(() => runModel('view-factor-cylinder', { a: 4, b: 2, tiltDeg: '45 deg' })).toThrow(/field 'b'/);
  });

  it('pool-fire: Babrauskas burning rate and a downwind flux consistent with SEP·F·τ', () => {
    const out = runModel('pool-fire', {
      poolDiameter: '42.445 m',
      heatOfCombustion: '40.1 MJ/kg',
      distance: '100 m',
      maxBurningRate: 0.085,
      kBeta: 2.7,
      windSpeed: '5 m/s',
    });
    expect(Math.abs((out.burningRate as number) / 0.085 - 1)).toBeLessThan(1e-4); // FIRE-BURN-BABRAUSKAS, D ≥ 20 m
    expect(out.heatFlux).toBeCloseTo(
      (out.sep as number) * (out.viewFactor as number) * (out.transmissivity as number),
      6,
    );
    for (const f of ['flameLength', 'tiltDeg', 'sepMax', 'fv', 'fh']) expect(typeof out[f]).toBe('number');
  });

  it('pool-fire: a given transmissivity is used as it is', () => {
    const out = runModel('pool-fire', {
      poolDiameter: 10,
      heatOfCombustion: 4e7,
      distance: 50,
      burningRate: 0.05,
      transmissivity: 1,
    });
    expect(out.transmissivity).toBe(1);
  });

  it('pool-fire: needs a burning rate or the Babrauskas pair, not both', () => {
    const base = { poolDiameter: 10, heatOfCombustion: 4e7, distance: 50 };
    expect(() => runModel('pool-fire', base)).toThrow(/burningRate/);
    expect(() => runModel('pool-fire', { ...base, maxBurningRate: 0.05 })).toThrow(/kBeta/);
    expect(() => runModel('pool-fire', { ...base, burningRate: 0.05, kBeta: 2 })).toThrow(/not both/);
    expect(() => runModel('pool-fire', { ...base, burningRate: 0.05, relativeHumidity: 1.5 })).toThrow(
      /relativeHumidity.*≤ 1/,
    );
  });

  it('jet-fire: returns every contract field; default angle 90° and still air give no tilt', () => {
    const out = runModel('jet-fire', {
      massRate: 5,
      jetVelocity: 400,
      molarMass: '16 g/mol',
      heatOfCombustion: '50 MJ/kg',
    });
    for (const f of [
      'sourceDiameter',
      'flameLengthStillAir',
      'flameLength',
      'tiltDeg',
      'liftOff',
      'frustumLength',
      'widthBase',
      'widthTip',
      'surfaceArea',
      'radiativeFraction',
      'sep',
    ])
      expect(typeof out[f]).toBe('number');
    expect(out.tiltDeg).toBe(0);
    expect(out.flameLength).toBe(out.flameLengthStillAir);
  });

  it('fireball: TNO diameter and duration [FIRE-FIREBALL-TNO]; heat flux only with a distance', () => {
    const input = { mass: 21972.5, heatOfCombustion: '46 MJ/kg', vesselPressure: '1.6 MPa' };
    const out = runModel('fireball', input);
    expect(Math.abs((out.diameter as number) / 166.99 - 1)).toBeLessThan(1e-3);
    expect(Math.abs((out.duration as number) / 11.46 - 1)).toBeLessThan(1e-3);
    expect(out.heatFlux).toBeUndefined();
    const withDistance = runModel('fireball', { ...input, distance: '300 m' });
    expect(withDistance.heatFlux as number).toBeGreaterThan(0);
    expect(withDistance.heatFlux as number).toBeLessThan(out.sep as number);
  });
});
