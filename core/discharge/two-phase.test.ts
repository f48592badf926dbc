import { describe, expect, it } from 'vitest';
import { GAS_CONSTANT, si } from '../units/index.ts';
import { dischargeTwoPhase, type TwoPhaseDischargeInput } from './two-phase.ts';

/**
 * A model fluid obeying Clausius-Clapeyron exactly (constant ΔHv, ideal-gas vapour, negligible liquid
 * volume): Psat(T) = Pref·exp(ΔHv·M/R·(1/Tref − 1/T)). Numbers are propane-like.
 */
const M = 0.0441;
const HVAP = 3.5e5;
const saturationPressure = (t: number) => 101325 * Math.exp(((HVAP * M) / GAS_CONSTANT) * (1 / 231 - 1 / t));

const saturated = (t: number, liquidDensity = 1e12): TwoPhaseDischargeInput => {
  const p = saturationPressure(t);
  return {
    holeDiameter: si.metres(0.025),
    pressure: si.pascals(p),
    temperature: si.kelvin(t),
    heatOfVaporization: si.joulesPerKilogram(HVAP),
    liquidDensity: si.kilogramsPerCubicMetre(liquidDensity),
    vapourDensity: si.kilogramsPerCubicMetre((p * M) / (GAS_CONSTANT * t)),
    liquidHeatCapacity: si.joulesPerKilogramKelvin(2600),
  };
};

describe('dischargeTwoPhase (Fauske equilibrium rate model, models.md §1.3)', () => {
  it('G_ERM equals (dPsat/dT)·√(T/cp) for a fluid obeying Clausius-Clapeyron (the ERM derivation)', () => {
    for (const t of [260, 288.15, 320]) {
      const h = 1e-3;
      const slope = (saturationPressure(t + h) - saturationPressure(t - h)) / (2 * h);
      const r = dischargeTwoPhase(saturated(t));
      expect(Math.abs(r.equilibriumMassFlux / (slope * Math.sqrt(t / 2600)) - 1)).toBeLessThan(1e-6);
      expect(r.subcooled).toBe(false);
      expect(r.massFlux).toBe(r.equilibriumMassFlux);
    }
  });

  it('uses v_fg = 1/ρv − 1/ρL: a real liquid volume raises the flux by v_g/(v_g − v_L)', () => {
    const ideal = dischargeTwoPhase(saturated(288.15));
    const input = saturated(288.15, 500);
    const real = dischargeTwoPhase(input);
    const vg = 1 / input.vapourDensity;
    expect(real.equilibriumMassFlux / ideal.equilibriumMassFlux).toBeCloseTo(vg / (vg - 1 / 500), 9);
  });

  it('adds the sub-cooling as G² = 2·ρL·(P0 − Psat) + G_ERM², tending to Bernoulli for deep sub-cooling', () => {
    const base = saturated(288.15, 500);
    const erm = dischargeTwoPhase(base).equilibriumMassFlux;
    const padded = dischargeTwoPhase({
      ...base,
      pressure: si.pascals(base.pressure + 10e5),
      saturationPressure: base.pressure,
    });
    expect(padded.subcooled).toBe(true);
    expect(padded.massFlux ** 2 - erm ** 2).toBeCloseTo(2 * 500 * 10e5, -1);
    const deep = dischargeTwoPhase({
      ...base,
      pressure: si.pascals(base.pressure + 1e9),
      saturationPressure: base.pressure,
    });
    expect(deep.massFlux / Math.sqrt(2 * 500 * 1e9)).toBeCloseTo(1, 3);
  });

  it('rate is Cd·A·G with the default Cd 0.62', () => {
    const r = dischargeTwoPhase(saturated(288.15, 500));
    expect(r.massRate).toBeCloseTo(0.62 * ((Math.PI * 0.025 ** 2) / 4) * r.massFlux, 12);
  });

  it('rejects a vapour pressure above the stagnation pressure and a vapour denser than its liquid', () => {
    const base = saturated(288.15, 500);
    expect(() => dischargeTwoPhase({ ...base, saturationPressure: si.pascals(base.pressure * 1.1) })).toThrow(
      /saturationPressure/,
    );
    expect(() => dischargeTwoPhase({ ...base, vapourDensity: si.kilogramsPerCubicMetre(600) })).toThrow(
      /vapourDensity/,
    );
  });
});
