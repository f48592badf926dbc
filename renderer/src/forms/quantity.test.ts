import { describe, expect, it } from 'vitest';
import { checkQuantity, formatSi, storedValue, type QuantitySpec } from './quantity.ts';

const mass: QuantitySpec = { dimension: 'mass', required: true, gt: 0 };
const pressure: QuantitySpec = { dimension: 'pressure', required: true, gt: 0 };
const temperature: QuantitySpec = { dimension: 'temperature', required: true, gt: 0 };
const probability: QuantitySpec = { dimension: 'dimensionless', min: 0, max: 1, storeNumber: true };

describe('unit-aware field values', () => {
  it('reads the examples of the issue in SI: 20 t, 1.6 MPa, -33 degC', () => {
    expect(checkQuantity('20 t', mass)).toEqual({ si: 20_000 });
    expect(checkQuantity('1.6 MPa', pressure)).toEqual({ si: 1.6e6 });
    expect(checkQuantity('-33 degC', temperature).si).toBeCloseTo(240.15, 10);
  });

  it('takes gauge pressure as absolute: 6 barg = 6 bar + 1 atm', () => {
    expect(checkQuantity('6 barg', pressure).si).toBeCloseTo(600_000 + 101_325, 6);
  });

  it('says a required blank field is required, an optional one is fine', () => {
    expect(checkQuantity('', mass).issue?.key).toBe('required');
    expect(checkQuantity('  ', { dimension: 'mass' })).toEqual({});
  });

  it('names the input, the dimension and examples when a text is not a quantity of the right kind', () => {
    const { issue, si } = checkQuantity('20 tt', mass);
    expect(si).toBeUndefined();
    expect(issue).toMatchObject({
      key: 'unreadable',
      values: { input: '20 tt', dimension: 'mass', unit: 'kg' },
    });
    expect(checkQuantity('3 m', mass).issue?.key).toBe('unreadable');
  });

  it('reports a value out of range with the value in SI and the valid range', () => {
    expect(checkQuantity('-5 t', mass).issue).toEqual({
      key: 'range',
      values: { value: '-5000', unit: 'kg', range: '> 0' },
    });
    expect(checkQuantity(1.2, probability).issue?.values?.range).toBe('≥ 0, ≤ 1');
    expect(checkQuantity('-300 degC', temperature).issue?.key).toBe('range');
  });

  it('checks whole numbers where asked', () => {
    expect(checkQuantity(12.5, { dimension: 'dimensionless', integer: true }).issue?.key).toBe('integer');
  });

  it('stores a unit string as typed, a plain number as a number, a probability in percent as its number', () => {
    expect(storedValue('20 t', mass)).toBe('20 t');
    expect(storedValue(' 350 ', mass)).toBe(350);
    expect(storedValue('70 %', probability)).toBeCloseTo(0.7, 12);
    expect(storedValue('', mass)).toBeUndefined();
  });

  it('keeps an unreadable entry as its text so nothing typed is lost', () => {
    expect(storedValue('20 tt', mass)).toBe('20 tt');
    expect(storedValue('abc', probability)).toBe('abc');
  });

  it('formats SI values readably', () => {
    expect(formatSi(20_000)).toBe('20000');
    expect(formatSi(240.14999999999998)).toBe('240.15');
    expect(formatSi(1e-5)).toBe('1e-5');
    expect(formatSi(0)).toBe('0');
  });
});
