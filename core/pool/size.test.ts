import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { poolSize } from './size.ts';

describe('poolSize (minimum layer thickness or bund, YB eqs. 6.64–6.65)', () => {
  it('spreads the benzene spill of YB worked example 6.6.3 to 2 cm [POOL-YB-DIAM, public-cases.md; SRC-BOOKS]', () => {
    const r = poolSize({ spillVolume: si.cubicMetres(28.3), minimumThickness: si.metres(0.02) });
    // Tolerance 0.01 % (public case).
    expect(Math.abs(r.area / 1415 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.equivalentDiameter / 42.445 - 1)).toBeLessThan(1e-4);
    expect(r.confinedByBund).toBe(false);
    expect(r.depth).toBeCloseTo(0.02, 12);
  });

  it('a bund smaller than the free pool limits the area to the bund floor, deeper than δ', () => {
    const r = poolSize({
      spillVolume: si.cubicMetres(28.3),
      minimumThickness: si.metres(0.02),
      bundArea: si.squareMetres(400),
      bundWallHeight: si.metres(1),
    });
    expect(r.area).toBe(400);
    expect(r.confinedByBund).toBe(true);
    expect(r.depth).toBeCloseTo(28.3 / 400, 12);
    expect(r.overflowVolume).toBe(0);
    expect(r.equivalentDiameter).toBeCloseTo(Math.sqrt(1600 / Math.PI), 12);
  });

  it('a small spill in a large bund does not reach the walls', () => {
    const r = poolSize({
      spillVolume: si.cubicMetres(1),
      minimumThickness: si.metres(0.01),
      bundArea: si.squareMetres(500),
    });
    expect(r.area).toBeCloseTo(100, 12);
    expect(r.confinedByBund).toBe(false);
  });

  it('reports the volume that overtops the bund wall', () => {
    const r = poolSize({
      spillVolume: si.cubicMetres(500),
      minimumThickness: si.metres(0.01),
      bundArea: si.squareMetres(400),
      bundWallHeight: si.metres(1),
    });
    expect(r.overflowVolume).toBeCloseTo(100, 12);
    expect(r.depth).toBeCloseTo(1, 12);
  });

  it('rejects a zero thickness naming it', () => {
    expect(() => poolSize({ spillVolume: si.cubicMetres(1), minimumThickness: si.metres(0) })).toThrow(
      /minimumThickness/,
    );
  });
});
