import { describe, expect, it } from 'vitest';
import type { WindStatistics } from './events.ts';
import { testEvent, UNIFORM_WIND } from './test-events.ts';
import { circularZonesFootprint, downwindZonesFootprint, type Footprint } from './footprint.ts';
import { fnCurve, judgeFn, potentialLossOfLife, societalOutcomes, type PopulationPoint } from './societal.ts';

const uniform = UNIFORM_WIND;
/** An event whose people indoors die with the `indoor` footprint (default: as outdoors). */
const event = (footprint: Footprint, frequency: number, indoor: Footprint = footprint) =>
  testEvent(footprint, frequency, { societal: { indoor, outdoor: footprint } });
const northerly: WindStatistics = { sectors: 12, byClass: { D5: [1, ...new Array(11).fill(0)] } };
const people = (x: number, y: number, day: number, night: number, indoor = 0): PopulationPoint => ({
  x,
  y,
  day,
  night,
  indoorDay: indoor,
  indoorNight: indoor,
});
// GB 36894-2018 Figure 1 lines (spec/standards.md A §1.4): unacceptable 1e-3/N, acceptable 1e-5/N.
const UNACCEPTABLE = { constant: 1e-3, slope: 1 };
const ACCEPTABLE = { constant: 1e-5, slope: 1 };

describe('societal risk on analytic projects', () => {
  const e = event(circularZonesFootprint([{ radius: 100, lethality: 1 }]), 1e-5);
  const outcomes = societalOutcomes([e], uniform, [people(50, 0, 100, 20)], 0.44);

  it('F(N) is the frequency of N or more deaths (PB eq. 6.6): day and night steps', () => {
    const curve = fnCurve(outcomes);
    expect(curve.map((p) => p.n)).toEqual([20, 100]);
    expect(curve[0]!.f).toBeCloseTo(1e-5, 20);
    expect(curve[1]!.f).toBeCloseTo(0.44e-5, 20);
  });

  it('PLL = Σ f·N = the area under the F-N curve', () => {
    const pll = potentialLossOfLife(outcomes);
    expect(pll).toBeCloseTo(1e-5 * (0.44 * 100 + 0.56 * 20), 18);
    const curve = fnCurve(outcomes);
    let area = 0;
    let previous = 0;
    for (const { n, f } of curve) {
      area += f * (n - previous);
      previous = n;
    }
    expect(area).toBeCloseTo(pll, 18);
  });

  it('judges the step corners against the GB 36894 lines', () => {
    const v = judgeFn(fnCurve(outcomes), UNACCEPTABLE, ACCEPTABLE);
    // Corner N = 100: F = 4.4e-6 → ratio 4.4e-4 / 1e-3 = 0.44 (tolerable), 44 × the acceptable line.
    expect(v.region).toBe('alarp');
    expect(v.worstRatio).toBeCloseTo(0.44, 12);
    expect(v.worstN).toBe(100);
    expect(v.worstRatioAcceptable).toBeCloseTo(44, 10);
  });

  it('indoor and outdoor fractions weight the deaths (PB eq. 6.13)', () => {
    const indoorSafe = event(
      circularZonesFootprint([{ radius: 100, lethality: 1 }]),
      1e-5,
      circularZonesFootprint([{ radius: 100, lethality: 0.1 }]),
    );
    const o = societalOutcomes([indoorSafe], uniform, [people(0, 50, 100, 100, 0.9)], 0.5);
    expect(o[0]!.deaths).toBeCloseTo(100 * (0.9 * 0.1 + 0.1 * 1), 12);
  });

  it('turns a downwind zone with the wind: a northerly wind kills south of the source only', () => {
    const plume = event(downwindZonesFootprint([{ length: 500, halfWidth: 30, lethality: 1 }]), 1e-5);
    const south = societalOutcomes([plume], northerly, [people(0, -200, 10, 10)], 0.44);
    expect(south.reduce((s, o) => s + o.frequency, 0)).toBeCloseTo(1e-5, 20);
    expect(societalOutcomes([plume], northerly, [people(0, 200, 10, 10)], 0.44)).toEqual([]);
    expect(societalOutcomes([plume], northerly, [people(-141, -141, 10, 10)], 0.44)).toEqual([]);
  });

  it('is unacceptable above 1e-3/N', () => {
    const big = event(circularZonesFootprint([{ radius: 100, lethality: 1 }]), 1e-4);
    const v = judgeFn(
      fnCurve(societalOutcomes([big], uniform, [people(0, 0, 50, 50)], 0.44)),
      UNACCEPTABLE,
      ACCEPTABLE,
    );
    expect(v.region).toBe('unacceptable');
    expect(v.worstRatio).toBeCloseTo((1e-4 * 50) / 1e-3, 10);
  });
});
