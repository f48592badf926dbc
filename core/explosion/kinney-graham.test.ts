import { describe, expect, it } from 'vitest';
import { kingeryBulmash } from './kingery-bulmash.ts';
import { kinneyGrahamOverpressureRatio, kinneyGrahamScaledDistance } from './kinney-graham.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('kinneyGrahamOverpressureRatio (Kinney & Graham 1985, free-air TNT)', () => {
  it('tends to 808 at the charge (the original constant, not the misprinted 800; models.md §9)', () => {
    expect(rel(kinneyGrahamOverpressureRatio(1e-9), 808)).toBeLessThan(1e-12);
  });

  it('decays as 808·0.048·0.32·1.35/(4.5²·Z) far away (closed-form limit)', () => {
    const z = 1e6;
    const limit = (808 * 0.048 * 0.32 * 1.35) / (4.5 * 4.5);
    expect(rel(kinneyGrahamOverpressureRatio(z) * z, limit)).toBeLessThan(1e-6);
  });

  it('decreases monotonically', () => {
    let previous = Infinity;
    for (let k = 0; k <= 1000; k++) {
      const p = kinneyGrahamOverpressureRatio(1e-3 * 1e7 ** (k / 1000));
      expect(p).toBeLessThan(previous);
      previous = p;
    }
  });

  it('gives about 2/3 of the Kingery-Bulmash surface burst at Z = 10 (free air vs surface; models.md §6.1)', () => {
    const ratio = (kinneyGrahamOverpressureRatio(10) * 101325) / kingeryBulmash(10).overpressure;
    expect(Math.abs(ratio - 2 / 3)).toBeLessThan(0.05);
  });

  it('inverts the curve', () => {
    for (const z of [0.01, 0.3, 1, 5, 40, 1000]) {
      expect(rel(kinneyGrahamScaledDistance(kinneyGrahamOverpressureRatio(z)), z)).toBeLessThan(1e-9);
    }
    expect(() => kinneyGrahamScaledDistance(900)).toThrow(/ratio/);
    expect(() => kinneyGrahamScaledDistance(-1)).toThrow(RangeError);
  });
});
