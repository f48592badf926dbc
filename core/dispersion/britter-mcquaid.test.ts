import { describe, expect, it } from 'vitest';
import { GAS_CONSTANT, si } from '../units/index.ts';
import {
  britterMcQuaidPlume,
  britterMcQuaidPlumeCorrelation,
  britterMcQuaidPlumeDimensions,
  britterMcQuaidPlumeDistance,
  britterMcQuaidPlumeRatio,
  britterMcQuaidPuff,
  britterMcQuaidPuffCorrelation,
  britterMcQuaidPuffDistance,
  britterMcQuaidPuffPosition,
  britterMcQuaidPuffRatio,
  isothermalRatio,
  nonIsothermalRatio,
  type BritterMcQuaidPlumeInput,
} from './britter-mcquaid.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

// [DG-BMQ-PLUME, validation/public-cases.md, case_a] CCPS99 p.122 LNG (Burro-type) example as run in
// GasDispersion.jl britter_mcquaid_plume_tests.jl: 0.23 m³/s of LNG (425.6 kg/m³) = 97.888 kg/s of vapour at
// 1.76 kg/m³ and 111.15 K, into air at 298 K and 1.18431 kg/m³, u10 = 10.9 m/s. Tolerance 0.5 %.
const lng: BritterMcQuaidPlumeInput = {
  volumeRate: si.cubicMetresPerSecond((0.23 * 425.6) / 1.76),
  sourceDensity: si.kilogramsPerCubicMetre(1.76),
  ambientDensity: si.kilogramsPerCubicMetre(1.18431),
  windSpeed: si.metresPerSecond(10.9),
  sourceTemperature: si.kelvin(111.15),
  ambientTemperature: si.kelvin(298),
};

