import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { boilingPoolEvaporation, mackayMatsuguEvaporation, type BoilingPoolInput } from './evaporation.ts';

const hexanePool = (poolDiameter = 10, windSpeed = 5) =>
  mackayMatsuguEvaporation({
    poolDiameter: si.metres(poolDiameter),
    windSpeed: si.metresPerSecond(windSpeed),
    vaporPressure: si.pascals(16000),
    molarMass: si.kilogramsPerMole(0.08618),
    liquidTemperature: si.kelvin(293.15),
  });

describe('mackayMatsuguEvaporation (YB eqs. 3.13/3.24/3.25, models.md §2.3)', () => {
  it('reproduces the hexane-like pool [EVAP-MM, public-cases.md]', () => {
    const r = hexanePool();
    // Tolerance 1e-5 relative (formula check); default Sc = 0.8 as in the case.
    expect(Math.abs(r.massTransferCoefficient / 0.0151391 - 1)).toBeLessThan(1e-5);
    expect(Math.abs(r.massFlux / 0.0085645 - 1)).toBeLessThan(1e-5);
    expect(Math.abs(r.evaporationRate / 0.67265 - 1)).toBeLessThan(1e-5);
  });

  it('scales as u^0.78 and D^−0.11 per unit area, so the pool rate grows as D^1.89', () => {
    expect(hexanePool(10, 10).massFlux / hexanePool(10, 5).massFlux).toBeCloseTo(2 ** 0.78, 12);
    expect(hexanePool(20).massFlux / hexanePool(10).massFlux).toBeCloseTo(2 ** -0.11, 12);
    expect(hexanePool(20).evaporationRate / hexanePool(10).evaporationRate).toBeCloseTo(2 ** 1.89, 12);
  });

  it('gives no evaporation without vapour pressure and rejects a zero diameter', () => {
    const r = mackayMatsuguEvaporation({
      poolDiameter: si.metres(5),
      windSpeed: si.metresPerSecond(3),
      vaporPressure: si.pascals(0),
      molarMass: si.kilogramsPerMole(0.1),
      liquidTemperature: si.kelvin(290),
    });
    expect(r.evaporationRate).toBe(0);
    expect(() => hexanePool(0)).toThrow(/poolDiameter/);
  });
});

/** Propane-like boiling pool on concrete-like ground (indicative properties of models.md §2.2). */
const onConcrete = (time: number): BoilingPoolInput => ({
  groundConductivity: si.wattsPerMetreKelvin(1.1),
  groundDiffusivity: 1.3e-6 as BoilingPoolInput['groundDiffusivity'],
  groundTemperature: si.kelvin(293.15),
  boilingPoint: si.kelvin(231.1),
  heatOfVaporization: si.joulesPerKilogram(4.26e5),
  time: si.seconds(time),
});

describe('boilingPoolEvaporation (ground conduction, models.md §2.2)', () => {
  it('heat flux is k·ΔT/√(π·α·t) and falls as 1/√t', () => {
    const r = boilingPoolEvaporation(onConcrete(60));
    expect(r.heatFlux).toBeCloseTo((1.1 * 62.05) / Math.sqrt(Math.PI * 1.3e-6 * 60), 6);
    expect(r.massFlux).toBeCloseTo(r.heatFlux / 4.26e5, 12);
    expect(boilingPoolEvaporation(onConcrete(240)).heatFlux / r.heatFlux).toBeCloseTo(0.5, 12);
  });

  it('the evaporated mass per area is the time integral of the flux (2·t·m″(t))', () => {
    const t = 600;
    // ∫0^t m″ dt with t = s² removes the 1/√t singularity: ∫0^√t m″(s²)·2s ds, midpoint rule.
    const n = 1000;
    const h = Math.sqrt(t) / n;
    let integral = 0;
    for (let i = 0; i < n; i++) {
      const s = (i + 0.5) * h;
      integral += boilingPoolEvaporation(onConcrete(s * s)).massFlux * 2 * s * h;
    }
    const r = boilingPoolEvaporation(onConcrete(t));
    expect(Math.abs(r.evaporatedMassPerArea / integral - 1)).toBeLessThan(1e-9);
    expect(r.evaporatedMassPerArea).toBeCloseTo(2 * t * r.massFlux, 9);
  });

  it('rejects a liquid that does not boil on this ground and a zero time', () => {
    expect(() => boilingPoolEvaporation({ ...onConcrete(60), boilingPoint: si.kelvin(300) })).toThrow(
      /boilingPoint/,
    );
    expect(() => boilingPoolEvaporation(onConcrete(0))).toThrow(/time/);
  });
});
