export { buildReportHtml, reasonText, userDefinedScenarioRows } from './html.ts';
export {
  REPORT_LANGS,
  type ReportInput,
  type ReportLang,
  type ReportScenario,
  type ScenarioFrequencySource,
} from './types.ts';
