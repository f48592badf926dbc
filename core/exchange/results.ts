import type { Project } from '../project/types.ts';
import type { AssessmentResult } from '../qra/assess.ts';
import { dxfLayerName } from './dxf.ts';
import { sceneOf, type SceneFeature } from './scene.ts';

/**
 * The results of an assessment as a scene for the exchange writers: the project's places (sceneOf) with the
 * individual-risk contours of the result, and on each feature what the assessment found there.
 * - contour: its level (/yr), its reach from the installations (`maxDistance`, m), whether the grid edge cuts
 *   it, and the external safety distances it draws (`esd`: "target class/installation status" pairs whose
 *   GB 36894 Table 1 criterion is that level);
 * - target: its maximum individual risk (/yr), the criterion, their ratio and `verdict` pass|fail, the main
 *   contributors; CAD layer `TARGETS_<CLASS>_PASS|FAIL`, so a drawing shows the verdict by layer;
 * - installation: its verdict and the risk-reduction factor it needs (GB 36894 judged per installation).
 * Unassessed targets or installations (not in the result) keep the project's properties only.
 */
export function resultScene(project: Project, result: AssessmentResult): SceneFeature[] {
  const esdByLevel = new Map<number, string[]>();
  for (const row of result.externalSafetyDistance) {
    const list = esdByLevel.get(row.threshold) ?? [];
    list.push(`${row.targetClass}/${row.installationStatus}`);
    esdByLevel.set(row.threshold, list);
  }
  const contourOf = new Map(result.contours.map((c) => [c.level, c]));
  const targetOf = new Map(result.targets.map((t) => [t.id, t]));
  const installationOf = new Map(result.installations.map((i) => [i.id, i]));
  return sceneOf(project, result.contours).map((f): SceneFeature => {
    if (f.kind === 'contour') {
      const level = f.properties.level as number;
      const esd = esdByLevel.get(level);
      return {
        ...f,
        properties: {
          ...f.properties,
          clipped: contourOf.get(level)?.clipped ? 'yes' : 'no',
          ...(esd ? { esd: esd.join(', ') } : {}),
        },
      };
    }
    if (f.kind === 'target') {
      const t = targetOf.get(f.id);
      if (!t) return f;
      const verdict = t.complies ? 'pass' : 'fail';
      return {
        ...f,
        layer: dxfLayerName(`${f.layer}_${verdict}`),
        properties: {
          ...f.properties,
          individualRisk: t.individualRisk,
          threshold: t.threshold,
          ratio: t.ratio,
          verdict,
          contributors: t.contributors
            .slice(0, 3)
            .map((c) => `${c.installation}/${c.scenario} ${(100 * c.share).toFixed(0)}%`)
            .join('; '),
        },
      };
    }
    if (f.kind === 'installation') {
      const i = installationOf.get(f.id);
      if (!i) return f;
      return {
        ...f,
        properties: {
          ...f.properties,
          verdict: i.verdict,
          ...(i.requiredRiskReduction !== null ? { requiredRiskReduction: i.requiredRiskReduction } : {}),
        },
      };
    }
    return f;
  });
}
