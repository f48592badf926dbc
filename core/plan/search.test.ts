import { describe, expect, it } from 'vitest';
import { compassDirection, describeChange } from './describe.ts';
import { floorSignificant, largestCompliant, smallestCompliant } from './search.ts';

describe('search helpers', () => {
  it('bisection finds the largest compliant inventory of an analytic risk law, rounded down', () => {
    // risk = 1e-7 per tonne·year, threshold 3e-7·(11.374/3) → the limit is 11 374 kg.
    const limit = 11_374;
    const complies = (m: number) => (m <= limit ? m : null);
    const found = largestCompliant(300, 30_000, complies, { steps: 8, nice: (v) => floorSignificant(v, 2) });
    expect(found!.value).toBe(11_000);
    const unrounded = largestCompliant(300, 30_000, complies, { steps: 12 });
    expect(unrounded!.value).toBeLessThanOrEqual(limit);
    expect(limit - unrounded!.value).toBeLessThan((30_000 - 300) / 2 ** 12);
  });

  it('bisection reports no solution when even the lower bound fails, and the upper when it complies', () => {
    expect(largestCompliant(1, 10, () => null)).toBeNull();
    expect(largestCompliant(1, 10, (v) => v)!.value).toBe(10);
  });

  it('smallest compliant distance brackets by doubling and bisects to the tolerance', () => {
    const d = smallestCompliant((x) => x > 123.4, { first: 25, max: 1000, tolerance: 0.5 });
    expect(d).toBeGreaterThan(123.4);
    expect(d! - 123.4).toBeLessThanOrEqual(0.5);
    expect(smallestCompliant((x) => x > 5000, { first: 25, max: 1000, tolerance: 1 })).toBeNull();
  });

  it('floors to significant figures', () => {
    expect(floorSignificant(11_374, 2)).toBe(11_000);
    expect(floorSignificant(0.0567, 2)).toBeCloseTo(0.056, 12);
  });
});

describe('describing changes', () => {
  it('states changes in the user terms, in both languages', () => {
    const inv = { kind: 'inventory', from: 30_000, to: 11_000 } as const;
    expect(describeChange(inv as never, 'en')).toBe('inventory 30 t → 11 t');
    expect(describeChange(inv as never, 'zh-CN')).toBe('设计最大量 30 t → 11 t');
    const move = { kind: 'move', dx: 99, dy: 99, to: [99, 99] } as const;
    expect(describeChange(move as never, 'en')).toBe('move 140 m north-east (inside the fence)');
    expect(describeChange(move as never, 'zh-CN')).toBe('向东北移动 140 m（厂区内）');
  });

  it('turns the site frame by the site rotation', () => {
    expect(compassDirection(0, 1, 0, 'en')).toBe('north');
    expect(compassDirection(0, 1, 90, 'en')).toBe('east');
    expect(compassDirection(-1, 0, 0, 'zh-CN')).toBe('西');
  });
});
