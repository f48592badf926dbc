import { describe, expect, it } from 'vitest';
import { marginalRose, resizeRose } from './wind-rose.ts';

describe('wind roses of the weather form', () => {
  it('keeps the first sectors and adds empty ones when the sector count changes', () => {
    expect(resizeRose([0.5, 0.25, 0.25], 4)).toEqual([0.5, 0.25, 0.25, 0]);
    expect(resizeRose([0.5, 0.25, 0.25, 0], 2)).toEqual([0.5, 0.25]);
  });

  it('merges per-class roses by the classes’ shares of time (total probability)', () => {
    // D 75 % of the time, all from the north; F 25 %, all from the south: 0.75 north, 0.25 south.
    const rose = marginalRose({ D5: [1, 0, 0, 0], F2: [0, 0, 1, 0] }, [
      { id: 'D5', probability: 0.75 },
      { id: 'F2', probability: 0.25 },
    ]);
    expect(rose).toEqual([0.75, 0, 0.25, 0]);
  });

  it('gives the common rose back when every class has the same one', () => {
    const same = [0.1, 0.2, 0.3, 0.4];
    const rose = marginalRose({ A: same, B: same }, [
      { id: 'A', probability: 0.3 },
      { id: 'B', probability: 0.7 },
    ]);
    rose?.forEach((p, k) => expect(p).toBeCloseTo(same[k] as number, 12));
  });

  it('refuses a class without a rose, roses of different lengths, or shares summing to 0', () => {
    expect(marginalRose({ A: [1, 0] }, [{ id: 'B', probability: 1 }])).toBeNull();
    expect(
      marginalRose({ A: [1, 0], B: [1, 0, 0] }, [
        { id: 'A', probability: 0.5 },
        { id: 'B', probability: 0.5 },
      ]),
    ).toBeNull();
    expect(marginalRose({ A: [1, 0] }, [{ id: 'A', probability: 0 }])).toBeNull();
  });
});
