import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { kingeryBulmashScaledDistance } from './kingery-bulmash.ts';
import { epaRmpDistanceToOnePsi, hopkinsonScaledDistance, tntEquivalentMass } from './tnt.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('tntEquivalentMass (W = η·M·ΔHc/E_TNT, models.md §6.1)', () => {
  it('reproduces the HyRAM hand calculation for 1 kg of hydrogen [EXP-TNT-MASS]', () => {
    // Source: HyRAM test_api.py::test_calc_equiv_TNT_mass and test_overpressure.py::TntMethodTestCase
    // (validation/public-cases.md EXP-TNT-MASS): W = 0.769231 kg, Z(1 m) = 1.09139 m/kg^(1/3).
    const w = tntEquivalentMass({
      mass: si.kilograms(1),
      heatOfCombustion: si.joulesPerKilogram(1.2e8),
      yield: 0.03,
      tntEnergy: si.joulesPerKilogram(4.68e6),
    });
    expect(rel(w, 0.769231)).toBeLessThan(1e-6);
    // Printed to 6 significant figures: half a unit in the last digit.
    expect(rel(hopkinsonScaledDistance(si.metres(1), w), 1.09139)).toBeLessThan(5e-6);
  });

  it('defaults to η = 0.03 and E_TNT = 4.68 MJ/kg', () => {
    const w = tntEquivalentMass({ mass: si.kilograms(1), heatOfCombustion: si.joulesPerKilogram(1.2e8) });
    expect(rel(w, (0.03 * 1.2e8) / 4.68e6)).toBeLessThan(1e-12);
  });

  it('rejects impossible inputs, naming the parameter', () => {
    const base = { mass: si.kilograms(1), heatOfCombustion: si.joulesPerKilogram(4.6e7) };
    expect(() => tntEquivalentMass({ ...base, yield: 0 })).toThrow(/yield/);
    expect(() => tntEquivalentMass({ ...base, yield: 1.5 })).toThrow(/yield/);
    expect(() => tntEquivalentMass({ ...base, mass: si.kilograms(-1) })).toThrow(/mass/);
    expect(() => tntEquivalentMass({ ...base, heatOfCombustion: si.joulesPerKilogram(0) })).toThrow(
      /heatOfCombustion/,
    );
  });
});

describe('epaRmpDistanceToOnePsi (EPA 550-B-99-009 App. C, models.md §6.1)', () => {
  // EXP-RMP-1PSI (derived, confidence medium): 10 000 kg propane, ΔHc 46 333 kJ/kg, yield 0.1.
  const d = epaRmpDistanceToOnePsi(si.kilograms(10000), si.joulesPerKilogram(46333e3));

  it('gives 365.0 m for 10 t of propane [EXP-RMP-1PSI]', () => {
    expect(Math.abs(d - 365.0)).toBeLessThanOrEqual(0.05);
  });

  it('agrees within 1 % with the guidance form in miles and pounds, 0.2264 mi [EXP-RMP-1PSI]', () => {
    const lb = 10000 / 0.45359237;
    const miles = 0.0081 * Math.cbrt((0.1 * lb * 46333) / 4680);
    expect(Math.abs(miles - 0.2264)).toBeLessThanOrEqual(0.00005);
    expect(rel(d, miles * 1609.344)).toBeLessThan(0.01);
  });

  it('is about 7 % shorter than the Kingery-Bulmash 1 psi distance (Z ≈ 18.2) [EXP-RMP-1PSI, EXP-KB]', () => {
    const zKb = kingeryBulmashScaledDistance(6894.757);
    expect(zKb / 17).toBeGreaterThan(1.05);
    expect(zKb / 17).toBeLessThan(1.09);
  });
});
