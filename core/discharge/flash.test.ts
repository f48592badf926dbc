import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { flashFraction } from './flash.ts';

/** n-Butane from the DIS-FLASH case: cp = 140 498 J/(kmol·K) / 58.122, ΔHv = 20.999e6 J/kmol / 58.122. */
const butane = (temperature: number) =>
  flashFraction({
    temperature: si.kelvin(temperature),
    boilingPoint: si.kelvin(272.55),
    liquidHeatCapacity: si.joulesPerKilogramKelvin(2417.3),
    heatOfVaporization: si.joulesPerKilogram(361290),
  });

describe('flashFraction (adiabatic flash, models.md §1.3)', () => {
  it('gives the butane flash fraction of the worked leak example [DIS-FLASH, public-cases.md; SRC-AEF]', () => {
    const r = butane(298.15);
    // Tolerance 0.1 % (public case).
    expect(Math.abs(r.flashFraction / 0.17128 - 1)).toBeLessThan(1e-3);
  });

  it('integrated form is 1 − exp(−linear), below the linear one, and equal to it to first order', () => {
    const r = butane(298.15);
    expect(r.flashFractionIntegrated).toBeCloseTo(1 - Math.exp(-r.flashFraction), 12);
    expect(r.flashFractionIntegrated).toBeLessThan(r.flashFraction);
    const small = butane(272.56);
    expect(small.flashFractionIntegrated / small.flashFraction).toBeCloseTo(1, 4);
  });

  it('gives no flash for a liquid at or below its boiling point', () => {
    expect(butane(272.55)).toEqual({ flashFraction: 0, flashFractionIntegrated: 0 });
    expect(butane(250).flashFraction).toBe(0);
  });

  it('caps the linear form at 1 (all vapour) while the integrated form stays below 1', () => {
    const r = flashFraction({
      temperature: si.kelvin(500),
      boilingPoint: si.kelvin(200),
      liquidHeatCapacity: si.joulesPerKilogramKelvin(3000),
      heatOfVaporization: si.joulesPerKilogram(400000),
    });
    expect(r.flashFraction).toBe(1);
    expect(r.flashFractionIntegrated).toBeCloseTo(1 - Math.exp(-2.25), 12);
  });

  it('rejects a non-positive heat of vaporisation naming it', () => {
    expect(() =>
      flashFraction({
        temperature: si.kelvin(300),
        boilingPoint: si.kelvin(250),
        liquidHeatCapacity: si.joulesPerKilogramKelvin(2000),
        heatOfVaporization: si.joulesPerKilogram(0),
      }),
    ).toThrow(/heatOfVaporization/);
  });
});
