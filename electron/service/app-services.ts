import { listRuleSets } from '../../data/rules/index.ts';
import {
  builtInLibrary,
  loadSubstanceLibrary,
  type SubstanceLibrary,
} from '../../data/substances/library.ts';
import type { AppInfo } from '../../shared/contract.ts';
import { createDocumentHandlers } from './documents.ts';
import {
  createSharedHandlers,
  type Handlers,
  type ServiceMethod,
  type SubstanceCatalogue,
} from './handlers.ts';
import { createSubstanceCatalogue } from './substance-catalogue.ts';

export interface AppServiceOptions {
  /**
   * Folder of the substance library's CSV files. Default: data/substances beside the sources (web mode);
   * the desktop app passes where electron-builder put them (resources/substances).
   */
  substancesDir?: string;
  /** Folder of the session autosave: the desktop app's user-data folder, the web server's data folder. */
  autosaveDir: string;
}

/** The service handlers wired to data/: what both the Electron main process and the web server serve. */
export function createAppHandlers(appInfo: AppInfo, options: AppServiceOptions): Handlers<ServiceMethod> {
  // Loaded on first use, not at start-up; a broken library file then fails the call with its file and line.
  let catalogue: SubstanceCatalogue | undefined;
  let library: SubstanceLibrary | undefined;
  const records = (): SubstanceLibrary =>
    (library ??=
      options.substancesDir === undefined ? builtInLibrary() : loadSubstanceLibrary(options.substancesDir));
  const substances = (): SubstanceCatalogue => (catalogue ??= createSubstanceCatalogue(records()));
  return {
    ...createSharedHandlers({
      appInfo,
      substances: {
        search: (query, limit) => substances().search(query, limit),
        get: (id) => substances().get(id),
      },
      listRuleSets,
      substanceRecord: (id) => records().substances.find((s) => s.id === id),
    }),
    ...createDocumentHandlers({ autosaveDir: options.autosaveDir, library: records }),
  };
}
