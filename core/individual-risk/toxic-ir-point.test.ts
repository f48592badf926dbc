import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { standardNormalCdf } from '../vulnerability/normal.ts';
import type { ToxicProbitConstants } from '../vulnerability/toxic.ts';
import {
  lethalityIntegralAcrossPlume,
  toxicIndividualRiskAtPoint,
  type ToxicIrPointInput,
} from './toxic-ir-point.ts';

const CO_PB: ToxicProbitConstants = { a: -7.4, b: 1, n: 1, units: 'mg/m3-min' };

/**
 * Purple Book (CPR 18E) Appendix 6.B worked example, printed values as quoted in spec/standards.md Part B §6
 * (source T4; confidence likely): CO 100 kg/s, u = 5 m/s, σy = 28.8 m and σz = 10.3 m at R = 361 m, release
 * and receptor at 1 m, 30 min, 12 sectors, 1 % cut-off, f = 5e-7/yr, P_M·P_φ = 0.0368.
 */
const PB_6B: ToxicIrPointInput = {
  releaseRate: si.kilogramsPerSecond(100),
  windSpeed: si.metresPerSecond(5),
  distance: si.metres(361),
  sigmaY: si.metres(28.8),
  sigmaZ: si.metres(10.3),
  constants: CO_PB,
  frequency: si.perYear(5e-7),
  directionProbability: si.probability(0.0368),
  releaseHeight: si.metres(1),
  receptorHeight: si.metres(1),
  exposure: si.seconds(1800),
  sectors: 12,
  cutoff: si.probability(0.01),
};

describe('toxic individual risk at a point, Purple Book Appendix 6.B chain', () => {
  it('reproduces the printed chain (PB Appendix 6.B; standards.md Part B §6)', () => {
    const r = toxicIndividualRiskAtPoint(PB_6B);
    // Printed: C = 21.3 g/m³ (half a unit of the last digit).
    expect(Math.abs(r.concentration * 1e3 - 21.3)).toBeLessThanOrEqual(0.05);
    // Printed Pr = 5.97 (±0.005, VUL-PB-CO).
    expect(Math.abs(r.probit - 5.97)).toBeLessThanOrEqual(0.005);
    // Printed P_cl = 0.835, read by the book from Table 5.1 at Pr 5.97 (Φ(0.97) = 0.834); the exact chain's
    // Pr 5.966 gives 0.833. Tolerance: the table-reading step, 0.003.
    expect(Math.abs(r.centrelineLethality - 0.835)).toBeLessThanOrEqual(0.003);
    // Printed PI = 72 m (±0.5 m).
    expect(Math.abs(r.probabilityIntegral - 72)).toBeLessThanOrEqual(0.5);
    // ECW = 86.2 m and P_ci = 0.456 are printed from the rounded PI (72) and P_cl (0.835): the 2-digit PI
    // carries ±0.7 %, which is the tolerance here.
    expect(Math.abs(r.effectiveCloudWidth / 86.2 - 1)).toBeLessThanOrEqual(0.007);
    expect(Math.abs(r.coverage / 0.456 - 1)).toBeLessThanOrEqual(0.007);
    // P_d: printed 0.381, from the rounded ECW; the unrounded chain gives 0.380 (erratum noted in T4).
    // Tolerance 0.0015 = that erratum plus half a unit of the last digit.
    expect(Math.abs(r.deathProbability - 0.381)).toBeLessThanOrEqual(0.0015);
    // ΔIR = 7.0e-9 per year (half a unit of the last digit).
    expect(Math.abs(r.individualRisk - 7.0e-9)).toBeLessThanOrEqual(0.05e-9);
  });

  it('chains its own steps consistently: ECW = PI/P_cl, P_ci = n·ECW/(2πR), P_d = P_cl·P_ci, ΔIR = f·P·P_d', () => {
    const r = toxicIndividualRiskAtPoint(PB_6B);
    expect(r.effectiveCloudWidth * r.centrelineLethality).toBeCloseTo(r.probabilityIntegral, 10);
    expect(r.coverage).toBeCloseTo((12 * r.effectiveCloudWidth) / (2 * Math.PI * 361), 12);
    expect(r.deathProbability).toBeCloseTo(r.centrelineLethality * r.coverage, 14);
    expect(r.individualRisk).toBeCloseTo(5e-7 * 0.0368 * r.deathProbability, 20);
    expect(r.centrelineLethality).toBeCloseTo(standardNormalCdf(r.probit - 5), 15);
  });

  it('uses C = Q/(π·u·σy·σz) for a ground release and ground receptor (models.md §3.1)', () => {
    const r = toxicIndividualRiskAtPoint({
      ...PB_6B,
      releaseHeight: si.metres(0),
      receptorHeight: si.metres(0),
    });
    expect(r.concentration).toBeCloseTo(100 / (Math.PI * 5 * 28.8 * 10.3), 15);
  });

  it('caps the coverage at 1 close to the source and keeps the uncapped value', () => {
    const r = toxicIndividualRiskAtPoint({ ...PB_6B, distance: si.metres(100) });
    expect(r.coverageUncapped).toBeGreaterThan(1);
    expect(r.coverage).toBe(1);
    expect(r.deathProbability).toBe(r.centrelineLethality);
  });

  it('is zero when the centreline lethality is below the cut-off', () => {
    const r = toxicIndividualRiskAtPoint({ ...PB_6B, releaseRate: si.kilogramsPerSecond(1) });
    expect(r.centrelineLethality).toBeLessThan(0.01);
    expect(r.probabilityIntegral).toBe(0);
    expect(r.individualRisk).toBe(0);
  });

  it('rejects impossible inputs, naming them', () => {
    expect(() => toxicIndividualRiskAtPoint({ ...PB_6B, sigmaY: si.metres(0) })).toThrow(/sigmaY/);
    expect(() => toxicIndividualRiskAtPoint({ ...PB_6B, sectors: 0 })).toThrow(/sectors/);
    expect(() => toxicIndividualRiskAtPoint({ ...PB_6B, cutoff: si.probability(1) })).toThrow(/cutoff/);
  });
});

