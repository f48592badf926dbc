import { describe, expect, it } from 'vitest';
import { GAS_CONSTANT, GRAVITY, si } from '../units/index.ts';
import {
  rainoutRuleOfThumb,
  releaseAerosolFraction,
  releaseCriticalDiameter,
  releaseDropletDiameter,
  releaseRainout,
  sphereDragCoefficient,
} from './aerosol.ts';

/**
 * Inputs of [DIS-FLASH] (public-cases.md; SRC-AEF butane leak example). The case does not print the surface
 * tension or air density it used: σ at Tb is the DIPPR-106 fit for n-butane of Perry's handbook
 * (σ = 0.05196·(1 − T/425.12)^1.2181 N/m), ρ_air the ideal gas (M = 28.96 g/mol) at Tb and 1 atm.
 */
const TB = 272.55;
const surfaceTension = 0.05196 * (1 - TB / 425.12) ** 1.2181;
const airDensity = (101325 * 0.02896) / (GAS_CONSTANT * TB);
const butaneJet = {
  surfaceTension: si.newtonsPerMetre(surfaceTension),
  airDensity: si.kilogramsPerCubicMetre(airDensity),
  dischargeVelocity: si.metresPerSecond(79.454),
  temperature: si.kelvin(298.15),
  boilingPoint: si.kelvin(TB),
};

describe('rainoutRuleOfThumb (aerosol = flash, CCPS99; models.md §1.4)', () => {
  it('keeps twice the flash airborne, capped at the whole release', () => {
    expect(rainoutRuleOfThumb(si.probability(0.17128)).airborneFraction).toBeCloseTo(0.34256, 12);
    expect(rainoutRuleOfThumb(si.probability(0.17128)).rainoutFraction).toBeCloseTo(0.65744, 12);
    expect(rainoutRuleOfThumb(si.probability(0.6))).toEqual({ airborneFraction: 1, rainoutFraction: 0 });
    expect(rainoutRuleOfThumb(si.probability(0))).toEqual({ airborneFraction: 0, rainoutFraction: 1 });
  });

  it('rejects a flash fraction outside 0–1', () => {
    expect(() => rainoutRuleOfThumb(si.probability(1.2))).toThrow(/flashFraction/);
  });
});

describe('RELEASE droplet model (Johnson & Woodward 1999; models.md §1.4)', () => {
  it('gives the aerodynamic droplet diameter of the butane leak [DIS-FLASH, public-cases.md; SRC-AEF]', () => {
    const r = releaseDropletDiameter(butaneJet);
    // Tolerance 1 % (public case). The flash-shattering size 0.03/(10 + 4·25.6) m is larger here.
    expect(Math.abs(r.dropletDiameter / 2.1886e-5 - 1)).toBeLessThan(0.01);
    expect(r.flashingDiameter).toBeCloseTo(0.03 / 112.4, 12);
    expect(r.dropletDiameter).toBe(r.aerodynamicDiameter);
  });

  it('the flash-shattering size governs for a slow, strongly superheated jet; 3 mm without superheat', () => {
    const slow = releaseDropletDiameter({ ...butaneJet, dischargeVelocity: si.metresPerSecond(2) });
    expect(slow.dropletDiameter).toBe(slow.flashingDiameter);
    const cold = releaseDropletDiameter({ ...butaneJet, temperature: si.kelvin(260) });
    expect(cold.flashingDiameter).toBeCloseTo(0.003, 12);
  });

  it('White drag law tends to Stokes 24/Re at small Re and to 0.4 at large Re', () => {
    expect(sphereDragCoefficient(1e-6) * 1e-6).toBeCloseTo(24, 4);
    expect(sphereDragCoefficient(1e12)).toBeCloseTo(0.4, 4);
  });

  it('critical diameter is the droplet whose terminal velocity is u_d·tan 4.46°', () => {
    const input = {
      liquidDensity: si.kilogramsPerCubicMetre(601.6),
      airDensity: si.kilogramsPerCubicMetre(airDensity),
      airViscosity: si.dynamicViscosity(1.72e-5),
      dischargeVelocity: si.metresPerSecond(79.454),
    };
    const dc = releaseCriticalDiameter(input);
    const uc = 79.454 * Math.tan((4.46 * Math.PI) / 180);
    const re = (airDensity * uc * dc) / 1.72e-5;
    const weight = (601.6 - airDensity) * GRAVITY * ((Math.PI * dc ** 3) / 6);
    const drag = sphereDragCoefficient(re) * 0.5 * airDensity * uc ** 2 * ((Math.PI * dc ** 2) / 4);
    expect(Math.abs(drag / weight - 1)).toBeLessThan(1e-10);
  });

  it('critical diameter approaches the Stokes settling size √(18·μ·u_c/(g·Δρ)) for a very slow jet', () => {
    const dc = releaseCriticalDiameter({
      liquidDensity: si.kilogramsPerCubicMetre(1000),
      airDensity: si.kilogramsPerCubicMetre(1.2),
      airViscosity: si.dynamicViscosity(1.8e-5),
      dischargeVelocity: si.metresPerSecond(0.01),
    });
    const uc = 0.01 * Math.tan((4.46 * Math.PI) / 180);
    const stokes = Math.sqrt((18 * 1.8e-5 * uc) / (GRAVITY * 998.8));
    expect(Math.abs(dc / stokes - 1)).toBeLessThan(0.01);
  });

  it('aerosol fraction is ½ at the mass median d_p·exp(3·ln²σ_G) and ½·erfc(1) one √2·lnσ_G below it', () => {
    const dp = si.metres(2e-5);
    const lnS = Math.log(1.8);
    expect(releaseAerosolFraction(dp, si.metres(2e-5 * Math.exp(3 * lnS ** 2)))).toBeCloseTo(0.5, 7);
    const dc = si.metres(2e-5 * Math.exp(3 * lnS ** 2 - Math.SQRT2 * lnS));
    // erfc(1) = 0.157299207050285 (Abramowitz & Stegun Table 7.1).
    expect(releaseAerosolFraction(dp, dc)).toBeCloseTo(0.5 * 0.157299207050285, 7);
  });

  it('with White’s drag law the butane jet stays airborne as aerosol (f_a → 1) [DIS-FLASH caution]', () => {
    // ρ_L: n-butane saturated liquid at Tb (data/substances.csv, CoolProp EOS); μ_air at 272.55 K (Sutherland).
    const r = releaseRainout({
      ...butaneJet,
      flashFraction: si.probability(0.17128),
      liquidDensity: si.kilogramsPerCubicMetre(601.6),
      airViscosity: si.dynamicViscosity(1.72e-5),
    });
    expect(r.criticalDiameter / r.dropletDiameter).toBeGreaterThan(15 * Math.exp(1.8));
    expect(r.aerosolFraction).toBeGreaterThan(0.999);
    expect(r.airborneFraction + r.rainoutFraction).toBeCloseTo(1, 12);
    expect(r.rainoutFraction).toBeCloseTo((1 - 0.17128) * (1 - r.aerosolFraction), 12);
  });
});
