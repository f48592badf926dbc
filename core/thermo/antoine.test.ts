import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import {
  antoineInRange,
  antoineSaturationTemperature,
  antoineVapourPressure,
  type AntoineConstants,
} from './antoine.ts';

/**
 * Rows of data/substances.csv: Antoine constants (Poling 5th ed. App. A, log10(P/Pa) form) and the normal
 * boiling point from independent sources (reference EOS / CRC, see substances-sources.md).
 */
const rows: { id: string; antoine: AntoineConstants; normalBoilingPoint: number }[] = [
  {
    id: 'chlorine',
    antoine: { A: 9.0628, B: 861.34, C: -26.82, Tmin: si.kelvin(176.31), Tmax: si.kelvin(255.79) },
    normalBoilingPoint: 239.2,
  },
  {
    id: 'ammonia',
    antoine: { A: 9.4854, B: 926.132, C: -32.98, Tmin: si.kelvin(193.03), Tmax: si.kelvin(254.31) },
    normalBoilingPoint: 239.83,
  },
  {
    id: 'propane',
    antoine: { A: 8.92828, B: 803.997, C: -26.11, Tmin: si.kelvin(168.9), Tmax: si.kelvin(247.76) },
    normalBoilingPoint: 231.04,
  },
  {
    id: 'n-butane',
    antoine: { A: 8.93266, B: 935.773, C: -34.361, Tmin: si.kelvin(200.5), Tmax: si.kelvin(292.03) },
    normalBoilingPoint: 272.66,
  },
  {
    id: 'benzene',
    antoine: { A: 8.98523, B: 1184.24, C: -55.578, Tmin: si.kelvin(279.64), Tmax: si.kelvin(377.06) },
    normalBoilingPoint: 353.22,
  },
];

describe('antoineVapourPressure (log10(P/Pa) = A − B/(T/K + C))', () => {
  it.each(rows)('gives one atmosphere at the normal boiling point of $id (independent data, 1 %)', (row) => {
    const p = antoineVapourPressure(row.antoine, si.kelvin(row.normalBoilingPoint));
    expect(Math.abs(p / 101325 - 1)).toBeLessThan(0.01);
    expect(antoineInRange(row.antoine, si.kelvin(row.normalBoilingPoint))).toBe(true);
  });

  it('is the closed form 10^(A − B/(T + C)) and rises with temperature', () => {
    const chlorine = rows[0]!.antoine;
    expect(antoineVapourPressure(chlorine, si.kelvin(250))).toBeCloseTo(
      10 ** (9.0628 - 861.34 / (250 - 26.82)),
      6,
    );
    expect(antoineVapourPressure(chlorine, si.kelvin(251))).toBeGreaterThan(
      antoineVapourPressure(chlorine, si.kelvin(250)),
    );
  });

  it('saturation temperature inverts the vapour pressure', () => {
    for (const row of rows) {
      const t = si.kelvin(row.normalBoilingPoint + 5);
      expect(antoineSaturationTemperature(row.antoine, antoineVapourPressure(row.antoine, t))).toBeCloseTo(
        t,
        9,
      );
    }
  });

  it('flags extrapolation outside the fitted range and rejects the pole', () => {
    const chlorine = rows[0]!.antoine;
    expect(antoineInRange(chlorine, si.kelvin(293.15))).toBe(false);
    expect(antoineInRange({ A: 9, B: 1000, C: -40 }, si.kelvin(293.15))).toBe(true);
    expect(() => antoineVapourPressure(chlorine, si.kelvin(26))).toThrow(/pole/);
    expect(() => antoineSaturationTemperature(chlorine, si.pascals(10 ** 9.1))).toThrow(/Antoine fit/);
  });
});
