import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How a risk worker thread is started: the source of one bundled CommonJS script (`new Worker(code,
 * { eval: true })`), or the tsx bootstrap file when no bundle can be made.
 */
export type RiskWorkerEntry = { kind: 'bundle'; code: string } | { kind: 'file'; url: URL };

const ENTRY = fileURLToPath(new URL('./risk-worker.ts', import.meta.url));
const BOOTSTRAP = new URL('./risk-worker-bootstrap.mjs', import.meta.url);

interface Manifest {
  /** Every source file the bundle was made from, with the size and modification time it had then. */
  inputs: { path: string; size: number; mtimeMs: number }[];
}

function cacheDirectory(): string {
  let user = 'user';
  try {
    user = userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid: one shared name is fine, the key is the content.
  }
  return join(tmpdir(), `safedist-${user}`, 'risk-worker');
}

function unchanged(manifest: Manifest): boolean {
  return manifest.inputs.every((input) => {
    try {
      const s = statSync(input.path);
      return s.size === input.size && s.mtimeMs === input.mtimeMs;
    } catch {
      return false;
    }
  });
}

let memo: RiskWorkerEntry | undefined;

/**
 * The risk worker's code, bundled once with esbuild (which tsx already brings) and cached on disk until a
 * source file changes. Starting a worker from the bundle takes about 0.1 s; compiling the TypeScript
 * through tsx in every worker thread took about 1 s per worker (docs/performance.md). Falls back to the tsx
 * bootstrap when esbuild cannot be loaded or the cache cannot be written; the code run is the same either way.
 */
export async function riskWorkerEntry(): Promise<RiskWorkerEntry> {
  if (memo) return memo;
  const dir = cacheDirectory();
  const key = createHash('sha256').update(ENTRY).digest('hex').slice(0, 16);
  const codePath = join(dir, `${key}.cjs`);
  const manifestPath = join(dir, `${key}.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (unchanged(manifest)) {
      memo = { kind: 'bundle', code: readFileSync(codePath, 'utf8') };
      return memo;
    }
  } catch {
    // No cache yet, or an unreadable one: build below.
  }
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: process.cwd(),
    });
    const code = result.outputFiles[0]!.text;
    const root = process.cwd();
    const inputs = Object.keys(result.metafile.inputs).map((p) => {
      const path = p.startsWith('/') ? p : join(root, p);
      const s = statSync(path);
      return { path, size: s.size, mtimeMs: s.mtimeMs };
    });
    mkdirSync(dir, { recursive: true });
    // Written under temporary names and renamed, so a concurrent run never reads half a file.
    const suffix = `.${process.pid}.tmp`;
    writeFileSync(codePath + suffix, code);
    writeFileSync(manifestPath + suffix, JSON.stringify({ inputs } satisfies Manifest));
    renameSync(codePath + suffix, codePath);
    renameSync(manifestPath + suffix, manifestPath);
    memo = { kind: 'bundle', code };
  } catch {
    memo = { kind: 'file', url: BOOTSTRAP };
  }
  return memo;
}
