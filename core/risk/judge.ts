import type { RiskEvent, WindStatistics } from './events.ts';
import { individualRiskAt, type Contribution, type PointRisk } from './individual.ts';
import { distanceToPolygon, type Point, type Polygon } from './geometry.ts';
import type { RiskContour } from './contours.ts';

export type Status = 'existing' | 'new';

/** A protection target reduced to the points that stand for its area (vertices and interior lattice points). */
export interface TargetSamples {
  id: string;
  category: string;
  points: readonly Point[];
}

/**
 * How new installations are judged (spec/project-format.md, `settings.newInstallationRule`): `total` — the whole
 * enterprise's risk against the new-installation values (default, conservative); `increment` — only the new
 * installations' contribution against them.
 */
export type NewInstallationRule = 'total' | 'increment';

/** One comparison of a target's risk with one GB 36894 threshold. */
export interface TargetCheck {
  status: Status;
  /** Which risk was compared: the enterprise total, or the new installations' increment. */
  basis: 'total' | 'increment';
  /** Maximum of that risk over the target's points, per year. */
  individualRisk: number;
  /** Where the maximum occurs, site coordinates. */
  at: Point;
  /** GB 36894-2018 Table 1 threshold for the category and status, per year. */
  threshold: number;
  ratio: number;
  complies: boolean;
}

export interface TargetJudgement {
  id: string;
  category: string;
  /** Maximum total individual risk over the target's points, per year. */
  maxRisk: number;
  /** Where the maximum total risk occurs. */
  at: Point;
  /** Every check made: existing values always; new values too when any installation is new. */
  checks: TargetCheck[];
  /** The check with the largest ratio. */
  governing: TargetCheck;
  complies: boolean;
  /** Contributors at the point of maximum total risk, largest first. */
  contributors: Contribution[];
}

interface SampledRisk {
  at: Point;
  total: number;
  /** Risk from the new installations only. */
  increment: number;
  byInstallation: Map<string, number>;
  contributors: Contribution[];
}

/**
 * Individual risk at a point with its contributors; by default `individualRiskAt` on the events. A caller
 * that kept the events' risks at the points (core/qra's judge cache) passes its own, giving the same numbers.
 */
export type PointRiskSource = (p: Point) => PointRisk;

function sampleRisk(
  riskAt: PointRiskSource,
  p: Point,
  statusOf: (installationId: string) => Status,
): SampledRisk {
  const r = riskAt(p);
  const byInstallation = new Map<string, number>();
  for (const c of r.contributors)
    byInstallation.set(c.installationId, (byInstallation.get(c.installationId) ?? 0) + c.risk);
  let increment = 0;
  for (const [id, risk] of byInstallation) if (statusOf(id) === 'new') increment += risk;
  return { at: p, total: r.risk, increment, byInstallation, contributors: r.contributors };
}

function checksFor(
  samples: readonly SampledRisk[],
  category: string,
  threshold: (category: string, status: Status) => number,
  anyNew: boolean,
  rule: NewInstallationRule,
): TargetCheck[] {
  const check = (status: Status, basis: 'total' | 'increment'): TargetCheck => {
    let best = samples[0]!;
    for (const s of samples) if (s[basis] > best[basis]) best = s;
    const limit = threshold(category, status);
    const risk = best[basis];
    return {
      status,
      basis,
      individualRisk: risk,
      at: best.at,
      threshold: limit,
      ratio: risk / limit,
      complies: risk <= limit,
    };
  };
  const checks = [check('existing', 'total')];
  if (anyNew) checks.push(check('new', rule));
  return checks;
}

/**
 * Judges each protection target by its maximum individual risk over its area against the GB 36894-2018
 * Table 1 thresholds for its category (spec/standards.md A §1.3): the existing-installation values always,
 * and the new-installation values too when any installation is new, by `rule` (spec/project-format.md).
 * Risk is evaluated directly at the target's points, not read off the grid.
 * @param threshold threshold per year for a category and status (from the rule set)
 * @param statusOf installation id → status
 * @param riskAt the risk at a point; default `individualRiskAt(events, wind, x, y)`
 */
