import { z } from 'zod';
import {
  LIMITS,
  type AutosaveRequest,
  type ReadSdpRequest,
  type RecentProjectRequest,
  type RuleSetRequest,
  type WriteSdpRequest,
  type PrepareAssessmentRequest,
  type ReportPdfRequest,
  type SaveProjectRequest,
  type SubstanceRequest,
  type SubstanceSearchRequest,
} from '../../shared/contract.ts';

/**
 * Input schemas of the API channels that take a payload. The main process (IPC) and the web server (HTTP)
 * both parse with these before anything else runs; `z.ZodType<T>` keeps them in step with the contract.
 * Objects are strict so a misspelt field is reported rather than ignored.
 */

/**
 * Parses an API payload. `reportInput` makes zod keep each issue's input, which data/schema formatIssue needs
 * to tell a missing field ("is required") from a wrong one.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  return schema.parse(input, { reportInput: true });
}

/** Channels without a payload accept `undefined` only (what `ipcRenderer.invoke(channel)` sends). */
export const noInput = z.undefined({ error: 'this method takes no input' });

export const substanceSearchRequest: z.ZodType<SubstanceSearchRequest> = z.strictObject({
  query: z.string().max(LIMITS.searchQueryLength, `at most ${LIMITS.searchQueryLength} characters`),
  limit: z
    .int()
    .min(1, `valid range 1 … ${LIMITS.searchResults}`)
    .max(LIMITS.searchResults, `valid range 1 … ${LIMITS.searchResults}`)
    .optional(),
});

export const substanceRequest: z.ZodType<SubstanceRequest> = z.strictObject({
  id: z.string().min(1, 'a substance id is required').max(100, 'at most 100 characters'),
});

const utf8 = new TextEncoder();

/** A file name without directories or characters that Windows, macOS or Linux refuse. */
const fileName = z
  .string()
  .trim()
  .min(1, 'a file name is required')
  .max(LIMITS.fileNameLength, `at most ${LIMITS.fileNameLength} characters`)
  .refine((name) => !/[\\/:*?"<>|\p{Cc}]/u.test(name), {
    message: 'must not contain \\ / : * ? " < > | or control characters',
  })
  .refine((name) => name !== '.' && name !== '..', { message: "must not be '.' or '..'" });

export const saveProjectRequest: z.ZodType<SaveProjectRequest> = z.strictObject({
  fileName,
  text: z.string().refine((text) => utf8.encode(text).byteLength <= LIMITS.projectBytes, {
    message: `larger than ${LIMITS.projectBytes / (1024 * 1024)} MiB`,
  }),
});

const utf8Bytes = (limit: number) =>
  z.string().refine((text) => utf8.encode(text).byteLength <= limit, {
    message: `larger than ${limit / (1024 * 1024)} MiB`,
  });

export const prepareAssessmentRequest: z.ZodType<PrepareAssessmentRequest> = z.strictObject({
  fileName: z.string().trim().min(1, 'a file name is required').max(LIMITS.fileNameLength),
  text: utf8Bytes(LIMITS.projectBytes),
});

export const reportPdfRequest: z.ZodType<ReportPdfRequest> = z.strictObject({
  fileName,
  html: utf8Bytes(LIMITS.reportBytes).refine((html) => /^\s*<!doctype html>/i.test(html), {
    message: 'must be an HTML document (<!doctype html>…)',
  }),
});

export const ruleSetRequest: z.ZodType<RuleSetRequest> = z.strictObject({
  id: z.string().min(1, 'a rule-set id is required').max(100, 'at most 100 characters'),
  version: z.int().min(1, 'valid range 1 … 1000').max(1000, 'valid range 1 … 1000'),
});

/** Base64 of at most `limit` bytes: 4 characters per 3 bytes, the RFC 4648 alphabet with padding. */
const base64Of = (limit: number) =>
  z
    .string()
    .max(Math.ceil(limit / 3) * 4, `larger than ${limit / (1024 * 1024)} MiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (RFC 4648)');

export const readSdpRequest: z.ZodType<ReadSdpRequest> = z.strictObject({
  fileName,
  base64: base64Of(LIMITS.projectBytes),
});

export const writeSdpRequest: z.ZodType<WriteSdpRequest> = z.strictObject({
  fileName,
  text: utf8Bytes(LIMITS.projectBytes),
});

export const recentProjectRequest: z.ZodType<RecentProjectRequest> = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'an id from listRecentProjects is required'),
});

export const autosaveRequest: z.ZodType<AutosaveRequest> = z.strictObject({
  text: utf8Bytes(LIMITS.projectBytes),
});