describe('Britter-McQuaid continuous release (spec/models.md §4.2)', () => {
  const plume = britterMcQuaidPlume(lng);

  it('source dimension and α [DG-BMQ-PLUME]', () => {
    expect(rel(plume.sourceDimension, 2.25889)).toBeLessThan(5e-3);
    expect(rel(plume.alpha, -0.41709)).toBeLessThan(5e-3);
    expect(plume.criterion.dense).toBe(true);
  });

  it('Cm/C0 in the near field, the interpolated region and the far field [DG-BMQ-PLUME]', () => {
    expect(rel(britterMcQuaidPlumeRatio(plume, si.metres(45.18)), 0.672023)).toBeLessThan(5e-3);
    expect(rel(britterMcQuaidPlumeRatio(plume, si.metres(367)), 0.0507177)).toBeLessThan(5e-3);
    expect(rel(britterMcQuaidPlumeRatio(plume, si.metres(1200)), 0.00492141)).toBeLessThan(5e-3);
  });

  it('distance to 5 % by volume [DG-BMQ-PLUME, derived: 371.4 m]', () => {
    expect(rel(britterMcQuaidPlumeDistance(plume, 0.05), 371.4)).toBeLessThan(5e-3);
  });

  it('reads the CCPS99 digitisation as GasDispersion.jl does (britter_mcquaid_plume_tests.jl, transcription check)', () => {
    const cases: [number, number[]][] = [
      [-0.75, [1.75, 1.92, 2.08, 2.25, 2.4, 2.6]],
      [-0.4, [1.784, 2.016, 2.21, 2.394, 2.564, 2.714]],
      [-0.2, [1.832, 2.06, 2.25, 2.45, 2.63, 2.77]],
      [0, [1.78, 1.96, 2.16, 2.35, 2.56, 2.71]],
    ];
    for (const [alpha, betas] of cases) {
      // The first node is the near-field point at x/D = 30; the curves follow.
      const c = britterMcQuaidPlumeCorrelation(alpha);
      expect(c.betas[0]).toBeCloseTo(Math.log10(30), 12);
      c.betas.slice(1).forEach((b, i) => expect(b).toBeCloseTo(betas[i]!, 10));
    }
  });

  it('is the near-field formula 306·s⁻²/(1 + 306·s⁻²) up to x/D = 30 (isothermal)', () => {
    const iso = britterMcQuaidPlume({ ...lng, sourceTemperature: undefined, ambientTemperature: undefined });
    const d = iso.sourceDimension;
    expect(britterMcQuaidPlumeRatio(iso, si.metres(10 * d))).toBeCloseTo(306 / 406, 12);
    expect(britterMcQuaidPlumeRatio(iso, si.metres(30 * d))).toBeCloseTo(306 / 1206, 12);
    expect(britterMcQuaidPlumeRatio(iso, si.metres(0))).toBe(1);
  });

  it('passes through each curve of the figure at its own β, and falls as (x/D)^−2 beyond the last', () => {
    const iso = britterMcQuaidPlume({ ...lng, sourceTemperature: undefined, ambientTemperature: undefined });
    const { betas, ratios } = iso.correlation;
    betas.forEach((b, i) => {
      expect(britterMcQuaidPlumeRatio(iso, si.metres(10 ** b * iso.sourceDimension))).toBeCloseTo(
        ratios[i]!,
        10,
      );
    });
    const x = 3000;
    const r1 = britterMcQuaidPlumeRatio(iso, si.metres(x));
    const r2 = britterMcQuaidPlumeRatio(iso, si.metres(2 * x));
    expect(r2 / r1).toBeCloseTo(0.25, 12);
  });

  it('distance and ratio are inverse functions, with and without the temperature correction', () => {
    const iso = britterMcQuaidPlume({ ...lng, sourceTemperature: undefined, ambientTemperature: undefined });
    for (const p of [plume, iso]) {
      for (const r of [0.9, 0.5, 0.2, 0.08, 0.03, 0.012, 0.004, 0.001, 1e-4]) {
        const x = britterMcQuaidPlumeDistance(p, r);
        expect(rel(britterMcQuaidPlumeRatio(p, x), r)).toBeLessThan(1e-9);
      }
      expect(britterMcQuaidPlumeDistance(p, 1)).toBe(0);
    }
  });

  it('for α > 0.61 the near field stops at the first curve (the figure and the formula do not meet)', () => {
    const c = britterMcQuaidPlumeCorrelation(0.8);
    expect(c.nearFieldLimit).toBeCloseTo(10 ** (-0.5 * 0.8 + 1.78), 10);
    expect(c.ratios[0]).toBe(0.1);
    expect(c.withinFigure).toBe(true);
    expect(britterMcQuaidPlumeCorrelation(1.5).withinFigure).toBe(false);
  });

  it('mass-balanced plume height: u·(Cm/C0)·2·L_H·L_V = Q0', () => {
    const dims = britterMcQuaidPlumeDimensions(plume, si.metres(200));
    const ratio = britterMcQuaidPlumeRatio(plume, si.metres(200));
    expect(plume.windSpeed * ratio * 2 * dims.halfWidth * dims.height).toBeCloseTo(plume.volumeRate, 8);
    expect(dims.upwindExtent).toBeCloseTo(plume.sourceDimension / 2 + 2 * plume.buoyancyLength, 12);
    expect(dims.halfWidth).toBeGreaterThan(dims.sourceHalfWidth);
  });

  it('refuses a gas lighter than air and a single temperature, naming the fields', () => {
    expect(() => britterMcQuaidPlume({ ...lng, sourceDensity: si.kilogramsPerCubicMetre(0.7) })).toThrow(
      /sourceDensity/,
    );
    expect(() => britterMcQuaidPlume({ ...lng, ambientTemperature: undefined })).toThrow(
      /ambientTemperature/,
    );
    expect(() => britterMcQuaidPlumeDistance(plume, 0)).toThrow(/targetConcentration/);
  });

  it('loose cross-check against SLAB test problem 2 within the figure (217–1006 m), factor 2 [DG-SLAB-INPR2]', () => {
    // validation/public-cases.md DG-SLAB-INPR2 (SLAB manual test problem 2, ammonia two-phase jet, 107.87 kg/s).
    // Assumptions made here (not in the case): the source cloud is ammonia vapour at its boiling point with its
    // liquid fraction 0.81 carried as aerosol, 1/ρ = 0.19/ρ_g + 0.81/ρ_L (spec/models.md §4.1), taken as
    // isothermal; u10 from 4.5 m/s at 2 m by the stable log-linear profile with the case's 1/L = 0.0221 m⁻¹.
    // Not compared: 130 m (SLAB's jet momentum dilutes faster than a gravity-spread source) and beyond the
    // 0.002 curve, where the (x/D)^−2 far field falls below SLAB (0.55× at 1.7 km, 0.36× at 3 km).
    const rhoGas = (101325 * 0.017031) / (GAS_CONSTANT * 239.57);
    const rhoCloud = 1 / (0.19 / rhoGas + 0.81 / 603);
    const rhoAir = (101325 * 0.028966) / (GAS_CONSTANT * 306.2);
    const shape = (z: number) => Math.log(z / 0.003) + (5 * (z - 0.003)) / (1 / 0.0221);
    const u10 = (4.5 * shape(10)) / shape(2);
    const slab = britterMcQuaidPlume({
      volumeRate: si.cubicMetresPerSecond(107.87 / rhoCloud),
      sourceDensity: si.kilogramsPerCubicMetre(rhoCloud),
      ambientDensity: si.kilogramsPerCubicMetre(rhoAir),
      windSpeed: si.metresPerSecond(u10),
    });
    for (const [x, cc] of [
      [217.3, 0.02018],
      [362.0, 0.009998],
      [603.4, 0.004696],
      [1006.3, 0.002219],
    ] as const) {
      const r = britterMcQuaidPlumeRatio(slab, si.metres(x)) / cc;
      expect(r).toBeGreaterThan(0.5);
      expect(r).toBeLessThan(2);
    }
  });
});

