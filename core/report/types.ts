import type { Classification } from '../classification/index.ts';
import type { ProjectPlan } from '../plan/index.ts';
import type { Project } from '../project/types.ts';
import type { AssessmentResult } from '../qra/assess.ts';
import type { Confidence, RuleSet } from '../rules/types.ts';

export type ReportLang = 'zh-CN' | 'en';
export const REPORT_LANGS: readonly ReportLang[] = ['zh-CN', 'en'];

/**
 * Where a scenario's frequency comes from: `user` — entered in the project (user-defined scenarios, or the
 * hole-size catalogue that has no defaults); `catalogue` — the rule set's LOC catalogue; `override` — the
 * project replaced the catalogue value (its reason in `note`).
 */
export interface ScenarioFrequencySource {
  kind: 'user' | 'catalogue' | 'override';
  source: string;
  confidence?: Confidence;
  note?: string;
}

/** One row of the scenario table: a user-defined scenario or a loss of containment generated from equipment. */
export interface ReportScenario {
  id: string;
  installation: string;
  /** Equipment tag or type for a generated LOC. */
  equipment?: string;
  /** One line in the report's language, e.g. "10 mm leak, continuous" or the zones of a user scenario. */
  description: string;
  /** Frequency per year. */
  frequency: number;
  frequencySource: ScenarioFrequencySource;
}

/** Everything the report shows. core/ has no clock, so the date of issue is passed in as text. */
export interface ReportInput {
  lang: ReportLang;
  project: Project;
  result: AssessmentResult;
  classification: Classification;
  rules: RuleSet;
  inputHash: string;
  engineVersion: string;
  /**
   * The scenarios assessed. Absent: the LOC cases of each installation's equipment (the engine's catalogue
   * call) and its user-defined scenarios are listed (`projectScenarioRows`).
   */
  scenarios?: readonly ReportScenario[];
  /** Date of issue as text, e.g. "2025-03-14"; omitted from the report when absent. */
  issued?: string;
  /** The rectification-or-relocation plan (`safedist plan`, docs/plan.md); the report gets a section for it. */
  plan?: ReportPlan;
}

/** The plan as the report shows it: core/plan's result and the variant projects written beside the report. */
export interface ReportPlan {
  plan: ProjectPlan;
  variants: readonly ReportPlanVariant[];
}

/**
 * One variant project: the installation, the rank of its measure in the plan (1 = first), the file written
 * (absent: not written) and the variant's verdict.
 */
export interface ReportPlanVariant {
  installation: string;
  rank: number;
  file?: string;
  verdict: 'compliant' | 'non-compliant' | 'not-modelled';
}
