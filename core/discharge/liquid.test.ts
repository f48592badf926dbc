import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { dischargeLiquid } from './liquid.ts';

describe('dischargeLiquid (Bernoulli, YB eq. 2.194–2.196)', () => {
  it('reproduces the CCPS99 p.40 liquid-jet example [DIS-CCPS-LIQ, validation/public-cases.md]', () => {
    // Source: GasDispersion.jl jet_source_tests.jl reproducing CCPS (1999) p.40; tolerance 0.1 %.
    const r = dischargeLiquid({
      holeDiameter: si.metres(0.01),
      liquidDensity: si.kilogramsPerCubicMetre(490),
      pressure: si.pascals(120935.0368),
      ambientPressure: si.pascals(101325),
      dischargeCoefficient: 0.63,
    });
    expect(r.massRate).toBeCloseTo(0.216912, 4);
    expect(Math.abs(r.massRate / 0.216912 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(r.velocity / 5.63633 - 1)).toBeLessThan(1e-3);
  });

  it('adds the hydrostatic head: an open tank with 10 m of water drains at Cd·A·ρ·√(2gh) (Torricelli)', () => {
    const r = dischargeLiquid({
      holeDiameter: si.metres(0.05),
      liquidDensity: si.kilogramsPerCubicMetre(1000),
      pressure: si.pascals(101325),
      liquidHead: si.metres(10),
    });
    const expected = 0.62 * ((Math.PI * 0.05 ** 2) / 4) * 1000 * Math.sqrt(2 * 9.80665 * 10);
    expect(r.massRate).toBeCloseTo(expected, 10);
  });

  it('gives no outflow when the outside pressure is higher', () => {
    const r = dischargeLiquid({
      holeDiameter: si.metres(0.05),
      liquidDensity: si.kilogramsPerCubicMetre(1000),
      pressure: si.pascals(90000),
    });
    expect(r.massRate).toBe(0);
  });
});
