// Build helpers shared by start.mjs, web.mjs and package-smoke.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_OUT = path.join(ROOT, 'out/renderer');

const require = createRequire(import.meta.url);

/** Absolute path of a package's bin script, e.g. binOf('vite', 'bin/vite.js'). */
export function binOf(packageName, relative) {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), relative);
}

/** Runs a Node script with inherited output; exits the process with its code when it fails. */
export function runNode(script, args, what) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than a renderer source or the API contract it compiles in. */
export function rendererBuildIsStale() {
  const built = path.join(RENDERER_OUT, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'renderer')),
    statSync(path.join(ROOT, 'shared/contract.ts')).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}

/** `vite build` of the renderer into out/renderer (renderer/vite.config.ts). */
export function buildRenderer() {
  runNode(
    binOf('vite', 'bin/vite.js'),
    ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    'Renderer build',
  );
}

/** `electron-vite build`: main, preload and renderer into out/ (electron.vite.config.ts). */
export function buildDesktop() {
  runNode(
    binOf('electron-vite', 'bin/electron-vite.js'),
    ['build', '--logLevel', 'warn'],
    'electron-vite build',
  );
}
