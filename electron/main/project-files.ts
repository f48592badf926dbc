import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../../shared/contract.ts';
import { ApiError, type Handlers } from '../service/handlers.ts';
import { noInput, parseInput, saveProjectRequest } from '../service/schemas.ts';

/** The native file dialogs, injected so the handlers run in tests without Electron. */
export interface ProjectDialogs {
  /** The chosen file's absolute path, or null when the user cancelled. */
  chooseFileToOpen(): Promise<string | null>;
  /** The chosen absolute path, or null when the user cancelled. */
  chooseFileToSave(suggestedName: string): Promise<string | null>;
}

const MIB = 1024 * 1024;

/**
 * Opening and saving project files in the desktop app. Paths come only from the native dialogs (the renderer
 * never names a path) and only the base name goes back. A save writes a temporary file beside the target and
 * renames it over, so an interrupted save leaves the old file intact.
 */
export function createProjectHandlers(dialogs: ProjectDialogs): Handlers<'openProject' | 'saveProject'> {
  return {
    openProject: async (input) => {
      parseInput(noInput, input);
      const file = await dialogs.chooseFileToOpen();
      if (file === null) return null;
      return { fileName: path.basename(file), text: await readProjectText(file) };
    },
    saveProject: async (input) => {
      const request = parseInput(saveProjectRequest, input);
      const file = await dialogs.chooseFileToSave(request.fileName);
      if (file === null) return { fileName: null };
      await writeAtomically(file, request.text);
      return { fileName: path.basename(file) };
    },
  };
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
