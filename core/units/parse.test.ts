import { describe, expect, it } from 'vitest';
import { parseQuantity, QuantityError } from './parse.ts';

// Expected values are exact SI conversions (BIPM SI Brochure, 9th ed.; 1 inch = 25.4 mm exactly,
// 1 bar = 1e5 Pa, 0 degC = 273.15 K, 1 t = 1000 kg).
describe('parseQuantity', () => {
  it('takes plain numbers as SI', () => {
    expect(parseQuantity(0.025, 'length')).toBe(0.025);
    expect(parseQuantity('0.025', 'length')).toBe(0.025);
  });

  it.each([
    ['2 inch', 'length', 0.0508],
    ['25 mm', 'length', 0.025],
    ['50 bar', 'pressure', 5e6],
    ['1.6 MPa', 'pressure', 1.6e6],
    ['6 barg', 'pressure', 6e5 + 101325],
    ['20 degC', 'temperature', 293.15],
    ['21300 mg/m^3', 'concentration', 0.0213],
    ['30 min', 'time', 1800],
    ['20 t', 'mass', 20000],
    ['1000 L', 'volume', 1],
    ['2.2 kJ/(kg K)', 'specificHeat', 2200],
    ['46 MJ/kg', 'specificEnergy', 46e6],
    ['17 g/mol', 'molarMass', 0.017],
    ['35 kW/m^2', 'heatFlux', 35000],
    ['1e-5 /yr', 'frequency', 1e-5],
    ['70 %', 'dimensionless', 0.7],
  ] as const)('reads "%s" as a %s', (text, dimension, expected) => {
    expect(parseQuantity(text, dimension)).toBeCloseTo(expected, 10);
  });

  it('refuses a unit of the wrong dimension and says what was expected', () => {
    expect(() => parseQuantity('5 bar', 'length')).toThrow(QuantityError);
    expect(() => parseQuantity('5 bar', 'length')).toThrow(/a number in m or a string like "25 mm"/);
  });

  it('refuses text that is not a quantity', () => {
    expect(() => parseQuantity('lots', 'mass')).toThrow(/expected a number in kg/);
    expect(() => parseQuantity(Number.NaN, 'mass')).toThrow(/finite/);
  });
});
