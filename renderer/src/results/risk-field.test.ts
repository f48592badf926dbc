import { describe, expect, it } from 'vitest';
import { bilinearAt, formatRisk, riskColour, sharesAt } from './risk-field.ts';

const grid = { x0: 0, y0: 0, cellSize: 10, nx: 3, ny: 2 };
// A plane v = 1e-6·(1 + x/10 + 2·y/10) at the cell centres: bilinear interpolation reproduces it exactly.
const plane = (x: number, y: number) => 1e-6 * (1 + x / 10 + (2 * y) / 10);
const values = Float64Array.from({ length: 6 }, (_, k) => plane((k % 3) * 10, Math.floor(k / 3) * 10));

describe('bilinearAt', () => {
  it('reproduces a plane exactly, at nodes and between them', () => {
    for (const [x, y] of [
      [0, 0],
      [20, 10],
      [5, 5],
      [13.3, 7.1],
    ] as const)
      expect(bilinearAt(values, grid, x, y)).toBeCloseTo(plane(x, y), 20);
  });

  it('is 0 outside the grid: nothing is extrapolated', () => {
    expect(bilinearAt(values, grid, -0.1, 5)).toBe(0);
    expect(bilinearAt(values, grid, 5, 10.1)).toBe(0);
  });
});

describe('sharesAt', () => {
  it('splits the risk by installation, largest first, shares adding to 1', () => {
    const a = new Float64Array(6).fill(3e-6);
    const b = new Float64Array(6).fill(1e-6);
    const shares = sharesAt(
      [
        { installationId: 'B', layer: b },
        { installationId: 'A', layer: a },
      ],
      grid,
      5,
      5,
    );
    expect(shares.map((s) => s.installation)).toEqual(['A', 'B']);
    expect(shares[0]?.share).toBeCloseTo(0.75, 15);
    expect(shares[1]?.risk).toBeCloseTo(1e-6, 20);
  });
});

describe('formatting', () => {
  it('writes risks with superscript exponents', () => {
    expect(formatRisk(2e-6)).toBe('2.0×10⁻⁶');
    expect(formatRisk(3e-7, 1)).toBe('3×10⁻⁷');
    expect(formatRisk(0)).toBe('0');
  });

  it('colours the GB criteria with distinct hues, red for high risk', () => {
    const colours = [3e-5, 1e-5, 3e-6, 1e-6, 3e-7].map(riskColour);
    expect(new Set(colours).size).toBe(5);
    expect(riskColour(1e-3)).toBe('#a50026');
    expect(riskColour(1e-8)).toBe('#3264be');
  });
});
