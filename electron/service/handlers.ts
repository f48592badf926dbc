import { z } from 'zod';
import { formatIssue } from '../../data/schema/quantity.ts';
import {
  LIMITS,
  type ApiMethod,
  type ApiResult,
  type AppInfo,
  type RuleSetSummary,
  type SafeDistApi,
  type SubstanceDetail,
  type SubstanceSummary,
} from '../../shared/contract.ts';
import type { Substance } from '../../core/substance/index.ts';
import { prepareAssessment } from './assessment.ts';
import {
  noInput,
  parseInput,
  prepareAssessmentRequest,
  substanceRequest,
  substanceSearchRequest,
} from './schemas.ts';

/**
 * The API's handlers as plain functions `(input: unknown) => Promise<result>`: they parse their input with
 * the zod schemas, then call data/. No Electron here, so the main process, the web server and the unit tests
 * all run the same code.
 */
export type Handler<M extends ApiMethod> = (input: unknown) => ReturnType<SafeDistApi[M]>;
export type Handlers<M extends ApiMethod = ApiMethod> = { [K in M]: Handler<K> };
/** Any handler, as the transports see it: the payload in, some serialisable value out. */
export type AnyHandler = (input: unknown) => Promise<unknown>;

/**
 * The methods both transports serve from here; opening and saving projects, recent projects and printing a
 * report depend on the transport.
 */
export const SHARED_METHODS = [
  'getAppInfo',
  'searchSubstances',
  'getSubstance',
  'listRuleSets',
  'prepareAssessment',
] as const satisfies ApiMethod[];
export type SharedMethod = (typeof SHARED_METHODS)[number];

/** Rule-set documents, `.sdp` conversion and the session autosave (documents.ts), also on both transports. */
export const DOCUMENT_METHODS = [
  'getRuleSet',
  'readSdp',
  'writeSdp',
  'readAutosave',
  'writeAutosave',
  'discardAutosave',
] as const satisfies ApiMethod[];
export type DocumentMethod = (typeof DOCUMENT_METHODS)[number];

/** Everything the service answers the same way in the desktop app and in web mode. */
export const SERVICE_METHODS = [...SHARED_METHODS, ...DOCUMENT_METHODS] as const;
export type ServiceMethod = SharedMethod | DocumentMethod;

/** An error whose message is meant for the user (unknown id, cancelled write…), as opposed to a bug. */
export class ApiError extends Error {
  override name = 'ApiError';
}

/** The substance library as the API needs it (adapter over data/substances: substance-catalogue.ts). */
export interface SubstanceCatalogue {
  /** Entries matching `query` (see SubstanceSearchRequest), in library order, at most `limit`. */
  search(query: string, limit: number): SubstanceSummary[];
  get(id: string): SubstanceDetail | undefined;
}

export interface ServiceDeps {
  appInfo: AppInfo;
  substances: SubstanceCatalogue;
  /** data/rules listRuleSets in the app; injected so tests can use their own. */
  listRuleSets(): RuleSetSummary[];
  /** The full library record of a substance id, for the engine (undefined when unknown). */
  substanceRecord(id: string): Substance | undefined;
}

export function createSharedHandlers(deps: ServiceDeps): Handlers<SharedMethod> {
  return {
    getAppInfo: async (input) => {
      parseInput(noInput, input);
      return deps.appInfo;
    },
    searchSubstances: async (input) => {
      const { query, limit } = parseInput(substanceSearchRequest, input);
      return deps.substances.search(query.trim(), limit ?? LIMITS.searchResults);
    },
    getSubstance: async (input) => {
      const { id } = parseInput(substanceRequest, input);
      const substance = deps.substances.get(id);
      if (!substance) throw new ApiError(`unknown substance id '${id}'`);
      return substance;
    },
    listRuleSets: async (input) => {
      parseInput(noInput, input);
      return deps.listRuleSets();
    },
    prepareAssessment: async (input) =>
      prepareAssessment(
        parseInput(prepareAssessmentRequest, input),
        deps.substanceRecord,
        deps.appInfo.version,
      ),
  };
}

/** One line for the first issue; formatIssue names fields, the payload as a whole is called 'input'. */
function describeInvalidInput(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue && issue.path.length === 0 && issue.code !== 'unrecognized_keys')
    return `input: ${issue.message.replace(/^Invalid input: /, '')}`;
  return formatIssue(error);
}

/**
 * Runs a handler and turns the outcome into the envelope that crosses IPC/HTTP. Validation and user errors
 * keep their message; anything else is a defect: logged in full here, reported as "internal error: …".
 */
export async function toResult<T>(run: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, error: describeInvalidInput(error) };
    if (error instanceof ApiError) return { ok: false, error: error.message };
    console.error(error);
    return { ok: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
