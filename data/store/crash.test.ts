import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { readAutosave } from './autosave.ts';
import { ProjectStore } from './store.ts';
import { prng } from '../../core/math/prng.ts';
import { EXAMPLE_TEXT } from './test-projects.ts';

const TRIALS = 100;
const PARALLEL = 2;

/** Version A is the example; B differs in the name, an inventory and an extra target (other index rows). */
const A = EXAMPLE_TEXT;
const B = (() => {
  const json = JSON.parse(EXAMPLE_TEXT);
  json.name = '第二版';
  json.installations[0].inventory = '25 t';
  json.targets.push({ ...json.targets[0], id: 'S2', name: '卫生院', category: 'important' });
  return JSON.stringify(json, null, 2);
})();

const root = fileURLToPath(new URL('../..', import.meta.url));
// The child is bundled and minified once (esbuild, which tsx runs on) so that each of the many processes
// starts in well under a second on an idle machine (the whole test then takes about 50 s); it sits under
// node_modules so that `better-sqlite3` resolves as usual.
const bundleDir = mkdtempSync(join(root, 'node_modules', '.cache-crash-test-'));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

function bundleChild(): string {
  const outfile = join(bundleDir, 'child.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./crash-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['better-sqlite3'],
    minify: true,
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Starts the child and kills it with SIGKILL `delayMs` after it reports its `steps`-th completed step (0: once
 * it has the file open), so kills fall into every phase of the saving loop however loaded the machine is.
 */
function killDuringSaves(
  child: string,
  path: string,
  texts: [string, string],
  steps: number,
  delayMs: number,
) {
  return new Promise<void>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, ...texts], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let done = 0;
    let armed = false;
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      done += d.toString().split('.').length - 1;
      if (!armed && done >= steps) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code}): ${err}`)),
    );
  });
}

describe('crash safety: a process killed while saving leaves the old or the new version', () => {
  it(`${TRIALS} SIGKILLs at random moments (seeded)`, { timeout: 300_000 }, async () => {
    const child = bundleChild();
    const work = mkdtempSync(join(tmpdir(), 'sdp-crash-'));
    const [fileA, fileB] = [join(work, 'a.json'), join(work, 'b.json')];
    writeFileSync(fileA, A);
    writeFileSync(fileB, B);
    const base = join(work, 'base.sdp');
    ProjectStore.create(base, A, { at: '2024-01-01T00:00:00.000Z' }).close();
    const random = prng(20240301);
    const kills = Array.from({ length: TRIALS }, () => ({
      steps: Math.floor(random() * 8),
      delayMs: Math.floor(random() * 20),
    }));
    const seen = { A: 0, B: 0, fresh: 0, autosaves: 0 };

    const trial = async (k: number) => {
      const dir = join(work, `trial-${k}`);
      mkdirSync(dir);
      const path = join(dir, 'p.sdp');
      copyFileSync(base, path);
      await killDuringSaves(child, path, [fileA, fileB], kills[k]!.steps, kills[k]!.delayMs);

      const store = ProjectStore.open(path);
      expect(store.verify()).toEqual([]);
      expect([A, B]).toContain(store.text);
      seen[store.text === A ? 'A' : 'B']++;
      // Tables written in one transaction agree: the last audit entry is for the version the file holds.
      expect(store.audit().at(-1)!.detail.inputHash).toBe(store.inputHash);
      expect(store.project.targets).toHaveLength(store.text === A ? 1 : 2);
      store.close();
      const autosave = readAutosave(path);
      if (autosave) {
        expect([A, B]).toContain(autosave.text);
        seen.autosaves++;
      }
      for (const name of readdirSync(dir).filter((f) => f.startsWith('fresh-') && f.endsWith('.sdp'))) {
        const fresh = ProjectStore.open(join(dir, name));
        expect(fresh.verify()).toEqual([]);
        expect(fresh.text).toBe(A);
        fresh.close();
        seen.fresh++;
      }
    };

    for (let k = 0; k < TRIALS; k += PARALLEL)
      await Promise.all(Array.from({ length: Math.min(PARALLEL, TRIALS - k) }, (_, j) => trial(k + j)));
    rmSync(work, { recursive: true, force: true });

    // The kills landed while the child was working: both versions, autosaves and new files were seen.
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
    expect(seen.autosaves).toBeGreaterThan(0);
    expect(seen.fresh).toBeGreaterThan(0);
  });
});
