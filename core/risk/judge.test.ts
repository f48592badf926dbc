import { describe, expect, it } from 'vitest';
import { testEvent, UNIFORM_WIND } from './test-events.ts';
import { circularZonesFootprint } from './footprint.ts';
import { contourReach, judgeInstallations, judgeTargets, type Status } from './judge.ts';

const wind = UNIFORM_WIND;
const zoneEvent = (installationId: string, source: [number, number], radius: number, frequency: number) =>
  testEvent(circularZonesFootprint([{ radius, lethality: 1 }]), frequency, { installationId, source });
// GB 36894-2018 Table 1 (spec/standards.md A §1.3), per year.
const TABLE_1: Record<string, Record<Status, number>> = {
  'high-sensitivity': { new: 3e-7, existing: 3e-6 },
  'general-2': { new: 3e-6, existing: 1e-5 },
};
const threshold = (category: string, status: Status) => TABLE_1[category]![status];

describe('target and installation verdicts on analytic projects', () => {
  const a = zoneEvent('A', [0, 0], 100, 1e-5);
  const b = zoneEvent('B', [120, 0], 100, 2e-6);
  const targets = [
    { id: 'school', category: 'high-sensitivity', points: [[50, 0] as const, [60, 0] as const] },
    { id: 'houses', category: 'general-2', points: [[-50, 0] as const] },
  ];

  it('compares the maximum risk over the target with its Table 1 threshold', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, () => 'existing', false);
    // School: both installations reach it: 1e-5 + 2e-6 = 1.2e-5 against 3e-6 (existing, high-sensitivity).
    expect(j[0]!.maxRisk).toBeCloseTo(1.2e-5, 18);
    expect(j[0]!.governing.ratio).toBeCloseTo(4, 12);
    expect(j[0]!.checks).toHaveLength(1);
    expect(j[0]!.complies).toBe(false);
    // Houses: only A, 1e-5 against 1e-5 (existing, general-2): equal complies ("≤", GB 36894 Table 1).
    expect(j[1]!.maxRisk).toBeCloseTo(1e-5, 18);
    expect(j[1]!.complies).toBe(true);
  });

  const newB = (id: string): Status => (id === 'B' ? 'new' : 'existing');

  it('also judges against the new values when an installation is new: whole enterprise (rule "total")', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, newB, true, 'total');
    expect(j[1]!.checks.map((c) => [c.status, c.basis, c.threshold])).toEqual([
      ['existing', 'total', 1e-5],
      ['new', 'total', 3e-6],
    ]);
    // Houses: 1e-5 from A alone passes the existing value but not the new one (3e-6) under "total".
    expect(j[1]!.complies).toBe(false);
    expect(j[1]!.governing.status).toBe('new');
  });

  it('rule "increment" compares only the new installations’ contribution with the new values', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, newB, true, 'increment');
    // Houses get nothing from B (170 m > 100 m away), so the new check sees 0.
    expect(j[1]!.checks[1]!.individualRisk).toBe(0);
    expect(j[1]!.complies).toBe(true);
    // School: B adds 2e-6 against 3e-7 (new, high-sensitivity).
    expect(j[0]!.checks[1]!.individualRisk).toBeCloseTo(2e-6, 18);
    expect(j[0]!.checks[1]!.complies).toBe(false);
    const inst = judgeInstallations(['A', 'B'], [a, b], wind, targets, j, newB);
    // For B under the increment check alone: k = 2e-6 / 3e-7; the existing check (total 1.2e-5 vs 3e-6) is
    // beyond B's reach (A alone gives 1e-5 > 3e-6), so B's factor is infinite.
    expect(inst[1]!.requiredReduction).toBe(Infinity);
  });

  it('gives the exact risk-reduction factor per installation', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, () => 'existing', false);
    const inst = judgeInstallations(['A', 'B'], [a, b], wind, targets, j, () => 'existing');
    // A: k = 1e-5 / (3e-6 − 2e-6) = 10. B: the rest (1e-5) already exceeds 3e-6 → cannot comply alone.
    expect(inst[0]!.complies).toBe(false);
    expect(inst[0]!.requiredReduction).toBeCloseTo(10, 10);
    expect(inst[1]!.requiredReduction).toBe(Infinity);
    expect(inst[1]!.failingTargets).toEqual(['school']);
  });
});

describe('contour reach', () => {
  it('measures from the nearest installation outline', () => {
    const contour = {
      level: 1e-6,
      clipped: false,
      polygons: [
        [
          [
            [0, 300],
            [300, 0],
            [0, -300],
            [-300, 0],
            [0, 300],
          ],
        ],
      ],
    };
    const square = [
      [-50, -50],
      [50, -50],
      [50, 50],
      [-50, 50],
    ] as const;
    expect(contourReach(contour, [square]).distance).toBeCloseTo(250, 12);
    expect(contourReach(contour, [[0, 0]]).distance).toBeCloseTo(300, 12);
  });
});