describe('non-isothermal correction (BMQ (1988) §5.5; spec/models.md §4.2)', () => {
  it('is the identity for an isothermal source and is inverted by isothermalRatio', () => {
    expect(nonIsothermalRatio(0.3, 1)).toBe(0.3);
    for (const c of [0.001, 0.05, 0.5, 0.99]) {
      expect(isothermalRatio(nonIsothermalRatio(c, 0.37), 0.37)).toBeCloseTo(c, 14);
    }
  });

  it('raises the ratio of a cold source (air entrained is cooled and contracts)', () => {
    expect(nonIsothermalRatio(0.02, 111.15 / 298)).toBeGreaterThan(0.02);
    expect(nonIsothermalRatio(0, 0.5)).toBe(0);
    expect(nonIsothermalRatio(1, 0.5)).toBe(1);
  });
});

describe('Britter-McQuaid instantaneous release (spec/models.md §4.3)', () => {
  const puffInput = {
    initialVolume: si.cubicMetres(1000),
    cloudDensity: si.kilogramsPerCubicMetre(2.5),
    ambientDensity: si.kilogramsPerCubicMetre(1.2),
    windSpeed: si.metresPerSecond(3),
  };
  const puff = britterMcQuaidPuff(puffInput);

  it('α = 0.5·log10(g0·V0^(1/3)/u²)', () => {
    const g0 = (9.80665 * (2.5 - 1.2)) / 1.2;
    expect(puff.alpha).toBeCloseTo(0.5 * Math.log10((g0 * 10) / 9), 12);
    expect(puff.volumeScale).toBeCloseTo(10, 12);
  });

  it('reads the digitisation as GasDispersion.jl does (britter_mcquaid_puff_tests.jl, transcription check)', () => {
    const cases: [number, number[]][] = [
      [-0.75, [0.7, 0.85, 0.95, 1.15, 1.48, 1.83, 2.075]],
      [0, [0.81, 1.0, 1.19, 1.39, 1.62, 1.83, 2.05]],
      [0.75, [0.93, 1.03, 1.185, 1.375, 1.525, 1.68, 1.8475]],
    ];
    for (const [alpha, betas] of cases) {
      britterMcQuaidPuffCorrelation(alpha).betas.forEach((b, i) => expect(b).toBeCloseTo(betas[i]!, 10));
    }
  });

  it('near field 3.24/(3.24 + s²), held at 0.1 until the first curve', () => {
    expect(britterMcQuaidPuffRatio(puff, si.metres(10))).toBeCloseTo(3.24 / 4.24, 12);
    const first = 10 ** puff.correlation.betas[0]! * puff.volumeScale;
    expect(britterMcQuaidPuffRatio(puff, si.metres(0.999 * first))).toBeGreaterThanOrEqual(0.1);
    expect(britterMcQuaidPuffRatio(puff, si.metres(first))).toBeCloseTo(0.1, 12);
  });

  it('distance and ratio are inverse functions', () => {
    for (const r of [0.5, 0.2, 0.07, 0.015, 0.003, 0.0015, 1e-4]) {
      expect(rel(britterMcQuaidPuffRatio(puff, britterMcQuaidPuffDistance(puff, r)), r)).toBeLessThan(1e-9);
    }
    // At exactly 0.1 the farthest distance is the first curve, not where the near-field formula reaches 0.1.
    expect(britterMcQuaidPuffDistance(puff, 0.1) / puff.volumeScale).toBeCloseTo(
      10 ** puff.correlation.betas[0]!,
      10,
    );
  });

  it("cloud kinematics: R0 = (3V0/4π)^(1/3) at release, centre at 0.4·u·t, volume V0/c' conserved", () => {
    const start = britterMcQuaidPuffPosition(puff, si.seconds(0));
    expect(start.radius).toBeCloseTo(Math.cbrt(3000 / (4 * Math.PI)), 12);
    const later = britterMcQuaidPuffPosition(puff, si.seconds(60));
    expect(later.centre).toBeCloseTo(0.4 * 3 * 60, 12);
    expect(later.radius ** 2).toBeCloseTo(
      start.radius ** 2 + 1.2 * Math.sqrt(puff.reducedGravity * 1000) * 60,
      9,
    );
    const ratio = britterMcQuaidPuffRatio(puff, later.leadingEdge);
    expect(Math.PI * later.radius ** 2 * later.height * ratio).toBeCloseTo(1000, 8);
  });

  it('refuses a cloud lighter than air naming the field', () => {
    expect(() => britterMcQuaidPuff({ ...puffInput, cloudDensity: si.kilogramsPerCubicMetre(1) })).toThrow(
      /cloudDensity/,
    );
  });
});
