import { describe, expect, it } from 'vitest';
import { si, type KilogramsPerSquareMetreSecond, type SquareMetresPerSecond } from '../units/index.ts';
import {
  burningRateBabrauskas,
  burningRateBurgess,
  flameLengthThomasStill,
  flameLengthThomasWind,
  flameTiltPool,
  poolFire,
  poolFireFluxProfile,
  poolFireHeatFluxDownwind,
  surfaceEmissivePowerMudanCroce,
  surfaceEmissivePowerPool,
} from './pool.ts';

const DEG = Math.PI / 180;
const rate = (v: number) => v as KilogramsPerSquareMetreSecond;

describe('Babrauskas burning rate (YB eq. 6.66)', () => {
  it('gives the YB Table 6.5 rates at 0.5, 2 and 20 m [FIRE-BURN-BABRAUSKAS, SRC-BOOKS]', () => {
    // Tolerance 1e-4 relative (validation/public-cases.md).
    const cases = [
      { mInf: 0.055, k: 2.1, expected: [0.03575, 0.05418, 0.055] }, // gasoline
      { mInf: 0.078, k: 1.1, expected: [0.033, 0.06936, 0.078] }, // LNG
      { mInf: 0.085, k: 2.7, expected: [0.06296, 0.08462, 0.085] }, // benzene
    ];
    for (const c of cases) {
      [0.5, 2, 20].forEach((d, i) => {
        const m = burningRateBabrauskas(rate(c.mInf), c.k, si.metres(d));
        expect(Math.abs(m / c.expected[i]! - 1)).toBeLessThanOrEqual(1e-4);
      });
    }
  });

  it('is constant for a fuel without diameter term (methanol 0.015, kβ = ∞) [FIRE-BURN-BABRAUSKAS]', () => {
    for (const d of [0.5, 2, 20])
      expect(burningRateBabrauskas(rate(0.015), Infinity, si.metres(d))).toBe(0.015);
  });

  it('rejects a non-positive diameter', () => {
    expect(() => burningRateBabrauskas(rate(0.055), 2.1, si.metres(0))).toThrow(/poolDiameter/);
  });
});

describe('Burgess burning rate (YB eq. 6.67)', () => {
  it('uses ΔHv alone for a liquefied gas and adds the sensible heat for a liquid boiling above ambient', () => {
    const lng = burningRateBurgess(
      si.joulesPerKilogram(50e6),
      si.joulesPerKilogram(510e3),
      si.joulesPerKilogramKelvin(3500),
      si.kelvin(111),
      si.kelvin(288),
    );
    expect(lng).toBeCloseTo((0.001 * 50e6) / 510e3, 12);
    const benzene = burningRateBurgess(
      si.joulesPerKilogram(40.1e6),
      si.joulesPerKilogram(394e3),
      si.joulesPerKilogramKelvin(1750),
      si.kelvin(353.2),
      si.kelvin(288.15),
    );
    expect(benzene).toBeCloseTo((0.001 * 40.1e6) / (394e3 + 1750 * (353.2 - 288.15)), 12);
  });
});

describe('pool-fire flame (YB 2005 worked example 6.6.3, benzene, D = 42.445 m, u_w = 5 m/s)', () => {
  it('tilt: reproduces the printed 50.8286° with the printed air viscosity 7.5133e-6 m²/s [SRC-BOOKS]', () => {
    // models.md §9: YB prints ν = 7.5133e-6 (half the physical value) and Fr = 0.0545, but its tilt needs
    // Fr = u²/(g·D) = 0.0600. This checks our eq. 6.16 solution against YB's own number.
    const tilt = flameTiltPool(si.metresPerSecond(5), si.metres(42.445), 7.5133e-6 as SquareMetresPerSecond);
    expect(tilt / DEG).toBeCloseTo(50.8286, 3);
  });

  it('length: L/R within 0.1 % of the printed a = 2.20396 with ρ_air = 1.225 kg/m³ [FIRE-VF-YBPOOL inputs]', () => {
    // The case gives a = L/R as printed in YB 6.6.3; ρ_air is not in the case (1.225 assumed), hence 0.1 %.
    const d = si.metres(42.445);
    const m = burningRateBabrauskas(rate(0.085), 2.7, d);
    const l = flameLengthThomasWind(m, d, si.kilogramsPerCubicMetre(1.225), si.metresPerSecond(5));
    expect(Math.abs(l / (d / 2) / 2.20396 - 1)).toBeLessThan(1e-3);
  });

  it('wind shortens the flame (u*^−0.21) only once u_w exceeds u_c', () => {
    const d = si.metres(10);
    const rho = si.kilogramsPerCubicMetre(1.225);
    const m = rate(0.06);
    const uc = Math.cbrt((9.80665 * 0.06 * 10) / 1.225);
    const calm = flameLengthThomasWind(m, d, rho, si.metresPerSecond(0.5 * uc));
    expect(flameLengthThomasWind(m, d, rho, si.metresPerSecond(uc))).toBeCloseTo(calm, 12);
    expect(flameLengthThomasWind(m, d, rho, si.metresPerSecond(8 * uc)) / calm).toBeCloseTo(8 ** -0.21, 12);
  });

  it('still air: Thomas L = 42·D·(m″/(ρa√(gD)))^0.61, and no tilt', () => {
    const l = flameLengthThomasStill(rate(0.055), si.metres(5), si.kilogramsPerCubicMetre(1.2));
    expect(l).toBeCloseTo(42 * 5 * (0.055 / (1.2 * Math.sqrt(9.80665 * 5))) ** 0.61, 12);
    expect(flameTiltPool(si.metresPerSecond(0), si.metres(5), 1.5e-5 as SquareMetresPerSecond)).toBe(0);
  });
});

