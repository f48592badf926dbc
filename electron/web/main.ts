import packageJson from '../../package.json' with { type: 'json' };
import { APP_NAME } from '../../shared/contract.ts';
import { createAppHandlers } from '../service/app-services.ts';
import { startWebServer, type RunningWebServer } from './server.ts';

/** Web mode wired to data/: the built renderer in `rendererDir` and the API, on 127.0.0.1:`port`. */
export function startWebMode(options: { rendererDir: string; port: number }): Promise<RunningWebServer> {
  const handlers = createAppHandlers({
    name: APP_NAME,
    version: packageJson.version,
    mode: 'web',
    versions: { node: process.versions.node },
  });
  return startWebServer({ ...options, handlers });
}
