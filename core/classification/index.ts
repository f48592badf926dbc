import type { Project } from '../project/types.ts';
import type { MajorHazardGradeName, Provenance, RuleSet } from '../rules/types.ts';
import type { Kilograms } from '../units/index.ts';
import { estimateExposedPeople } from './exposure.ts';
import {
  alphaFactor,
  betaFactor,
  criticalQuantity,
  majorHazardGrade,
  type SubstanceFacts,
} from './major-hazard.ts';
import type { Reason } from './reasons.ts';

export type { SubstanceFacts } from './major-hazard.ts';
export { alphaFactor, betaFactor, criticalQuantity, majorHazardGrade } from './major-hazard.ts';
export { estimateExposedPeople, shapeDistance, EXPOSURE_DISTANCE } from './exposure.ts';
export { describeReason, REASON_TEMPLATES, type Reason, type ReasonKey } from './reasons.ts';

/** The assessment method of GB/T 37243-2019 §4. */
export type AssessmentMethod = 'qra' | 'consequence' | 'code-distance';

/** One substance of a unit: its q, Q, q/Q and β. */
export interface SubstanceShare {
  substance: string;
  /** Design maximum quantity in the unit (sum over its installations), kg. */
  quantity: Kilograms;
  /** GB 18218 critical quantity, kg; absent when the substance is outside the standard. */
  criticalQuantity?: Kilograms;
  criticalQuantitySource?: Provenance;
  /** q/Q; 0 outside the standard. */
  ratio: number;
  beta: number;
  betaSource: Provenance;
  toxicGas: boolean;
  flammableGas: boolean;
  explosive: boolean;
}

/** A GB 18218 unit (生产单元 / 储存单元): one or more installations sharing `unit`. */
export interface UnitClassification {
  id: string;
  installations: string[];
  substances: SubstanceShare[];
  /** S = Σ q/Q over all substances (GB 18218 §4.2). */
  sumQOverQ: number;
  majorHazard: boolean;
  /** Σ q/Q over the substances the method test counts (rule set `methodSelection.sumScope`). */
  methodSumQOverQ: number;
  /** R = α·Σ β·q/Q (GB 18218 §4.3). */
  R: number;
  /** Grade of R; only for a major hazard. */
  grade?: MajorHazardGradeName;
  method: AssessmentMethod;
  reasons: Reason[];
}

export interface Classification {
  units: UnitClassification[];
  /** The method for the enterprise: QRA when any unit needs it, else consequence, else code distances. */
  method: AssessmentMethod;
  /** Every method some unit needs, in that order of precedence. */
  methods: AssessmentMethod[];
  alpha: { value: number; people: number; estimated: boolean; provenance: Provenance };
  /** The highest-graded major-hazard unit; absent when no unit is a major hazard. */
  majorHazardGrade?: { unit: string; R: number; grade: MajorHazardGradeName };
  reasons: Reason[];
}

/** The parts of a rule set classification reads. */
export type ClassificationRules = Pick<RuleSet, 'majorHazard' | 'methodSelection'>;

const PRECEDENCE: readonly AssessmentMethod[] = ['qra', 'consequence', 'code-distance'];

/**
 * Classifies a project (DESIGN.md step 1; spec/standards.md A §2.2, A §5, B §5):
 * per GB 18218 unit, S = Σq/Q with design maximum quantities and Q from Tables 1–2, the major-hazard test
 * S ≥ 1, R = α·Σβ·q/Q and its grade 一级–四级; then the GB/T 37243 §4 method per unit — explosives →
 * consequence method; toxic or flammable gas with Σq/Q ≥ 1 → QRA (and, per the rule set, the whole
 * enterprise with it); otherwise the distances of the design codes. Every step leaves a reason.
 * @param substanceOf the facts of a substance id; every installation's substance must be known
 * @throws RangeError naming the installation when its substance is unknown
 */
