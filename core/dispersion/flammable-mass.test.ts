import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { gaussianPlumeMassAbove, powerLawPlumeMassAbove } from './flammable-mass.ts';
import { gaussianPlumeConcentration, type GaussianPlumeSource } from './gaussian-plume.ts';
import { briggsCoefficients, powerLawCoefficients } from './sigmas.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

// [DSP-FLAMMASS, validation/public-cases.md; source: GasDispersion.jl author's notes "gaussian_explosive_mass"]
// Q = 1 kg/s, u = 1 m/s, σy = 0.128·x^0.905, σz = 0.20·x^0.76, free plume (no ground); χ1 and χ2 are the
// centreline values at 10 m and 100 m. Expected masses 6.248 kg (inside χ1), 62.477 kg (inside χ2),
// 56.23 kg between; tolerance 0.1 %.
const sigmas = { a: 0.128, b: 0.905, c: 0.2, d: 0.76 };
const chi1 = si.kilogramsPerCubicMetre(0.134456);
const chi2 = si.kilogramsPerCubicMetre(0.0029079);
const base = { releaseRate: si.kilogramsPerSecond(1), windSpeed: si.metresPerSecond(1), sigmas };

describe('flammable mass in a Gaussian plume (spec/models.md §3.6)', () => {
  it('the case levels are the free-plume centreline values at 10 m and 100 m [DSP-FLAMMASS]', () => {
    const free: GaussianPlumeSource = {
      ...base,
      coefficients: powerLawCoefficients(sigmas),
      groundReflection: false,
    };
    const at = (x: number) => gaussianPlumeConcentration(free, si.metres(x), si.metres(0), si.metres(0));
    expect(rel(at(10), 0.134456)).toBeLessThan(1e-5);
    expect(rel(at(100), 0.0029079)).toBeLessThan(1e-5);
  });

  it('closed form m = (Q/u)·x_l·p/(p+1) gives the published masses [DSP-FLAMMASS]', () => {
    const inner = powerLawPlumeMassAbove({ ...base, concentration: chi1 });
    const outer = powerLawPlumeMassAbove({ ...base, concentration: chi2 });
    expect(rel(inner.mass, 6.248)).toBeLessThan(1e-3);
    expect(rel(outer.mass, 62.477)).toBeLessThan(1e-3);
    expect(rel(outer.mass - inner.mass, 56.23)).toBeLessThan(1e-3);
    expect(rel(inner.extent, 10)).toBeLessThan(1e-5);
    expect(rel(outer.extent, 100)).toBeLessThan(1e-5);
  });

  it('the general integration reproduces the published masses for the same free plume [DSP-FLAMMASS]', () => {
    const free: GaussianPlumeSource = {
      ...base,
      coefficients: powerLawCoefficients(sigmas),
      groundReflection: false,
    };
    expect(rel(gaussianPlumeMassAbove(free, chi1).mass, 6.248)).toBeLessThan(1e-3);
    expect(rel(gaussianPlumeMassAbove(free, chi2).mass, 62.477)).toBeLessThan(1e-3);
  });

  it('a ground-level source with reflection doubles the concentration: same form with x_l of the reflected plume', () => {
    const ground: GaussianPlumeSource = { ...base, coefficients: powerLawCoefficients(sigmas) };
    const closed = powerLawPlumeMassAbove({ ...base, concentration: chi2, groundReflection: true });
    // Twice the concentration everywhere moves x_l out by 2^(1/p).
    expect(rel(closed.extent, 100 * 2 ** (1 / (sigmas.b + sigmas.d)))).toBeLessThan(1e-5);
    expect(rel(gaussianPlumeMassAbove(ground, chi2).mass, closed.mass)).toBeLessThan(1e-4);
  });

  it('an elevated plume far above the ground holds the mass of the free plume (erf cross-section integration)', () => {
    const high: GaussianPlumeSource = {
      ...base,
      releaseHeight: si.metres(200),
      coefficients: powerLawCoefficients(sigmas),
    };
    // σz(100 m) ≈ 6.6 m ≪ 200 m: the ground image contributes nothing.
    expect(rel(gaussianPlumeMassAbove(high, chi2).mass, 62.477)).toBeLessThan(1e-3);
  });

  it('an elevated reflected plume lies between the free plume and the ground-level reflected plume', () => {
    const coefficients = briggsCoefficients('D', 'rural');
    const q = si.kilogramsPerSecond(10);
    const u = si.metresPerSecond(3);
    const level = si.kilogramsPerCubicMetre(2e-3);
    const free = gaussianPlumeMassAbove(
      { releaseRate: q, windSpeed: u, coefficients, groundReflection: false },
      level,
    );
    const ground = gaussianPlumeMassAbove({ releaseRate: q, windSpeed: u, coefficients }, level);
    const elevated = gaussianPlumeMassAbove(
      { releaseRate: q, windSpeed: u, coefficients, releaseHeight: si.metres(3) },
      level,
    );
    expect(elevated.mass).toBeGreaterThan(free.mass);
    expect(elevated.mass).toBeLessThan(ground.mass);
  });

  it('gives no mass when the level is above every concentration, and rejects a level of zero', () => {
    const source: GaussianPlumeSource = {
      ...base,
      releaseHeight: si.metres(50),
      coefficients: briggsCoefficients('D', 'rural'),
    };
    expect(gaussianPlumeMassAbove(source, si.kilogramsPerCubicMetre(1e9)).mass).toBe(0);
    expect(() => powerLawPlumeMassAbove({ ...base, concentration: si.kilogramsPerCubicMetre(0) })).toThrow(
      /concentration/,
    );
  });
});
