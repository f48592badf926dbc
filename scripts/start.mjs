#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed (or can be downloaded now), otherwise
// web mode (`npm run web`). The download probe has a short timeout so a machine without internet does not hang.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { binOf, buildDesktop, ROOT, runNode } from './lib/build.mjs';

const PROBE_TIMEOUT_MS = 3000;
const electronDir = path.dirname(binOf('electron', 'package.json'));

/** The Electron executable that `require('electron')` would use, if it is on disk (see electron/index.js). */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

/** Whether Electron's download host answers within the timeout (ELECTRON_MIRROR is honoured, as @electron/get does). */
async function downloadHostReachable() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const url = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases';
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

let electron = installedElectron();
if (!electron && (await downloadHostReachable())) {
  console.log('Downloading the Electron binary…');
  runNode(path.join(electronDir, 'install.js'), [], 'Electron download');
  electron = installedElectron();
}

if (electron) {
  buildDesktop();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(
    'Electron binary not installed and its download host is unreachable: starting web mode instead.',
  );
  await import('./web.mjs');
}