export function classifyProject(
  project: Project,
  rules: ClassificationRules,
  substanceOf: (id: string) => SubstanceFacts | undefined,
): Classification {
  const mh = rules.majorHazard;
  const ms = rules.methodSelection;
  const alpha = enterpriseAlpha(project, rules);

  const byUnit = new Map<string, Project['installations'][number][]>();
  for (const inst of project.installations) byUnit.set(inst.unit, [...(byUnit.get(inst.unit) ?? []), inst]);

  const units = [...byUnit].map(([unitId, installations]): UnitClassification => {
    const reasons: Reason[] = [];
    const quantities = new Map<string, number>();
    for (const inst of installations)
      quantities.set(inst.substance, (quantities.get(inst.substance) ?? 0) + inst.inventory);
    const substances = [...quantities].map(([id, q]): SubstanceShare => {
      const facts = substanceOf(id);
      if (!facts) throw new RangeError(`substance: unknown substance '${id}' in unit '${unitId}'`);
      const Q = criticalQuantity(mh, facts);
      const beta = betaFactor(mh, facts);
      reasons.push(...Q.reasons);
      if (Q.value !== undefined) reasons.push(beta.reason);
      return {
        substance: id,
        quantity: q as Kilograms,
        ...(Q.value !== undefined ? { criticalQuantity: Q.value, criticalQuantitySource: Q.provenance } : {}),
        ratio: Q.value === undefined ? 0 : q / Q.value,
        beta: beta.value,
        betaSource: beta.provenance,
        toxicGas: facts.hazards.includes('toxic_gas'),
        flammableGas: facts.hazards.includes('flammable_gas'),
        explosive: facts.hazards.includes('explosive'),
      };
    });
    const sumQOverQ = sum(substances.map((s) => s.ratio));
    const threshold = mh.identificationThreshold.value;
    const majorHazard = sumQOverQ >= threshold;
    reasons.push({
      key: majorHazard ? 'unit.major-hazard' : 'unit.not-major-hazard',
      params: { sum: sumQOverQ, threshold },
    });
    const R = alpha.value * sum(substances.map((s) => s.beta * s.ratio));

    const gases = substances.filter((s) => s.toxicGas || s.flammableGas);
    const counted = ms.sumScope.value === 'all-substances' ? substances : gases;
    const methodSumQOverQ = sum(counted.map((s) => s.ratio));
    const explosives = substances.filter((s) => s.explosive);
    let method: AssessmentMethod;
    if (explosives.length > 0) {
      method = 'consequence';
      reasons.push({ key: 'method.consequence', params: { substances: names(explosives) } });
    } else if (gases.length > 0 && methodSumQOverQ >= ms.qraThreshold.value) {
      method = 'qra';
      reasons.push({
        key: 'method.qra',
        params: { sum: methodSumQOverQ, threshold: ms.qraThreshold.value, substances: names(gases) },
      });
    } else {
      method = 'code-distance';
      reasons.push({
        key: 'method.code-distance',
        params: { sum: methodSumQOverQ, threshold: ms.qraThreshold.value },
      });
    }
    return {
      id: unitId,
      installations: installations.map((i) => i.id),
      substances,
      sumQOverQ,
      majorHazard,
      methodSumQOverQ,
      R,
      ...(majorHazard ? { grade: majorHazardGrade(mh, R) } : {}),
      method,
      reasons,
    };
  });

  const methods = PRECEDENCE.filter((m) => units.some((u) => u.method === m));
  const reasons: Reason[] = [alpha.reason];
  const qraUnits = units.filter((u) => u.method === 'qra').map((u) => u.id);
  if (qraUnits.length > 0 && ms.wholeEnterprise.value)
    reasons.push({ key: 'enterprise.whole-qra', params: { units: qraUnits.join(', ') } });
  const worst = units
    .filter((u) => u.majorHazard)
    .reduce<UnitClassification | undefined>((best, u) => (!best || u.R > best.R ? u : best), undefined);
  return {
    units,
    method: methods[0] ?? 'code-distance',
    methods,
    alpha: {
      value: alpha.value,
      people: alpha.people,
      estimated: alpha.estimated,
      provenance: alpha.provenance,
    },
    ...(worst?.grade ? { majorHazardGrade: { unit: worst.id, R: worst.R, grade: worst.grade } } : {}),
    reasons,
  };
}

function enterpriseAlpha(
  project: Project,
  rules: ClassificationRules,
): { value: number; provenance: Provenance; people: number; estimated: boolean; reason: Reason } {
  const entered = project.site.residentsWithin500m;
  if (entered !== undefined) {
    const a = alphaFactor(rules.majorHazard, entered);
    return {
      ...a,
      people: entered,
      estimated: false,
      reason: { key: 'alpha.entered', params: { alpha: a.value, people: entered } },
    };
  }
  const estimate = estimateExposedPeople(project);
  const a = alphaFactor(rules.majorHazard, estimate.people);
  return {
    ...a,
    people: estimate.people,
    estimated: true,
    reason: {
      key: 'alpha.estimated',
      params: { alpha: a.value, people: estimate.people, reference: estimate.reference },
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function names(shares: readonly SubstanceShare[]): string {
  return shares.map((s) => s.substance).join(', ');
}
