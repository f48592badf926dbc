import { describe, expect, it } from 'vitest';
import type { RiskEvent, WindStatistics } from './events.ts';
import { circularZonesFootprint } from './footprint.ts';
import { contourReach, judgeInstallations, judgeTargets, type Status } from './judge.ts';

function zoneEvent(
  installationId: string,
  source: [number, number],
  radius: number,
  frequency: number,
): RiskEvent {
  const fp = circularZonesFootprint([{ radius, lethality: 1 }]);
  return {
    installationId,
    scenarioId: 'U1',
    outcome: '0',
    effect: 'generic',
    weatherClassId: 'D5',
    source,
    frequency,
    individual: fp,
    societal: { indoor: fp, outdoor: fp },
  };
}

const wind: WindStatistics = { sectors: 12, byClass: { D5: new Array(12).fill(1 / 12) } };
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
    const j = judgeTargets([a, b], wind, targets, threshold, () => 'existing');
    // School: both installations reach it: 1e-5 + 2e-6 = 1.2e-5 against 3e-6 (existing, high-sensitivity).
    expect(j[0]!.maxRisk).toBeCloseTo(1.2e-5, 18);
    expect(j[0]!.ratio).toBeCloseTo(4, 12);
    expect(j[0]!.complies).toBe(false);
    // Houses: only A, 1e-5 against 1e-5 (existing, general-2): equal complies ("≤", GB 36894 Table 1).
    expect(j[1]!.maxRisk).toBeCloseTo(1e-5, 18);
    expect(j[1]!.complies).toBe(true);
  });

  it('applies the new-installation criteria when a new installation contributes', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, (id) => (id === 'B' ? 'new' : 'existing'));
    expect(j[0]!.status).toBe('new');
    expect(j[0]!.threshold).toBe(3e-7);
    expect(j[1]!.status).toBe('existing');
  });

  it('gives the exact risk-reduction factor per installation', () => {
    const j = judgeTargets([a, b], wind, targets, threshold, () => 'existing');
    const inst = judgeInstallations(['A', 'B'], [a, b], wind, targets, j);
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