describe('pool-fire emissive power', () => {
  it('SEP = SEP_max·(1 − s) + SEP_soot·s with SEP_max = F_s·m″·ΔHc/(1 + 4L/D) (YB eqs. 6.20/6.71)', () => {
    const { sepMax, sep } = surfaceEmissivePowerPool(
      rate(0.085),
      si.joulesPerKilogram(40.1e6),
      si.metres(46.77),
      si.metres(42.445),
    );
    const expectedMax = (0.4 * 0.085 * 40.1e6) / (1 + (4 * 46.77) / 42.445);
    expect(sepMax).toBeCloseTo(expectedMax, 6);
    expect(sep).toBeCloseTo(0.2 * expectedMax + 0.8 * 20000, 6);
  });

  it('Mudan & Croce SEP runs from 140 kW/m² (small pools) to 20 kW/m² (very large ones)', () => {
    expect(surfaceEmissivePowerMudanCroce(si.metres(0))).toBeCloseTo(140000, 6);
    expect(surfaceEmissivePowerMudanCroce(si.metres(1000))).toBeCloseTo(20000, 6);
  });
});

describe('pool-fire heat flux', () => {
  const fire = poolFire({
    poolDiameter: si.metres(20),
    heatOfCombustion: si.joulesPerKilogram(43.7e6),
    maxBurningRate: rate(0.055),
    kBeta: 2.1,
    windSpeed: si.metresPerSecond(5),
  });
  const atmosphere = { temperature: si.kelvin(288.15), relativeHumidity: 0.7 };

  it('is SEP·F_max·τ with the Mudan view factor downwind', () => {
    const q = poolFireHeatFluxDownwind(fire, si.metres(60), atmosphere);
    expect(q.engulfed).toBe(false);
    expect(q.heatFlux).toBeCloseTo(fire.sep * Math.hypot(q.fv, q.fh) * q.transmissivity, 6);
  });

  it('falls with distance and tends to 0 far away', () => {
    let previous = Infinity;
    for (const x of [40, 60, 100, 200, 400, 1000]) {
      const q = poolFireHeatFluxDownwind(fire, si.metres(x), atmosphere).heatFlux;
      expect(q).toBeLessThan(previous);
      previous = q;
    }
    expect(previous).toBeLessThan(200);
  });

  it('is the emissive power inside the pool and under the leaning flame', () => {
    const under = 10 + fire.flameLength * Math.sin(fire.tilt) - 0.1;
    const q = poolFireHeatFluxDownwind(fire, si.metres(under), atmosphere);
    expect(q.engulfed).toBe(true);
    expect(q.heatFlux).toBe(fire.sep);
  });

  it('radial profile: downwind equals the point function; crosswind and upwind see less of the leaning flame', () => {
    const distances = Float64Array.from([40, 60, 100, 200]);
    const down = new Float64Array(4);
    const cross = new Float64Array(4);
    const up = new Float64Array(4);
    poolFireFluxProfile(fire, atmosphere, 0, distances, down);
    poolFireFluxProfile(fire, atmosphere, Math.PI / 2, distances, cross);
    poolFireFluxProfile(fire, atmosphere, Math.PI, distances, up);
    distances.forEach((x, i) => {
      expect(down[i]).toBe(poolFireHeatFluxDownwind(fire, si.metres(x), atmosphere).heatFlux);
      expect(cross[i]!).toBeLessThan(down[i]!);
      expect(up[i]!).toBeLessThan(cross[i]!);
    });
  });

  it('radial profile: the numerical view factor (off-downwind bearings) meets the closed form downwind', () => {
    const distances = Float64Array.from([40, 60, 100]);
    const closed = new Float64Array(3);
    const numerical = new Float64Array(3);
    poolFireFluxProfile(fire, atmosphere, 0, distances, closed);
    poolFireFluxProfile(fire, atmosphere, 1e-6, distances, numerical);
    closed.forEach((q, i) => expect(Math.abs(numerical[i]! / q - 1)).toBeLessThan(5e-3));
  });

  it('rejects input without a burning rate', () => {
    expect(() =>
      poolFire({ poolDiameter: si.metres(5), heatOfCombustion: si.joulesPerKilogram(4e7) }),
    ).toThrow(/burningRate/);
  });
});
