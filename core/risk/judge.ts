import type { RiskEvent, WindStatistics } from './events.ts';
import { individualRiskAt, type Contribution } from './individual.ts';
import { distanceToPolygon, type Point, type Polygon } from './geometry.ts';
import type { RiskContour } from './contours.ts';

export type Status = 'existing' | 'new';

/** A protection target reduced to the points that stand for its area (vertices and interior lattice points). */
export interface TargetSamples {
  id: string;
  category: string;
  points: readonly Point[];
}

export interface TargetJudgement {
  id: string;
  category: string;
  /** Maximum individual risk over the target's points, per year. */
  maxRisk: number;
  /** Where the maximum occurs, site coordinates. */
  at: Point;
  /** Status whose criterion applies: `new` when any installation contributing at that point is new. */
  status: Status;
  /** GB 36894 threshold for the category and status, per year. */
  threshold: number;
  /** maxRisk / threshold. */
  ratio: number;
  complies: boolean;
  /** Contributors at the point of maximum risk, largest first. */
  contributors: Contribution[];
}

/**
 * Judges each protection target by its maximum individual risk over its area against the GB 36894-2018
 * Table 1 threshold for its category and the status of the installations that put risk on it
 * (spec/standards.md A §1.3). The risk is evaluated directly at the target's points, not read off the grid.
 * @param threshold threshold per year for a category and status (from the rule set)
 * @param statusOf installation id → status
 */
export function judgeTargets(
  events: readonly RiskEvent[],
  wind: WindStatistics,
  targets: readonly TargetSamples[],
  threshold: (category: string, status: Status) => number,
  statusOf: (installationId: string) => Status,
): TargetJudgement[] {
  return targets.map((t) => {
    let best: { risk: number; at: Point; contributors: Contribution[] } | undefined;
    for (const p of t.points) {
      const r = individualRiskAt(events, wind, p[0], p[1]);
      if (!best || r.risk > best.risk) best = { risk: r.risk, at: p, contributors: r.contributors };
    }
    const worst = best ?? { risk: 0, at: [0, 0] as Point, contributors: [] };
    const status: Status = worst.contributors.some((c) => statusOf(c.installationId) === 'new')
      ? 'new'
      : 'existing';
    const limit = threshold(t.category, status);
    return {
      id: t.id,
      category: t.category,
      maxRisk: worst.risk,
      at: worst.at,
      status,
      threshold: limit,
      ratio: worst.risk / limit,
      complies: worst.risk <= limit,
      contributors: worst.contributors,
    };
  });
}

export interface InstallationJudgement {
  installationId: string;
  complies: boolean;
  /** Targets that exceed their threshold with risk from this installation. */
  failingTargets: string[];
  /**
   * Factor by which this installation's risk must fall (all its frequencies divided by it) for every target
   * to comply, the other installations unchanged; Infinity when the others alone already exceed a threshold;
   * 1 when it complies.
   */
  requiredReduction: number;
}

/**
 * Verdict per installation: it fails when it contributes to a target that exceeds its threshold. Its required
 * risk-reduction factor is exact for uniform frequency reductions, because individual risk is linear in each
 * installation's frequencies: at each exceeding point with total R, own share c and threshold T,
 * k = c / (T − (R − c)), or ∞ when T ≤ R − c; the factor is the largest k over the targets' points.
 */
export function judgeInstallations(
  installationIds: readonly string[],
  events: readonly RiskEvent[],
  wind: WindStatistics,
  targets: readonly TargetSamples[],
  judgements: readonly TargetJudgement[],
): InstallationJudgement[] {
  const factor = new Map<string, number>(installationIds.map((id) => [id, 1]));
  const failing = new Map<string, Set<string>>(installationIds.map((id) => [id, new Set()]));
  targets.forEach((t, index) => {
    const limit = judgements[index]!.threshold;
    if (judgements[index]!.complies) return;
    for (const p of t.points) {
      const r = individualRiskAt(events, wind, p[0], p[1]);
      if (r.risk <= limit) continue;
      const own = new Map<string, number>();
      for (const c of r.contributors) own.set(c.installationId, (own.get(c.installationId) ?? 0) + c.risk);
      for (const [id, c] of own) {
        failing.get(id)?.add(t.id);
        const rest = r.risk - c;
        const k = limit > rest ? c / (limit - rest) : Infinity;
        factor.set(id, Math.max(factor.get(id) ?? 1, k));
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
