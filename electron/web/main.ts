import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { APP_NAME } from '../../shared/contract.ts';
import { createAppHandlers } from '../service/app-services.ts';
import { startWebServer, type RunningWebServer } from './server.ts';

/** Where `npm run web` keeps the session autosave between runs: SAFEDIST_DATA_DIR, else ~/.safedist/web. */
export function defaultWebDataDir(): string {
  return process.env.SAFEDIST_DATA_DIR ?? path.join(homedir(), '.safedist', 'web');
}

/**
 * Web mode wired to data/: the built renderer in `rendererDir` and the API, on 127.0.0.1:`port`.
 * @param options.dataDir where the session autosave lives (defaultWebDataDir() for `npm run web`); a fresh
 *   temporary folder when absent, so test servers never see each other's unsaved edits
 */
export function startWebMode(options: {
  rendererDir: string;
  port: number;
  dataDir?: string;
}): Promise<RunningWebServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'safedist-web-data-'));
  const handlers = createAppHandlers(
    {
      name: APP_NAME,
      version: packageJson.version,
      mode: 'web',
      versions: { node: process.versions.node },
    },
    { autosaveDir: path.join(dataDir, 'autosave') },
  );
  return startWebServer({ rendererDir: options.rendererDir, port: options.port, handlers });
}
