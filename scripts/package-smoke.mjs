#!/usr/bin/env node
// `npm run package:smoke`: checks what goes into the desktop package without the Electron binary or the
// network (notes/stack.md §1.6). Builds out/ with electron-vite, runs electron-builder --dir for Linux against
// a stand-in Electron directory, with npmRebuild off and electronFuses dropped (both need the real binary),
// then asserts the contents of app.asar, app.asar.unpacked and resources/.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { binOf, buildDesktop, ROOT } from './lib/build.mjs';

const WORK = path.join(ROOT, 'test-output/package-smoke');
const require = createRequire(import.meta.url);
// js-yaml and @electron/asar are electron-builder's own dependencies: resolve them from there.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml');
const asar = builderRequire('@electron/asar');
const { build, Platform } = require('electron-builder');

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

buildDesktop();

// A stand-in for the Electron distribution: an executable named `electron` and a `version` file.
const fakeElectron = path.join(WORK, 'fake-electron');
mkdirSync(fakeElectron);
writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\nexit 0\n');
chmodSync(path.join(fakeElectron, 'electron'), 0o755);
const electronVersion = JSON.parse(readFileSync(binOf('electron', 'package.json'), 'utf8')).version;
writeFileSync(path.join(fakeElectron, 'version'), electronVersion);

const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
delete config.electronFuses;
Object.assign(config, {
  electronDist: fakeElectron,
  electronVersion,
  npmRebuild: false,
  directories: { ...config.directories, output: path.join(WORK, 'release') },
});

// Passed as a file: a config object would be deep-merged over electron-builder.yml, fuses included.
const smokeConfig = path.join(WORK, 'electron-builder.smoke.json');
writeFileSync(smokeConfig, JSON.stringify(config, null, 2));
await build({
  projectDir: ROOT,
  targets: Platform.LINUX.createTarget('dir'),
  config: smokeConfig,
  publish: 'never',
});

const resources = path.join(WORK, 'release/linux-unpacked/resources');
const asarFile = path.join(resources, 'app.asar');
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

check(existsSync(asarFile), 'resources/app.asar exists');
const entries = existsSync(asarFile)
  ? asar.listPackage(asarFile).map((e) => e.split(path.sep).join('/'))
  : [];
const has = (entry) => entries.includes(entry);

for (const entry of [
  '/package.json',
  '/out/main/index.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
]) {
  check(has(entry), `app.asar contains ${entry}`);
}
check(
  entries.some((e) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(e)),
  'app.asar contains the renderer bundle (out/renderer/assets/*.js)',
);
check(has('/node_modules/better-sqlite3/package.json'), 'app.asar contains node_modules/better-sqlite3');
check(!entries.some((e) => e.endsWith('.map')), 'app.asar has no source maps');
check(
  !entries.some((e) => /^\/(core|data|cli|electron|renderer|e2e|scripts)\//.test(e)),
  'app.asar has no TypeScript sources (only out/ and node_modules/)',
);
check(
  !entries.some((e) => e.startsWith('/node_modules/electron/')),
  'app.asar does not contain the electron package',
);

const nativeModule = path.join(
  resources,
  'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);
check(existsSync(nativeModule), 'better_sqlite3.node is unpacked to app.asar.unpacked');

check(
  existsSync(path.join(resources, 'substances/substances.csv')),
  'resources/substances/substances.csv (extraResources)',
);

const preload = readFileSync(path.join(ROOT, 'out/preload/index.cjs'), 'utf8');
const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
check(
  requires.length > 0 && requires.every((r) => r === 'electron'),
  `the preload requires only 'electron' (found: ${[...new Set(requires)].join(', ') || 'none'})`,
);

if (failures.length > 0) {
  console.error(`package smoke: ${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log(
  `package smoke: all checks passed (${entries.length} entries in app.asar; output in ${path.relative(ROOT, WORK)}).`,
);
