/**
 * The SafeDist application API: the one surface the renderer uses to reach the rest of the app.
 *
 * In the desktop app the preload exposes it as `window.safedist` over Electron IPC; in web mode the renderer
 * builds the same object over HTTP (`POST /api/<channel>`, e.g. `/api/substances:search`). Both sides validate every payload (zod schemas
 * in electron/service/schemas.ts) and answer with an {@link ApiResult} envelope, which the preload and the
 * web client unwrap into a value or a thrown `Error` whose message the user can act on.
 *
 * Types and constants only: this file is imported by the preload (bundled into one CommonJS file with no
 * imports but `electron`), by the main process, by the web server and by the renderer. It lives outside
 * electron/ because the renderer may not import from there (eslint.config.js layering). The engine's plain
 * data types come from core/ as type-only imports, which vanish at build time.
 */
import type { Classification } from '../core/classification/index.ts';
import type { Project } from '../core/project/types.ts';
import type { RuleSet } from '../core/rules/types.ts';
import type { Substance } from '../core/substance/index.ts';

/** IPC channel names, one per API method. Adding one is a reviewed change: see electron/preload/index.test.ts. */
export const CHANNELS = {
  getAppInfo: 'app:info',
  searchSubstances: 'substances:search',
  getSubstance: 'substances:get',
  openProject: 'project:open',
  saveProject: 'project:save',
  listRuleSets: 'rules:list',
  prepareAssessment: 'assessment:prepare',
  exportReportPdf: 'report:pdf',
  getRuleSet: 'rules:get',
  readSdp: 'project:read-sdp',
  writeSdp: 'project:write-sdp',
  listRecentProjects: 'recent:list',
  openRecentProject: 'recent:open',
  readAutosave: 'autosave:read',
  writeAutosave: 'autosave:write',
  discardAutosave: 'autosave:discard',
} as const;

export type ApiMethod = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ApiMethod];

export const APP_NAME = 'SafeDist';

/** Where the renderer is running: inside the Electron shell or in a browser against the local web server. */
export type AppMode = 'electron' | 'web';

export interface AppInfo {
  name: string;
  /** The application version (package.json `version`). */
  version: string;
  mode: AppMode;
  /** Runtime versions worth quoting in a bug report; absent where they do not apply (web mode has no Electron). */
  versions: { node: string; electron?: string; chrome?: string };
}

/** Limits shared by both transports, so the renderer can tell the user before the server refuses. */
export const LIMITS = {
  /** Longest accepted search string, in UTF-16 code units. */
  searchQueryLength: 100,
  /** Most results one search returns. */
  searchResults: 200,
  /** Largest project JSON text accepted for open or save, in bytes (UTF-8). */
  projectBytes: 20 * 1024 * 1024,
  /** Longest file name accepted when saving. */
  fileNameLength: 200,
  /** Largest report HTML accepted for printing, in bytes (UTF-8). */
  reportBytes: 50 * 1024 * 1024,
  /** Most entries in the recent-projects list. */
  recentProjects: 10,
} as const;

/**
 * File names of the SQLite project store (data/store, docs/project-files.md); every other project file is the
 * JSON text (spec/project-format.md).
 */
export const SDP_FILE_NAME = /\.sdp$/i;

export interface SubstanceSearchRequest {
  /** Matched case-insensitively against id, Chinese and English names, CAS number and formula; '' lists all. */
  query: string;
  /** At most this many results (1 … LIMITS.searchResults; default LIMITS.searchResults). */
  limit?: number;
}

/** One library entry as listed in search results. */
export interface SubstanceSummary {
  id: string;
  nameZh: string;
  nameEn: string;
  cas: string;
  formula: string;
  /** Hazard flags from the library, e.g. 'toxic_gas', 'flammable_gas'. */
  hazards: string[];
}

export interface SubstanceRequest {
  id: string;
}

