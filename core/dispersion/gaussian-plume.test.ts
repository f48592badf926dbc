import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { volumeFractionFromConcentration, concentrationFromVolumeFraction } from './concentration.ts';
import {
  gaussianPlumeCentrelineExtent,
  gaussianPlumeConcentration,
  gaussianPlumeConcentrationWithSigmas,
  gaussianPlumeGrid,
  gaussianPlumePoints,
  type GaussianPlumeSource,
} from './gaussian-plume.ts';
import { briggsCoefficients, powerLawCoefficients } from './sigmas.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('Gaussian plume with ground reflection (spec/models.md §3.1)', () => {
  const ccps: GaussianPlumeSource = {
    releaseRate: si.kilogramsPerSecond(0.1),
    windSpeed: si.metresPerSecond(2),
    coefficients: briggsCoefficients('F', 'rural'),
  };

  it('CCPS99 p.97 inputs, ground source and receptor [DSP-CCPS-PLUME, validation/public-cases.md]', () => {
    // Expected C = 1.1722e-4 kg/m³ and 95.5 ppm (M = 30 g/mol, 298 K, 101325 Pa); tolerance 0.1 %.
    const c = gaussianPlumeConcentration(ccps, si.metres(500), si.metres(0), si.metres(0));
    expect(rel(c, 1.1722e-4)).toBeLessThan(1e-3);
    const ppm =
      1e6 * volumeFractionFromConcentration(c, si.kilogramsPerMole(0.03), si.kelvin(298), si.pascals(101325));
    expect(rel(ppm, 95.5)).toBeLessThan(1e-3);
  });

  it('reduces to Q/(π·u·σy·σz) for a ground source seen on the centreline at ground level', () => {
    const c = gaussianPlumeConcentrationWithSigmas({
      releaseRate: si.kilogramsPerSecond(2),
      windSpeed: si.metresPerSecond(3),
      sigmaY: si.metres(12),
      sigmaZ: si.metres(7),
    });
    expect(c).toBeCloseTo(2 / (Math.PI * 3 * 12 * 7), 15);
  });

  it('reflection doubles the ground-level concentration of a ground source against the unbounded plume', () => {
    const x = si.metres(300);
    const y = si.metres(15);
    const z = si.metres(0);
    const reflected = gaussianPlumeConcentration(ccps, x, y, z);
    const unbounded = gaussianPlumeConcentration({ ...ccps, groundReflection: false }, x, y, z);
    expect(reflected / unbounded).toBeCloseTo(2, 12);
  });

  it('conserves mass: u·∫∫C dy dz over z ≥ 0 equals Q, for a ground and an elevated source', () => {
    for (const h of [0, 20]) {
      const source: GaussianPlumeSource = {
        ...ccps,
        releaseHeight: si.metres(h),
        coefficients: briggsCoefficients('C', 'urban'),
      };
      const x = si.metres(400);
      const sy = source.coefficients.sigmaY(x);
      const sz = source.coefficients.sigmaZ(x);
      // Trapezoid rule on a grid much finer than σ (spectrally accurate for Gaussians).
      const ny = 401;
      const nz = 401;
      const yMax = 10 * sy;
      const zMax = h + 10 * sz;
      const dy = (2 * yMax) / (ny - 1);
      const dz = zMax / (nz - 1);
      const xs = new Float64Array([x]);
      const ys = Float64Array.from({ length: ny }, (_, j) => -yMax + j * dy);
      const row = new Float64Array(ny);
      let integral = 0;
      for (let k = 0; k < nz; k++) {
        gaussianPlumeGrid(source, xs, ys, si.metres(k * dz), row);
        let line = 0;
        for (let j = 0; j < ny; j++) line += (j === 0 || j === ny - 1 ? 0.5 : 1) * row[j]!;
        integral += (k === 0 || k === nz - 1 ? 0.5 : 1) * line * dy * dz;
      }
      expect(rel(source.windSpeed * integral, source.releaseRate)).toBeLessThan(1e-6);
    }
  });

  it('is symmetric across the wind and zero upwind', () => {
    const a = gaussianPlumeConcentration(ccps, si.metres(200), si.metres(10), si.metres(1));
    const b = gaussianPlumeConcentration(ccps, si.metres(200), si.metres(-10), si.metres(1));
    expect(a).toBe(b);
    expect(gaussianPlumeConcentration(ccps, si.metres(-50), si.metres(0), si.metres(0))).toBe(0);
  });

  it('fills grids and point lists with the same values as the single-point function', () => {
    const source: GaussianPlumeSource = { ...ccps, releaseHeight: si.metres(5) };
    const xs = new Float64Array([-10, 0, 50, 500, 2000]);
    const ys = new Float64Array([-40, 0, 3, 40]);
    const z = si.metres(1.5);
    const grid = new Float64Array(xs.length * ys.length);
    gaussianPlumeGrid(source, xs, ys, z, grid);
    const px = new Float64Array(grid.length);
    const py = new Float64Array(grid.length);
    for (let i = 0; i < xs.length; i++) {
      for (let j = 0; j < ys.length; j++) {
        const expected = gaussianPlumeConcentration(source, si.metres(xs[i]!), si.metres(ys[j]!), z);
        expect(grid[i * ys.length + j]).toBeCloseTo(expected, 15);
        px[i * ys.length + j] = xs[i]!;
        py[i * ys.length + j] = ys[j]!;
      }
    }
    const points = new Float64Array(grid.length);
    gaussianPlumePoints(source, px, py, z, points);
    points.forEach((v, i) => expect(v).toBeCloseTo(grid[i]!, 15));
    expect(() => gaussianPlumeGrid(source, xs, ys, z, new Float64Array(3))).toThrow(/out/);
  });
});

