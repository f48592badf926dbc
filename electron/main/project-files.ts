import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProjectError } from '../../data/project/index.ts';
import type { SubstanceSource } from '../../data/store/index.ts';
import { LIMITS, SDP_FILE_NAME, type ProjectFile } from '../../shared/contract.ts';
import { createStore, openStore } from '../service/documents.ts';
import { ApiError, type Handlers } from '../service/handlers.ts';
import { noInput, parseInput, recentProjectRequest, saveProjectRequest } from '../service/schemas.ts';
import type { RecentProjects } from './recent.ts';

/** The native file dialogs, injected so the handlers run in tests without Electron. */
export interface ProjectDialogs {
  /** The chosen file's absolute path, or null when the user cancelled. */
  chooseFileToOpen(): Promise<string | null>;
  /** The chosen absolute path, or null when the user cancelled. */
  chooseFileToSave(suggestedName: string): Promise<string | null>;
}

const MIB = 1024 * 1024;

export interface ProjectFileOptions {
  /** The recent-projects list every open and save goes to. */
  recent: RecentProjects;
  /** Library for substances a `.sdp` file copies when first used (the app's substance library). */
  library?: () => SubstanceSource;
}

type ProjectMethod = 'openProject' | 'saveProject' | 'listRecentProjects' | 'openRecentProject';

/**
 * Opening and saving project files in the desktop app, as JSON text or as the SQLite store (`.sdp`, by the
 * chosen name's extension). Paths come only from the native dialogs and the recent list (the renderer never
 * names a path) and only the base name goes back. A JSON save writes a temporary file beside the target and
 * renames it over, so an interrupted save leaves the old file intact; a `.sdp` save is one SQLite transaction
 * (data/store), which gives the same guarantee and appends to the file's audit log.
 */
export function createProjectHandlers(
  dialogs: ProjectDialogs,
  options: ProjectFileOptions,
): Handlers<ProjectMethod> {
  const { recent } = options;
  async function read(file: string): Promise<ProjectFile> {
    const fileName = path.basename(file);
    const text = SDP_FILE_NAME.test(file) ? readSdpFile(file) : await readProjectText(file);
    recent.remember(file);
    return { fileName, text };
  }
  return {
    openProject: async (input) => {
      parseInput(noInput, input);
      const file = await dialogs.chooseFileToOpen();
      return file === null ? null : read(file);
    },
    saveProject: async (input) => {
      const request = parseInput(saveProjectRequest, input);
      const file = await dialogs.chooseFileToSave(request.fileName);
      if (file === null) return { fileName: null };
      if (SDP_FILE_NAME.test(file)) writeSdpFile(file, request.text, options.library?.());
      else await writeAtomically(file, request.text);
      recent.remember(file);
      return { fileName: path.basename(file) };
    },
    listRecentProjects: async (input) => {
      parseInput(noInput, input);
      return recent.list();
    },
    openRecentProject: async (input) => {
      const { id } = parseInput(recentProjectRequest, input);
      const file = recent.pathOf(id);
      if (file === undefined) throw new ApiError('this project is no longer in the recent list');
      if (!existsSync(file)) {
        recent.forget(file);
        throw new ApiError(
          `'${path.basename(file)}' is no longer where it was saved (${path.dirname(file)})`,
        );
      }
      return read(file);
    },
  };
}

function readSdpFile(file: string): string {
  const store = openStore(file, path.basename(file));
  try {
    return store.text;
  } finally {
    store.close();
  }
}

/** Saves into an existing `.sdp` file (a new version with its audit entry) or creates one. */
function writeSdpFile(file: string, text: string, library: SubstanceSource | undefined): void {
  const fileName = path.basename(file);
  if (!existsSync(file)) return createStore(file, fileName, text, library).close();
  const store = openStore(file, fileName);
  try {
    store.save(text, { sourceName: fileName, ...(library === undefined ? {} : { library }) });
  } catch (error) {
    if (error instanceof ProjectError) throw new ApiError(error.message);
    throw error;
  } finally {
    store.close();
  }
}

async function readProjectText(file: string): Promise<string> {
  const name = path.basename(file);
  const { size } = await stat(file);
  if (size > LIMITS.projectBytes) {
    throw new ApiError(
      `'${name}' is ${(size / MIB).toFixed(1)} MiB; project files are at most ${LIMITS.projectBytes / MIB} MiB`,
    );
  }
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(`'${name}' is not UTF-8 text; a project file is UTF-8 JSON`);
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ApiError(`could not save '${path.basename(file)}': ${(error as Error).message}`);
  }
}