/** Scalar substance properties the API reports, in SI (the library's Substance fields of the same name). */
export const SUBSTANCE_PROPERTY_KEYS = [
  'molarMass',
  'normalBoilingPoint',
  'meltingPoint',
  'criticalTemperature',
  'criticalPressure',
  'acentricFactor',
  'liquidDensity',
  'liquidHeatCapacity',
  'gasHeatCapacity',
  'gamma',
  'heatOfVaporization',
  'heatOfCombustion',
  'lowerFlammabilityLimit',
  'upperFlammabilityLimit',
  'flashPoint',
  'autoignitionTemperature',
] as const;
export type SubstancePropertyKey = (typeof SUBSTANCE_PROPERTY_KEYS)[number];

/** One property value with its SI unit and the source keys the library cites for it. */
export interface SubstanceProperty {
  key: SubstancePropertyKey;
  value: number;
  /** SI unit symbol ('' for dimensionless, 'mol/mol' for volume fractions). */
  unit: string;
  sources: string[];
}

export interface SubstanceDetail extends SubstanceSummary {
  aliases: string[];
  /** The properties that have a value, in SUBSTANCE_PROPERTY_KEYS order; absent ones are left out, never zero. */
  properties: SubstanceProperty[];
  /** GB 18218-2018 critical quantity in kg, when the substance falls under the standard. */
  gb18218CriticalQuantity?: number;
  /** Source keys for the whole record, with what each stands for. */
  sources: { key: string; source: string }[];
  notes: string;
}

/**
 * A project file as text; the renderer parses it (project format: spec/project-format.md). A `.sdp` file is
 * read by the main process (or the web server) and arrives as the project JSON it holds.
 */
export interface ProjectFile {
  /** The file's name without directory (the full path stays in the main process). */
  fileName: string;
  text: string;
}

export interface SaveProjectRequest {
  /**
   * Suggested file name, e.g. '示例化工.safedist.json'. Its extension picks the format the dialog offers
   * first; the name the user finally chooses decides: `.sdp` writes the SQLite store, anything else the JSON.
   */
  fileName: string;
  text: string;
}

/** The bytes of a `.sdp` file the renderer holds (dropped on the window, picked in the browser). */
export interface ReadSdpRequest {
  fileName: string;
  /** The file's bytes, base64 (RFC 4648 §4), so the same payload crosses IPC and JSON over HTTP. */
  base64: string;
}

/** A project to write as a `.sdp` file whose bytes go back to the renderer (web mode saves by download). */
export interface WriteSdpRequest {
  /** Named in validation errors, e.g. '示例化工.sdp'. */
  fileName: string;
  text: string;
}

export interface SdpBytes {
  /** The `.sdp` file, base64. */
  base64: string;
}

/**
 * A project recently opened or saved. In the desktop app the main process keeps the paths and the renderer
 * sees an opaque id; in web mode the browser keeps a copy of the text it last opened or saved (localStorage).
 */
export interface RecentProject {
  id: string;
  fileName: string;
  /** ISO 8601 time it was last opened or saved. */
  at: string;
}

export interface RecentProjectRequest {
  id: string;
}

/**
 * Unsaved edits kept by the app so that a crash loses nothing: written a few seconds after each change,
 * removed on save or when the user discards them, offered for recovery at the next start. The desktop app
 * and the web server keep them in the user's data folder (data/store writeAutosave: an atomic write).
 */
export interface AutosaveRequest {
  /** The edited project JSON, possibly not yet valid (work in progress). */
  text: string;
}

export interface AutosaveRecord {
  text: string;
  /** ISO 8601 time of the autosave. */
  at: string;
}

/** Which rule set to read: `id` and `version` as listRuleSets gives them. */
export interface RuleSetRequest {
  id: string;
  version: number;
}

/**
 * A built-in rule set as its file says it (data/rules/<id>.v<version>.json): every value with the unit the
 * authors wrote, its source and confidence mark. The renderer shows it; the engine gets the parsed RuleSet.
 */
export interface RuleSetDocument extends RuleSetSummary {
  description: string;
  /** The file's JSON: groups of values, each `{ value | constant…, source, confidence, note? }`. */
  document: Record<string, unknown>;
}

export interface SaveProjectResult {
  /** The name the file was saved under, or null when the user cancelled. */
  fileName: string | null;
}

