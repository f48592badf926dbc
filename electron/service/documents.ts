import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProjectError } from '../../data/project/index.ts';
import gb36894v1 from '../../data/rules/GB36894-2018.v1.json' with { type: 'json' };
import {
  discardAutosave,
  ProjectStore,
  readAutosave,
  StoreError,
  writeAutosave,
  type SubstanceSource,
} from '../../data/store/index.ts';
import type { RuleSetDocument } from '../../shared/contract.ts';
import { ApiError, type DocumentMethod, type Handlers } from './handlers.ts';
import {
  autosaveRequest,
  noInput,
  parseInput,
  readSdpRequest,
  ruleSetRequest,
  writeSdpRequest,
} from './schemas.ts';

/**
 * The built-in rule-set files as written (unit strings, sources, confidence marks), by `id vN`. The same
 * files data/rules parses for the engine; documents.test.ts checks that every rule set data/rules lists is
 * here and parses to the rule set the engine uses.
 */
export const RULE_SET_DOCUMENTS: ReadonlyMap<string, Record<string, unknown>> = new Map(
  [gb36894v1 as Record<string, unknown>].map((doc) => [`${String(doc.id)} v${String(doc.version)}`, doc]),
);

export interface DocumentServiceOptions {
  /**
   * Folder of the session autosave (created when first written): the desktop app's user-data folder, the
   * web server's data folder.
   */
  autosaveDir: string;
  /** Library for substances a new `.sdp` file copies (data/store WriteOptions.library). */
  library?: () => SubstanceSource;
  /** Clock of the autosave, ISO 8601; injected for tests. */
  now?: () => string;
}

/**
 * The autosave slot: data/store keeps unsaved edits beside a project file (`<file>.autosave`); the app edits
 * one document at a time, whatever its file (JSON, `.sdp`, none yet), so it keeps them beside a fixed name in
 * its own folder.
 */
export const AUTOSAVE_SLOT = 'session';

/**
 * The autosave's `baseInputHash`: data/store records the hash of the saved `.sdp` version the edits started
 * from; the session slot has no such file, so it says so.
 */
const NO_BASE = 'none: session autosave (no saved .sdp base)';

/** Handlers of the document methods, shared by the desktop app (IPC) and web mode (HTTP). */
export function createDocumentHandlers(options: DocumentServiceOptions): Handlers<DocumentMethod> {
  const slot = path.join(options.autosaveDir, AUTOSAVE_SLOT);
  const now = options.now ?? (() => new Date().toISOString());
  return {
    getRuleSet: async (input) => {
      const { id, version } = parseInput(ruleSetRequest, input);
      const document = RULE_SET_DOCUMENTS.get(`${id} v${version}`);
      if (!document) throw new ApiError(`no built-in rule set '${id} v${version}'`);
      return {
        id,
        version,
        title: String(document.title),
        description: String(document.description),
        document,
      } satisfies RuleSetDocument;
    },
    readSdp: async (input) => {
      const { fileName, base64 } = parseInput(readSdpRequest, input);
      return withTemporaryDir((dir) => {
        const file = path.join(dir, 'project.sdp');
        writeFileSync(file, Buffer.from(base64, 'base64'));
        const store = openStore(file, fileName);
        try {
          return { fileName, text: store.text };
        } finally {
          store.close();
        }
      });
    },
    writeSdp: async (input) => {
      const { fileName, text } = parseInput(writeSdpRequest, input);
      return withTemporaryDir((dir) => {
        const file = path.join(dir, 'project.sdp');
        createStore(file, fileName, text, options.library?.()).close();
        return { base64: readFileSync(file).toString('base64') };
      });
    },
    readAutosave: async (input) => {
      parseInput(noInput, input);
      try {
        const autosave = readAutosave(slot);
        return autosave ? { text: autosave.text, at: autosave.at } : null;
      } catch (error) {
        if (error instanceof StoreError) throw new ApiError(error.message);
        throw error;
      }
    },
    writeAutosave: async (input) => {
      const { text } = parseInput(autosaveRequest, input);
      mkdirSync(options.autosaveDir, { recursive: true });
      writeAutosave(slot, text, NO_BASE, now());
    },
    discardAutosave: async (input) => {
      parseInput(noInput, input);
      discardAutosave(slot);
    },
  };
}

/**
 * Opens a `.sdp` file with data/store, reporting problems under the user's file name (not the temporary path).
 * @throws ApiError when the file is not a valid project store
 */
export function openStore(file: string, fileName: string): ProjectStore {
  try {
    return ProjectStore.open(file);
  } catch (error) {
    if (error instanceof StoreError) throw new ApiError(`${fileName}: ${error.problem}`);
    if (error instanceof ProjectError) throw new ApiError(error.message.replaceAll(file, fileName));
    throw error;
  }
}

/**
 * Writes a new `.sdp` file at `file` from the project JSON (data/store validates it first).
 * @throws ApiError naming `fileName` and every invalid field
 */
export function createStore(
  file: string,
  fileName: string,
  text: string,
  library: SubstanceSource | undefined,
): ProjectStore {
  try {
    return ProjectStore.create(file, text, {
      sourceName: fileName,
      ...(library === undefined ? {} : { library }),
    });
  } catch (error) {
    if (error instanceof ProjectError) throw new ApiError(error.message);
    if (error instanceof StoreError) throw new ApiError(`${fileName}: ${error.problem}`);
    throw error;
  }
}

function withTemporaryDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'safedist-sdp-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
