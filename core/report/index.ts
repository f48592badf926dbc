export { buildReportHtml, reasonText, equipmentScenarioRows, projectScenarioRows } from './html.ts';
export {
  REPORT_LANGS,
  type ReportInput,
  type ReportLang,
  type ReportPlan,
  type ReportPlanVariant,
  type ReportScenario,
  type ScenarioFrequencySource,
} from './types.ts';