describe('probability integral across the plume', () => {
  it('agrees with a brute-force midpoint sum (2·10⁵ strips) to 1e-8', () => {
    const prCl = 6.3;
    const bn = 2.75 * 0.5;
    const sigmaY = si.metres(40);
    const { halfWidth, integral } = lethalityIntegralAcrossPlume(prCl, bn, sigmaY, 0.01);
    const steps = 200_000;
    const dy = halfWidth / steps;
    let sum = 0;
    for (let j = 0; j < steps; j++) {
      const y = (j + 0.5) * dy;
      sum += standardNormalCdf(prCl - 5 - (bn / 2) * (y / sigmaY) ** 2);
    }
    expect(Math.abs(integral / (2 * sum * dy) - 1)).toBeLessThan(1e-8);
  });

  it('ends the band where the lethality equals the cut-off', () => {
    const { halfWidth } = lethalityIntegralAcrossPlume(6, 2, si.metres(30), 0.01);
    expect(standardNormalCdf(6 - 5 - (2 / 2) * (halfWidth / 30) ** 2)).toBeCloseTo(0.01, 12);
  });

  it('tends to the width of the 50 % band when the centreline probit is very high (step profile)', () => {
    // Pr(y) = 5 at y₅₀ = σy·√(2(Pr_cl − 5)/(b·n)); the profile is then nearly a step of height 1.
    const prCl = 105;
    const { integral } = lethalityIntegralAcrossPlume(prCl, 1, si.metres(10), 0.01);
    const y50 = 10 * Math.sqrt(2 * (prCl - 5));
    expect(Math.abs(integral / (2 * y50) - 1)).toBeLessThan(1e-3);
  });
});
