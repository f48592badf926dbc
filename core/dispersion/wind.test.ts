import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { STABILITY_CLASSES } from './stability.ts';
import { moninObukhovLength, windSpeedLogProfile, windSpeedPowerLaw } from './wind.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('power-law wind profile, Irwin exponents (spec/models.md §3.5)', () => {
  // [DSP-WIND-POWER, validation/public-cases.md; source GasDispersion.jl test/utils/ccps_tests.jl]
  // 3.0 m/s at 1 m scaled to 10 m; tolerance 1e-5 relative.
  const expected = {
    rural: { A: 3.52469, B: 3.52469, C: 3.77678, D: 4.23761, E: 6.71616, F: 10.6444 },
    urban: { A: 4.23761, B: 4.23761, C: 4.75468, D: 5.33484, E: 7.53566, F: 11.94322 },
  } as const;
  for (const terrain of ['rural', 'urban'] as const) {
    for (const s of STABILITY_CLASSES) {
      it(`${terrain} ${s}: u10 = ${expected[terrain][s]} m/s [DSP-WIND-POWER]`, () => {
        const u = windSpeedPowerLaw(si.metresPerSecond(3), si.metres(1), si.metres(10), s, terrain);
        expect(rel(u, expected[terrain][s])).toBeLessThan(1e-5);
      });
    }
  }

  it('returns the reference speed at the reference height', () => {
    expect(windSpeedPowerLaw(si.metresPerSecond(5), si.metres(10), si.metres(10), 'F', 'urban')).toBe(5);
  });

  it('rejects a zero height', () => {
    expect(() => windSpeedPowerLaw(si.metresPerSecond(5), si.metres(10), si.metres(0), 'D', 'rural')).toThrow(
      /height/,
    );
  });
});

describe('YB log-linear wind profile with Monin-Obukhov length (spec/models.md §3.5)', () => {
  // [DSP-YB-WIND, validation/public-cases.md; source GasDispersion.jl test/utils/tno_tests.jl]
  // 2.0 m/s at 10 m, z0 = 0.1 m, to 15 m; tolerance 1e-5 relative.
  const expected = { A: 2.105802, B: 2.113444, C: 2.129812, D: 2.176091, E: 2.340149, F: 2.542796 } as const;
  for (const s of STABILITY_CLASSES) {
    it(`class ${s}: u15 = ${expected[s]} m/s [DSP-YB-WIND]`, () => {
      const u = windSpeedLogProfile(si.metresPerSecond(2), si.metres(10), si.metres(15), si.metres(0.1), s);
      expect(rel(u, expected[s])).toBeLessThan(1e-5);
    });
  }

  it('is the neutral log law for class D: u(z)/u(zr) = ln(z/z0)/ln(zr/z0)', () => {
    const u = windSpeedLogProfile(si.metresPerSecond(4), si.metres(10), si.metres(50), si.metres(0.03), 'D');
    expect(u).toBeCloseTo((4 * Math.log(50 / 0.03)) / Math.log(10 / 0.03), 12);
  });

  it('gives L < 0 for A–C, infinite for D, > 0 for E–F, and caps z0 at 0.5 m', () => {
    const z0 = si.metres(0.1);
    expect(moninObukhovLength('A', z0)).toBeLessThan(0);
    expect(moninObukhovLength('C', z0)).toBeLessThan(0);
    expect(moninObukhovLength('D', z0)).toBe(Infinity);
    expect(moninObukhovLength('E', z0)).toBeGreaterThan(0);
    expect(moninObukhovLength('F', z0)).toBeCloseTo(-31.325 / Math.log10(0.1 / 19.36), 12);
    expect(moninObukhovLength('F', si.metres(2))).toBe(moninObukhovLength('F', si.metres(0.5)));
  });
});
