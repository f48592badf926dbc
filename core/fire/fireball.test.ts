import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { fireball, fireballFluxProfile, fireballHeatFlux, fireballRadiativeFraction } from './fireball.ts';

// [FIRE-FIREBALL-TNO] 50 m³ vessel, 85 % full, ρ_L 517 kg/m³ → M = 21 972.5 kg; 1.6 MPa; ΔHc 46 MJ/kg
// (SRC-FIRESIM fireball_example.mlx). Tolerance on D and t: 0.1 %.
const mass = si.kilograms(21972.5);
const heatOfCombustion = si.joulesPerKilogram(4.6e7);
const within = (value: number, expected: number, relative: number) =>
  expect(Math.abs(value / expected - 1)).toBeLessThanOrEqual(relative);

describe('fireball correlations (models.md §5.3)', () => {
  it('TNO/YB: D = 6.48·M^0.325 = 167.0 m, t = 0.852·M^0.26 = 11.46 s [FIRE-FIREBALL-TNO]', () => {
    const b = fireball({ mass, heatOfCombustion, vesselPressure: si.pascals(1.6e6) });
    within(b.diameter, 166.99, 1e-3);
    within(b.duration, 11.46, 1e-3);
    expect(b.centreHeight).toBe(b.diameter);
  });

  it('CCPS: D = 5.8·M^(1/3) = 162.45 m, t = 0.45·M^(1/3) = 12.60 s below 30 t [FIRE-FIREBALL-TNO]', () => {
    const b = fireball({ mass, heatOfCombustion, correlation: 'ccps' });
    within(b.diameter, 162.45, 1e-3);
    within(b.duration, 12.6, 1e-3);
    expect(b.centreHeight).toBeCloseTo(0.75 * b.diameter, 12);
  });

  it('CCPS: above 30 000 kg the duration is 2.6·M^(1/6)', () => {
    const b = fireball({ mass: si.kilograms(64000), heatOfCombustion, correlation: 'ccps' });
    expect(b.duration).toBeCloseTo(2.6 * 64000 ** (1 / 6), 12);
  });

  it('Roberts radiative fraction 0.27·P^0.32 = 0.3138 at 1.6 MPa and SEP = 315.8 kW/m² [FIRE-FIREBALL-TNO, derived]', () => {
    // The case's own recomputation (formula check); the toolbox's 354.9 kW/m² is not a target.
    within(fireballRadiativeFraction(si.pascals(1.6e6)), 0.3138, 2e-4);
    const b = fireball({ mass, heatOfCombustion, vesselPressure: si.pascals(1.6e6) });
    within(b.sep, 315.8e3, 1e-3);
  });

  it('uses F_rad = 0.3 when no vessel pressure is given, and rejects a non-positive mass', () => {
    expect(fireball({ mass, heatOfCombustion }).radiativeFraction).toBe(0.3);
    expect(() => fireball({ mass: si.kilograms(0), heatOfCombustion })).toThrow(/mass/);
  });
});

describe('fireball heat flux', () => {
  const b = fireball({ mass, heatOfCombustion, vesselPressure: si.pascals(1.6e6) });
  const atmosphere = { temperature: si.kelvin(288.15), relativeHumidity: 0.7 };

  it('is SEP·(D/2)²/X²·τ with X from the fireball centre', () => {
    const q = fireballHeatFlux(b, si.metres(300), atmosphere);
    const x = Math.hypot(300, b.centreHeight);
    expect(q.distanceFromCentre).toBeCloseTo(x, 9);
    expect(q.heatFlux).toBeCloseTo(b.sep * (b.diameter / 2 / x) ** 2 * q.transmissivity, 6);
  });

  it('falls with distance; the profile equals the point function', () => {
    const distances = Float64Array.from([0, 100, 300, 1000, 3000]);
    const out = new Float64Array(5);
    fireballFluxProfile(b, atmosphere, distances, out);
    for (let i = 0; i < 5; i++) {
      expect(out[i]).toBe(fireballHeatFlux(b, si.metres(distances[i]!), atmosphere).heatFlux);
      if (i > 0) expect(out[i]!).toBeLessThan(out[i - 1]!);
    }
  });
});
