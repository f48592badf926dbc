import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic.ts';
import { StoreError } from './errors.ts';
import type { AuditEntry, ProjectStore } from './store.ts';

/** `format` tag of an autosave file. */
export const AUTOSAVE_FORMAT = 'safedist-autosave';

/** The autosave file of a project file: beside it, same name plus `.autosave`. */
export function autosavePath(projectPath: string): string {
  return `${projectPath}.autosave`;
}

const autosaveSchema = z.strictObject({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(1),
  at: z.string(),
  baseInputHash: z.string(),
  text: z.string(),
});

/** Unsaved edits found beside a project file. */
export interface Autosave {
  /** When the edits were autosaved (the caller's clock). */
  at: string;
  /** Input hash of the saved project the edits started from. */
  baseInputHash: string;
  /** The edited project JSON, possibly not yet valid (work in progress). */
  text: string;
}

/**
 * Writes the unsaved project text beside the project file, atomically (a crash leaves the previous autosave
 * or this one). The app calls it every few seconds while there are unsaved edits; the text need not be a
 * valid project yet.
 * @param baseInputHash `store.inputHash` of the saved version the edits start from
 */
export function writeAutosave(projectPath: string, text: string, baseInputHash: string, at: string): void {
  const doc = { format: AUTOSAVE_FORMAT, version: 1, at, baseInputHash, text };
  writeFileAtomic(autosavePath(projectPath), `${JSON.stringify(doc)}\n`);
}

/**
 * The autosave beside a project file, if there is one: after a crash the app offers to recover it.
 * @throws StoreError naming the autosave file when it exists but cannot be read
 */
export function readAutosave(projectPath: string): Autosave | undefined {
  const path = autosavePath(projectPath);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new StoreError(path, `unreadable autosave (${(e as Error).message})`);
  }
  const parsed = autosaveSchema.safeParse(json);
  if (!parsed.success) throw new StoreError(path, 'not a SafeDist autosave file');
  const { at, baseInputHash, text } = parsed.data;
  return { at, baseInputHash, text };
}

/** Removes the autosave (after a save, or when the user discards the unsaved edits). */
export function discardAutosave(projectPath: string): void {
  rmSync(autosavePath(projectPath), { force: true });
}

/**
 * Saves the autosaved edits into the project file (validated; one transaction; audit action
 * `recover-autosave`) and removes the autosave. Nothing changes when the edits are not a valid project.
 * @throws StoreError when there is no autosave; ProjectError when the edits are invalid
 */
export function recoverAutosave(store: ProjectStore, options: { at?: string } = {}): AuditEntry | undefined {
  const autosave = readAutosave(store.path);
  if (!autosave) throw new StoreError(autosavePath(store.path), 'no autosave to recover');
  const stale = autosave.baseInputHash !== store.inputHash;
  const entry = store.save(autosave.text, {
    ...options,
    action: 'recover-autosave',
    summary: `recovered unsaved edits autosaved at ${autosave.at}${stale ? ' (the file had been saved since)' : ''}`,
  });
  discardAutosave(store.path);
  return entry;
}
