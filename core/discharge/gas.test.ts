import { describe, expect, it } from 'vitest';
import { GAS_CONSTANT, si } from '../units/index.ts';
import { dischargeGas, type GasDischargeInput } from './gas.ts';

const relErr = (actual: number, expected: number) => Math.abs(actual / expected - 1);

/** Nitrogen at 20 °C through a 10 mm sharp hole (the DIS-SUBSONIC gas). */
const nitrogen = (pressure: number, ambientPressure = 101325): GasDischargeInput => ({
  holeDiameter: si.metres(0.01),
  pressure: si.pascals(pressure),
  temperature: si.kelvin(293.15),
  molarMass: si.kilogramsPerMole(0.028013),
  gamma: 1.4,
  dischargeCoefficient: 0.62,
  ambientPressure: si.pascals(ambientPressure),
});

describe('dischargeGas (isentropic hole flow, YB eqs. 2.22–2.26)', () => {
  it('reproduces the CCPS99 p.47 propane vapour jet [DIS-CCPS-GAS, public-cases.md; SRC-GDJL jet_source_tests.jl]', () => {
    // The case gives ρ0 = 8.90 kg/m³ rather than M; M follows from the ideal gas law at the case's P0, T0.
    const molarMass = (8.9 * GAS_CONSTANT * 298) / 501000;
    const r = dischargeGas({
      holeDiameter: si.metres(0.01),
      pressure: si.pascals(501000),
      temperature: si.kelvin(298),
      molarMass: si.kilogramsPerMole(molarMass),
      gamma: 1.15,
      dischargeCoefficient: 0.85,
      ambientPressure: si.pascals(101325),
    });
    // Tolerance 0.1 % (public case).
    expect(r.choked).toBe(true);
    expect(relErr(r.massRate, 0.090028)).toBeLessThan(1e-3);
    expect(relErr(r.throatPressure, 287766)).toBeLessThan(1e-3);
    expect(relErr(r.throatTemperature, 277.209)).toBeLessThan(1e-3);
    // The published "exit velocity" 208.587 m/s includes Cd (= q/(ρ*·A)); the sonic speed is that over Cd.
    expect(relErr(r.exitVelocity, 208.587)).toBeLessThan(1e-3);
    expect(relErr(r.throatVelocity, 208.587 / 0.85)).toBeLessThan(1e-3);
  });

  it('gives the sub-critical nitrogen outflow at 1.5 bar [DIS-SUBSONIC, public-cases.md]', () => {
    const r = dischargeGas(nitrogen(1.5e5));
    expect(r.choked).toBe(false);
    expect(r.psi).toBeLessThan(1);
    expect(relErr(r.massRate, 0.01612)).toBeLessThan(1e-4);
    expect(r.throatPressure).toBe(101325);
  });

  it('choking starts at P0/Pa = ((γ+1)/2)^(γ/(γ−1)) ≈ 1.893 for γ = 1.4, and ψ is continuous there', () => {
    const ratio = 1.2 ** 3.5;
    const r = dischargeGas(nitrogen(101325 * ratio * (1 + 1e-12)));
    expect(r.criticalPressureRatio).toBeCloseTo(1.8929291587, 9);
    expect(r.choked).toBe(true);
    const below = dischargeGas(nitrogen(101325 * ratio * (1 - 1e-9)));
    expect(below.choked).toBe(false);
    expect(below.psi).toBeCloseTo(1, 6);
    expect(relErr(below.massRate, r.massRate)).toBeLessThan(1e-6);
    // The throat state is continuous too: sonic speed at T* = 2·T0/(γ+1), P* = P0/1.893.
    expect(relErr(below.throatTemperature, (293.15 * 2) / 2.4)).toBeLessThan(1e-6);
    expect(relErr(below.throatPressure, r.throatPressure)).toBeLessThan(1e-6);
    expect(relErr(below.throatVelocity, r.throatVelocity)).toBeLessThan(1e-6);
  });

  it('equals Cd·A times the maximum of the isentropic nozzle flux G(p) over throat pressures p ≥ Pa (models.md §1.2)', () => {
    for (const [p0, pa] of [
      [10e5, 101325],
      [1.3e5, 101325],
      [3e5, 2.5e5],
    ] as [number, number][]) {
      const input = nitrogen(p0, pa);
      const g = 1.4;
      const rho0 = (p0 * 0.028013) / (GAS_CONSTANT * 293.15);
      const flux = (p: number) =>
        Math.sqrt(((2 * g) / (g - 1)) * p0 * rho0 * ((p / p0) ** (2 / g) - (p / p0) ** ((g + 1) / g)));
      // Golden-section search for the maximum of G on [Pa, P0]: independent of the ψ formula.
      let lo = pa;
      let hi = p0;
      const phi = (Math.sqrt(5) - 1) / 2;
      for (let i = 0; i < 200; i++) {
        const a = hi - phi * (hi - lo);
        const b = lo + phi * (hi - lo);
        if (flux(a) < flux(b)) lo = a;
        else hi = b;
      }
      const area = (Math.PI * 0.01 ** 2) / 4;
      const r = dischargeGas(input);
      expect(relErr(r.massRate, 0.62 * area * flux((lo + hi) / 2))).toBeLessThan(1e-9);
      expect(relErr(r.throatPressure, (lo + hi) / 2)).toBeLessThan(1e-6);
    }
  });

  it('mass rate = Cd·A·ρ_throat·u_throat in both regimes (continuity at the hole)', () => {
    const area = (Math.PI * 0.01 ** 2) / 4;
    for (const p0 of [1.2e5, 1.8e5, 5e5, 50e5]) {
      const r = dischargeGas(nitrogen(p0));
      expect(relErr(r.massRate, 0.62 * area * r.throatDensity * r.throatVelocity)).toBeLessThan(1e-12);
      expect(relErr(r.exitVelocity, 0.62 * r.throatVelocity)).toBeLessThan(1e-12);
    }
  });

  it('gives zero flow at equal pressures and tends to zero as P0 → Pa', () => {
    const equal = dischargeGas(nitrogen(101325));
    expect(equal.massRate).toBe(0);
    expect(equal.throatVelocity).toBe(0);
    expect(equal.throatTemperature).toBe(293.15);
    expect(dischargeGas(nitrogen(101325 * (1 + 1e-8))).massRate).toBeLessThan(1e-5);
    expect(dischargeGas(nitrogen(90000)).massRate).toBe(0);
  });

  it('rejects impossible physics naming the parameter', () => {
    expect(() => dischargeGas({ ...nitrogen(5e5), gamma: 1 })).toThrow(/gamma/);
    expect(() => dischargeGas({ ...nitrogen(5e5), holeDiameter: si.metres(0) })).toThrow(/holeDiameter/);
    expect(() => dischargeGas({ ...nitrogen(5e5), temperature: si.kelvin(-1) })).toThrow(/temperature/);
  });
});
