import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import {
  gaussianPuffCentrelineExtent,
  gaussianPuffConcentration,
  gaussianPuffGrid,
  gaussianPuffPassingConcentration,
  type GaussianPuffSource,
} from './gaussian-puff.ts';
import { ccpsPuffCoefficients } from './sigmas.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('Gaussian puff with ground reflection (spec/models.md §3.2)', () => {
  const ccps: GaussianPuffSource = {
    mass: si.kilograms(1),
    windSpeed: si.metresPerSecond(2),
    coefficients: ccpsPuffCoefficients('F'),
  };

  it('CCPS99 p.101: 1 kg, F, 2 m/s, centre of the puff at 500 m after 250 s [DSP-CCPS-PUFF]', () => {
    // validation/public-cases.md, source GasDispersion.jl gaussian_puff_tests.jl: C = 2.25005e-3 kg/m³, 1e-4 rel.
    const c = gaussianPuffConcentration(ccps, si.metres(500), si.metres(0), si.metres(0), si.seconds(250));
    expect(rel(c, 2.25005e-3)).toBeLessThan(1e-4);
  });

  it('reflection doubles the ground concentration of a ground release', () => {
    const args = [si.metres(480), si.metres(3), si.metres(0), si.seconds(250)] as const;
    const reflected = gaussianPuffConcentration(ccps, ...args);
    const unbounded = gaussianPuffConcentration({ ...ccps, groundReflection: false }, ...args);
    expect(reflected / unbounded).toBeCloseTo(2, 12);
  });

  it('holds the released mass: ∫∫∫ C dx dy dz over z ≥ 0 equals M (ground and elevated release)', () => {
    for (const h of [0, 4]) {
      const source: GaussianPuffSource = {
        ...ccps,
        mass: si.kilograms(7),
        releaseHeight: si.metres(h),
        coefficients: ccpsPuffCoefficients('D'),
      };
      const t = si.seconds(100);
      const xc = 200;
      const c = source.coefficients;
      const [sx, sy, sz] = [c.sigmaX(xc), c.sigmaY(xc), c.sigmaZ(xc)];
      const n = 121;
      const dx = (20 * sx) / (n - 1);
      const dy = (20 * sy) / (n - 1);
      const dz = (h + 10 * sz) / (n - 1);
      const xs = Float64Array.from({ length: n }, (_, i) => xc - 10 * sx + i * dx);
      const ys = Float64Array.from({ length: n }, (_, j) => -10 * sy + j * dy);
      const plane = new Float64Array(n * n);
      let total = 0;
      for (let k = 0; k < n; k++) {
        gaussianPuffGrid(source, t, xs, ys, si.metres(k * dz), plane);
        let s = 0;
        for (const v of plane) s += v;
        total += (k === 0 || k === n - 1 ? 0.5 : 1) * s;
      }
      expect(rel(total * dx * dy * dz, 7)).toBeLessThan(1e-6);
    }
  });

  it('grid snapshots equal the point function', () => {
    const source: GaussianPuffSource = { ...ccps, releaseHeight: si.metres(2) };
    const xs = new Float64Array([480, 495, 500, 510]);
    const ys = new Float64Array([-6, 0, 2]);
    const out = new Float64Array(12);
    gaussianPuffGrid(source, si.seconds(250), xs, ys, si.metres(1), out);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const c = gaussianPuffConcentration(
          source,
          si.metres(xs[i]!),
          si.metres(ys[j]!),
          si.metres(1),
          si.seconds(250),
        );
        expect(out[i * 3 + j]).toBeCloseTo(c, 15);
      }
    }
  });

  it('passing concentration is the value at t = x/u; nothing before the release', () => {
    const x = si.metres(700);
    expect(gaussianPuffPassingConcentration(ccps, x, si.metres(0), si.metres(0))).toBe(
      gaussianPuffConcentration(ccps, x, si.metres(0), si.metres(0), si.seconds(350)),
    );
    expect(gaussianPuffConcentration(ccps, x, si.metres(0), si.metres(0), si.seconds(0))).toBe(0);
  });

  it('centreline extent inverts the closed form M/(√2·π^1.5·a²·c·x^(2b+d)) for a ground release', () => {
    const target = si.kilogramsPerCubicMetre(1e-4);
    // CCPS class F: σx = σy = 0.02·x^0.89, σz = 0.05·x^0.61.
    const expected =
      (1 / (Math.SQRT2 * Math.PI ** 1.5 * 0.02 * 0.02 * 0.05 * target)) ** (1 / (2 * 0.89 + 0.61));
    const { start, end } = gaussianPuffCentrelineExtent(ccps, target);
    expect(start).toBe(0);
    expect(rel(end, expected)).toBeLessThan(1e-8);
  });
});
