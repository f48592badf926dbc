import { describe, expect, it } from 'vitest';
import { erf } from '../math/erf.ts';
import { thresholdExtent } from './numeric.ts';

describe('numeric helpers', () => {
  it('erf matches tabulated values (Abramowitz & Stegun Table 7.1) to 1.2e-7', () => {
    const table: [number, number][] = [
      [0, 0],
      [0.1, 0.112462916],
      [0.5, 0.5204998778],
      [1, 0.8427007929],
      [2, 0.995322265],
    ];
    for (const [x, v] of table) {
      expect(Math.abs(erf(x) - v)).toBeLessThan(1.2e-7);
      expect(erf(-x)).toBeCloseTo(-erf(x), 15);
    }
  });

  it('finds both crossings of a hump: f = x·e^(−x/100) ≥ 20', () => {
    const f = (x: number) => x * Math.exp(-x / 100);
    const { start, end, reachesLimit } = thresholdExtent(f, 20, 1e5);
    expect(f(start)).toBeCloseTo(20, 7);
    expect(f(end)).toBeCloseTo(20, 7);
    expect(start).toBeLessThan(100);
    expect(end).toBeGreaterThan(100);
    expect(reachesLimit).toBe(false);
  });
});