describe('distance along the centreline to a concentration', () => {
  it('inverts the closed form for power-law σ: x = (Q/(π·u·a·c·C))^(1/(b+d)) for a ground source', () => {
    const s = { a: 0.128, b: 0.905, c: 0.2, d: 0.76 };
    const source: GaussianPlumeSource = {
      releaseRate: si.kilogramsPerSecond(5),
      windSpeed: si.metresPerSecond(3),
      coefficients: powerLawCoefficients(s),
    };
    const target = si.kilogramsPerCubicMetre(1e-3);
    const expected = (5 / (Math.PI * 3 * s.a * s.c * target)) ** (1 / (s.b + s.d));
    const extent = gaussianPlumeCentrelineExtent(source, target);
    expect(extent.start).toBe(0);
    expect(rel(extent.end, expected)).toBeLessThan(1e-8);
    expect(extent.reachesLimit).toBe(false);
  });

  it('finds both crossings of an elevated plume at the ground, bracketing the ground maximum', () => {
    const source: GaussianPlumeSource = {
      releaseRate: si.kilogramsPerSecond(1),
      windSpeed: si.metresPerSecond(5),
      releaseHeight: si.metres(30),
      coefficients: briggsCoefficients('D', 'rural'),
    };
    const target = si.kilogramsPerCubicMetre(2e-5);
    const { start, end } = gaussianPlumeCentrelineExtent(source, target);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const at = (x: number) => gaussianPlumeConcentration(source, si.metres(x), si.metres(0), si.metres(0));
    expect(rel(at(start), target)).toBeLessThan(1e-6);
    expect(rel(at(end), target)).toBeLessThan(1e-6);
    expect(at(0.5 * (start + end))).toBeGreaterThan(target);
  });

  it('reports an unreachable threshold as an empty range, and one beyond the search limit', () => {
    const source: GaussianPlumeSource = {
      releaseRate: si.kilogramsPerSecond(1),
      windSpeed: si.metresPerSecond(5),
      releaseHeight: si.metres(100),
      coefficients: briggsCoefficients('D', 'rural'),
    };
    expect(gaussianPlumeCentrelineExtent(source, si.kilogramsPerCubicMetre(1))).toEqual({
      start: 0,
      end: 0,
      reachesLimit: false,
    });
    const far = gaussianPlumeCentrelineExtent(
      { ...source, releaseHeight: si.metres(0) },
      si.kilogramsPerCubicMetre(1e-12),
      si.metres(0),
      si.metres(5000),
    );
    expect(far).toEqual({ start: 0, end: 5000, reachesLimit: true });
  });
});

describe('mass concentration and volume fraction', () => {
  it('round-trips and gives 24.45 L/mol at 25 °C and 1 atm', () => {
    const phi = volumeFractionFromConcentration(
      si.kilogramsPerCubicMetre(1e-3),
      si.kilogramsPerMole(0.024453),
      si.kelvin(298.15),
      si.pascals(101325),
    );
    // 1000 mg/m³ of a gas with M = 24.453 g/mol is about 1000 ppm at 25 °C (CCOHS convention).
    expect(phi * 1e6).toBeCloseTo(1000.5, 0);
    const back = concentrationFromVolumeFraction(
      phi,
      si.kilogramsPerMole(0.024453),
      si.kelvin(298.15),
      si.pascals(101325),
    );
    expect(back).toBeCloseTo(1e-3, 15);
  });
});