export function judgeTargets(
  events: readonly RiskEvent[],
  wind: WindStatistics,
  targets: readonly TargetSamples[],
  threshold: (category: string, status: Status) => number,
  statusOf: (installationId: string) => Status,
  anyNew: boolean,
  rule: NewInstallationRule = 'total',
  riskAt: PointRiskSource = (p) => individualRiskAt(events, wind, p[0], p[1]),
): TargetJudgement[] {
  return targets.map((t) => {
    const points = t.points.length ? t.points : [[0, 0] as Point];
    const samples = points.map((p) => sampleRisk(riskAt, p, statusOf));
    let worst = samples[0]!;
    for (const s of samples) if (s.total > worst.total) worst = s;
    const checks = checksFor(samples, t.category, threshold, anyNew, rule);
    const governing = checks.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return {
      id: t.id,
      category: t.category,
      maxRisk: worst.total,
      at: worst.at,
      checks,
      governing,
      complies: checks.every((c) => c.complies),
      contributors: worst.contributors,
    };
  });
}

export interface InstallationJudgement {
  installationId: string;
  complies: boolean;
  /** Targets that fail a check with risk from this installation. */
  failingTargets: string[];
  /**
   * Factor by which this installation's risk must fall (all its frequencies divided by it) for every target
   * to comply, the other installations unchanged; Infinity when the others alone already exceed a threshold;
   * 1 when it complies.
   */
  requiredReduction: number;
}

/**
 * Verdict per installation: it fails when it contributes to a target check that fails. Its required
 * risk-reduction factor is exact for uniform frequency reductions, because individual risk is linear in each
 * installation's frequencies: at each exceeding point with compared risk R, own part c and threshold T,
 * k = c / (T − (R − c)), or ∞ when T ≤ R − c; the factor is the largest k over the targets' points and checks.
 * @param riskAt the risk at a point; default `individualRiskAt(events, wind, x, y)`
 */
export function judgeInstallations(
  installationIds: readonly string[],
  events: readonly RiskEvent[],
  wind: WindStatistics,
  targets: readonly TargetSamples[],
  judgements: readonly TargetJudgement[],
  statusOf: (installationId: string) => Status,
  riskAt: PointRiskSource = (p) => individualRiskAt(events, wind, p[0], p[1]),
): InstallationJudgement[] {
  const factor = new Map<string, number>(installationIds.map((id) => [id, 1]));
  const failing = new Map<string, Set<string>>(installationIds.map((id) => [id, new Set()]));
  targets.forEach((t, index) => {
    const judgement = judgements[index]!;
    if (judgement.complies) return;
    for (const p of t.points) {
      const s = sampleRisk(riskAt, p, statusOf);
      for (const check of judgement.checks) {
        const risk = s[check.basis];
        if (risk <= check.threshold) continue;
        for (const [id, c] of s.byInstallation) {
          if (check.basis === 'increment' && statusOf(id) !== 'new') continue;
          failing.get(id)?.add(t.id);
          const rest = risk - c;
          const k = check.threshold > rest ? c / (check.threshold - rest) : Infinity;
          factor.set(id, Math.max(factor.get(id) ?? 1, k));
        }
      }
    }
  });
  return installationIds.map((id) => {
    const targetsFailed = [...(failing.get(id) ?? [])].sort();
    return {
      installationId: id,
      complies: targetsFailed.length === 0,
      failingTargets: targetsFailed,
      requiredReduction: factor.get(id) ?? 1,
    };
  });
}

export interface SafetyDistance {
  level: number;
  /** Largest distance from the nearest installation (its outline, or its position) to the contour, m. */
  distance: number;
}

/**
 * External safety distance read off a contour (GB/T 37243-2019 §6.8 as recalled in spec/standards.md B §4.3):
 * the largest distance from the installations to the contour line, measured from the nearest installation's
 * outline (or position when it has none). 0 when the level is not reached.
 */
export function contourReach(
  contour: RiskContour,
  installations: readonly (Polygon | Point)[],
): SafetyDistance {
  let distance = 0;
  for (const polygon of contour.polygons) {
    for (const ring of polygon) {
      for (const v of ring) {
        const x = v[0]!;
        const y = v[1]!;
        let nearest = Infinity;
        for (const shape of installations) {
          const d = isPoint(shape) ? Math.hypot(x - shape[0], y - shape[1]) : distanceToPolygon(x, y, shape);
          nearest = Math.min(nearest, d);
        }
        distance = Math.max(distance, nearest);
      }
    }
  }
  return { level: contour.level, distance };
}

function isPoint(shape: Polygon | Point): shape is Point {
  return typeof shape[0] === 'number';
}