/** A rule set the engine can apply (spec/standards.md: rule tables are versioned data). */
export interface RuleSetSummary {
  id: string;
  version: number;
  title: string;
}

/** A project to compute: its text as the editor holds it (spec/project-format.md). */
export interface PrepareAssessmentRequest {
  /** Named in every error, e.g. 'plant.safedist.json' or the project name. */
  fileName: string;
  text: string;
}

/**
 * What the renderer's engine workers need to compute a project, read and checked by data/ in the main process
 * (or the web server): plain, structured-clonable data in SI, so core/ can run on it in a Web Worker.
 */
export interface PreparedAssessment {
  /** The project in the engine's SI types, rule-set defaults filled in. */
  project: Project;
  /** The rule set the project names (or the built-in default). */
  rules: RuleSet;
  /** The library records of the substances the installations use. */
  substances: Substance[];
  /** GB 18218 units, Σq/Q, grade and the GB/T 37243 method, with the reasons. */
  classification: Classification;
  /** Installations judged by the consequence method for explosives (GB/T 37243 §5). */
  consequenceInstallations: string[];
  /** SHA-256 of the canonical project JSON (data/hash.ts), quoted in the report. */
  inputHash: string;
  /** The engine version stamped on results and reports. */
  engineVersion: string;
}

/** A report (core/report buildReportHtml) to print to PDF. */
export interface ReportPdfRequest {
  /** Suggested file name, e.g. '示例化工-report.pdf'. */
  fileName: string;
  /** The self-contained report HTML. */
  html: string;
}

/** The object the renderer sees as `window.safedist`. Every method rejects with an Error on bad input. */
export interface SafeDistApi {
  getAppInfo(): Promise<AppInfo>;
  searchSubstances(request: SubstanceSearchRequest): Promise<SubstanceSummary[]>;
  /** Rejects when no substance has this id. */
  getSubstance(request: SubstanceRequest): Promise<SubstanceDetail>;
  /** Lets the user pick a project file and returns its text, or null when the user cancelled. */
  openProject(): Promise<ProjectFile | null>;
  /** Lets the user choose where to save the text. */
  saveProject(request: SaveProjectRequest): Promise<SaveProjectResult>;
  /** The built-in rule sets, by id then version. */
  listRuleSets(): Promise<RuleSetSummary[]>;
  /** Reads and checks a project for computing; rejects naming every invalid field. */
  prepareAssessment(request: PrepareAssessmentRequest): Promise<PreparedAssessment>;
  /**
   * Prints a report to PDF: Electron renders it off screen (printToPDF, A4) and lets the user choose where to
   * save it. A browser (web mode) opens its print dialog on the report (save as PDF there) and resolves with
   * fileName null, since the app itself saved nothing.
   */
  exportReportPdf(request: ReportPdfRequest): Promise<SaveProjectResult>;
  /** One built-in rule set with every value, source and confidence mark; rejects for an unknown id/version. */
  getRuleSet(request: RuleSetRequest): Promise<RuleSetDocument>;
  /** Reads the project JSON out of `.sdp` bytes; rejects naming the file when it is not a valid project store. */
  readSdp(request: ReadSdpRequest): Promise<ProjectFile>;
  /** Builds a `.sdp` file from a project (validated; rejects naming every invalid field). */
  writeSdp(request: WriteSdpRequest): Promise<SdpBytes>;
  /** Recently opened or saved projects, newest first. */
  listRecentProjects(): Promise<RecentProject[]>;
  /** Opens a recent project again; rejects when its file is gone. */
  openRecentProject(request: RecentProjectRequest): Promise<ProjectFile>;
  /** The unsaved edits left by the last session, or null. */
  readAutosave(): Promise<AutosaveRecord | null>;
  writeAutosave(request: AutosaveRequest): Promise<void>;
  /** Removes the unsaved edits (after a save, a recovery or when the user discards them). */
  discardAutosave(): Promise<void>;
}

/** What crosses IPC or HTTP: a value, or an error message naming the field and the valid range. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };
