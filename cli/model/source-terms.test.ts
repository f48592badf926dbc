import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../data/schema/quantity.ts';
import { sourceTermModels } from './source-terms.ts';

/** Parses a JSON input as `safedist model <name>` does and runs the model. */
function runModel(name: string, json: object): Record<string, unknown> {
  const model = sourceTermModels.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  const parsed = model.input.safeParse(json);
  if (!parsed.success) throw new Error(formatIssue(parsed.error));
  return model.run(parsed.data) as Record<string, unknown>;
}

const rel = (value: unknown, expected: number) => Math.abs((value as number) / expected - 1);

describe('source-term CLI adapters (spec/model-cli.md)', () => {
  it('discharge-gas: DIS-SUBSONIC with the contract defaults (Cd 0.62, Pa 101325) [public-cases.md]', () => {
    const out = runModel('discharge-gas', {
      holeDiameter: '10 mm',
      pressure: '1.5 bar',
      temperature: '20 degC',
      molarMass: '28.013 g/mol',
      gamma: 1.4,
    });
    expect(out.choked).toBe(false);
    expect(rel(out.massRate, 0.01612)).toBeLessThan(1e-4);
    for (const field of ['throatPressure', 'throatTemperature', 'throatVelocity']) {
      expect(typeof out[field]).toBe('number');
    }
  });

  it('flash-fraction: DIS-FLASH [public-cases.md; SRC-AEF]', () => {
    const out = runModel('flash-fraction', {
      temperature: '25 degC',
      boilingPoint: 272.55,
      liquidHeatCapacity: '2.4173 kJ/(kg K)',
      heatOfVaporization: '361.29 kJ/kg',
    });
    expect(rel(out.flashFraction, 0.17128)).toBeLessThan(1e-3);
    expect(out.flashFractionIntegrated).toBeLessThan(out.flashFraction as number);
  });

  it('pool-evaporation: EVAP-MM with the default Sc 0.8 [public-cases.md]', () => {
    const out = runModel('pool-evaporation', {
      poolDiameter: '10 m',
      windSpeed: 5,
      vaporPressure: '16 kPa',
      molarMass: '86.18 g/mol',
      liquidTemperature: 293.15,
    });
    expect(rel(out.massTransferCoefficient, 0.0151391)).toBeLessThan(1e-5);
    expect(rel(out.massFlux, 0.0085645)).toBeLessThan(1e-5);
    expect(rel(out.evaporationRate, 0.67265)).toBeLessThan(1e-5);
  });

  it('names the field and its valid range on bad input', () => {
    expect(() =>
      runModel('discharge-gas', {
        holeDiameter: 0.01,
        pressure: 2e5,
        temperature: 293,
        molarMass: 0.028,
        gamma: 0.9,
      }),
    ).toThrow(/'gamma'.*> 1/);
    expect(() =>
      runModel('flash-fraction', { temperature: 300, boilingPoint: 250, liquidHeatCapacity: 2000 }),
    ).toThrow(/'heatOfVaporization' is required/);
    expect(() =>
      runModel('pool-evaporation', {
        poolDiameter: 10,
        windSpeed: 5,
        vaporPressure: 1000,
        molarMass: 0.1,
        liquidTemperature: 290,
        wind: 3,
      }),
    ).toThrow(/unknown field 'wind'/);
  });
});
