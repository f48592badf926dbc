#!/usr/bin/env node
// `npm run web`: serves the built renderer and the SafeDist API over HTTP on 127.0.0.1 (electron/web/).
// Builds the renderer first when out/renderer is missing or older than its sources. PORT sets the port.
import { register } from 'tsx/esm/api';
import { buildRenderer, RENDERER_OUT, rendererBuildIsStale } from './lib/build.mjs';

const DEFAULT_PORT = 5180;

const port = Number(process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer 0 … 65535 (0 picks a free port); got '${process.env.PORT}'.`);
  process.exit(2);
}

if (rendererBuildIsStale()) buildRenderer();

register();
const { startWebMode, defaultWebDataDir } = await import('../electron/web/main.ts');
let server;
try {
  server = await startWebMode({ rendererDir: RENDERER_OUT, port, dataDir: defaultWebDataDir() });
} catch (error) {
  const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use; set PORT to another one)` : '';
  console.error(`Could not start the web server: ${error.message}${hint}`);
  process.exit(1);
}
console.log(`SafeDist web mode: ${server.url}  (Ctrl+C to stop)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
