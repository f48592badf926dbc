import { describe, expect, it } from 'vitest';
import { si } from '../units/index.ts';
import { denseGasCriterionContinuous, denseGasCriterionInstantaneous, reducedGravity } from './dense-gas.ts';

describe('dense-gas criteria (BMQ; spec/models.md §4.1)', () => {
  it('reduced gravity g·(ρc − ρa)/ρa', () => {
    expect(reducedGravity(si.kilogramsPerCubicMetre(2.4), si.kilogramsPerCubicMetre(1.2))).toBeCloseTo(
      9.80665,
      12,
    );
    expect(() => reducedGravity(si.kilogramsPerCubicMetre(0), si.kilogramsPerCubicMetre(1.2))).toThrow(
      /cloudDensity/,
    );
  });

  it('continuous: (g0·Q0/(u³·D))^(1/3) against 0.15', () => {
    // g0 = g (ρc = 2ρa), Q0 = 4 m³/s, u = 1 m/s: D = 2 m, value = (9.80665·4/2)^(1/3).
    const c = denseGasCriterionContinuous(
      si.cubicMetresPerSecond(4),
      si.kilogramsPerCubicMetre(2.4),
      si.kilogramsPerCubicMetre(1.2),
      si.metresPerSecond(1),
    );
    expect(c.value).toBeCloseTo(Math.cbrt(2 * 9.80665), 12);
    expect(c.dense).toBe(true);
    // A slightly heavy gas in a strong wind is passive.
    const weak = denseGasCriterionContinuous(
      si.cubicMetresPerSecond(0.01),
      si.kilogramsPerCubicMetre(1.25),
      si.kilogramsPerCubicMetre(1.2),
      si.metresPerSecond(10),
    );
    expect(weak.value).toBeLessThan(0.15);
    expect(weak.dense).toBe(false);
  });

  it('instantaneous: √(g0·V0^(1/3))/u against 0.2; lighter than air is never dense', () => {
    const c = denseGasCriterionInstantaneous(
      si.cubicMetres(1000),
      si.kilogramsPerCubicMetre(2.4),
      si.kilogramsPerCubicMetre(1.2),
      si.metresPerSecond(5),
    );
    expect(c.value).toBeCloseTo(Math.sqrt(9.80665 * 10) / 5, 12);
    expect(c.dense).toBe(true);
    const light = denseGasCriterionInstantaneous(
      si.cubicMetres(1000),
      si.kilogramsPerCubicMetre(0.7),
      si.kilogramsPerCubicMetre(1.2),
      si.metresPerSecond(5),
    );
    expect(light).toEqual({ value: 0, threshold: 0.2, dense: false });
  });
});
