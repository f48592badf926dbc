import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  applyPlanOutlines,
  areasFromCsv,
  CsvImportError,
  DxfImportError,
  mergeAreas,
  planFromDxf,
  type AreaKind,
} from '../data/exchange/index.ts';
import { ProjectError } from '../data/project/index.ts';
import { ProjectStore, StoreError } from '../data/store/index.ts';
import { UsageError, type CliIo } from './io.ts';

interface ImportArgs {
  file?: string;
  out?: string;
  into?: string;
  as?: string;
  replace: boolean;
  layers: string[];
  scale?: number;
  base?: [number, number];
}

function parseImportArgs(args: readonly string[]): ImportArgs {
  const out: ImportArgs = { replace: false, layers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`import: ${name} needs a value`);
      return v;
    };
    if (a === '--out') out.out = value('--out');
    else if (a === '--into') out.into = value('--into');
    else if (a === '--as') out.as = value('--as');
    else if (a === '--replace') out.replace = true;
    else if (a === '--layer') out.layers.push(...value('--layer').split(','));
    else if (a === '--scale') {
      const s = Number(value('--scale'));
      if (!(s > 0) || !Number.isFinite(s))
        throw new UsageError('import: --scale must be a number > 0 (metres per drawing unit)');
      out.scale = s;
    } else if (a === '--base') {
      const parts = value('--base').split(',').map(Number);
      if (parts.length !== 2 || !parts.every(Number.isFinite))
        throw new UsageError('import: --base must be x,y in drawing units, e.g. --base 1250.5,880');
      out.base = [parts[0]!, parts[1]!];
    } else if (a.startsWith('-')) throw new UsageError(`import: unknown option '${a}'`);
    else if (out.file === undefined) out.file = a;
    else throw new UsageError(`import: unexpected argument '${a}'`);
  }
  return out;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** Runs `body`, turning the data layer's file errors into one-line usage errors (exit code 2). */
function reported<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (
      e instanceof StoreError ||
      e instanceof ProjectError ||
      e instanceof CsvImportError ||
      e instanceof DxfImportError
    )
      throw new UsageError(e.message);
    throw e;
  }
}

/** Opens the project file to import into, applies `change` to its project JSON, and saves it in one transaction. */
function saveInto(
  path: string,
  change: (project: Record<string, unknown>) => Record<string, unknown>,
  action: string,
  summary: string,
) {
  const store = ProjectStore.open(path);
  try {
    const next = change(JSON.parse(store.text) as Record<string, unknown>);
    // The project must stay valid; it is named after the file being imported into.
    store.save(`${JSON.stringify(next, null, 2)}\n`, { action, summary });
  } finally {
    store.close();
  }
}

/**
 * `safedist import` (docs/project-files.md):
 * - `<project.json> --out <new.sdp>` creates a project file; `<project.json> --into <p.sdp>` saves it as a
 *   new version of an existing one.
 * - `<areas.csv> --into <p.sdp> [--as targets|population] [--replace]` merges targets or population areas.
 * - `<plan.dxf> --into <p.sdp> [--as plan|boundary|outlines] [--layer L]… [--scale m] [--base x,y]` imports a
 *   site plan's outlines.
 */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const a = parseImportArgs(args);
  if (a.file === undefined)
    throw new UsageError('import: name a file to import (safedist import <file> --out <project.sdp>)');
  const file = a.file;
  const type = extname(file).toLowerCase();
  if ((a.out === undefined) === (a.into === undefined))
    throw new UsageError('import: give exactly one of --out <new.sdp> and --into <existing.sdp>');
  if (a.out !== undefined && type !== '.json')
    throw new UsageError(
      `import: --out creates a project from a project JSON; import ${type || 'this file'} --into an existing .sdp`,
    );
  const text = readText(file);

  if (type === '.json') {
    reported(() => {
      if (a.out !== undefined) {
        if (existsSync(a.out))
          throw new UsageError(
            `import: '${a.out}' exists; use --into '${a.out}' to save this project as a new version of it`,
          );
        ProjectStore.create(a.out, text, {
          action: 'import-json',
          summary: `imported ${file}`,
          sourceName: file,
        }).close();
      } else {
        const store = ProjectStore.open(a.into!);
        try {
          store.save(text, { action: 'import-json', summary: `imported ${file}`, sourceName: file });
        } finally {
          store.close();
        }
      }
    });
    io.stdout(`${a.out ?? a.into}: project imported from ${file}\n`);
    return 0;
  }

  const into = a.into!;
  if (type === '.csv') {
    if (a.as !== undefined && a.as !== 'targets' && a.as !== 'population')
      throw new UsageError(`import: --as for a CSV must be targets or population, got '${a.as}'`);
    const { kind, areas } = reported(() => areasFromCsv(text, file, a.as as AreaKind | undefined));
    reported(() =>
      saveInto(
        into,
        (p) => mergeAreas(p, kind, areas, a.replace),
        'import-csv',
        `${areas.length} ${kind} from ${file}${a.replace ? ' (replacing the list)' : ''}`,
      ),
    );
    io.stdout(`${into}: ${areas.length} ${kind} imported from ${file}\n`);
    return 0;
  }

  if (type === '.dxf') {
    const mode = a.as ?? 'plan';
    if (mode !== 'plan' && mode !== 'boundary' && mode !== 'outlines')
      throw new UsageError(`import: --as for a DXF must be plan, boundary or outlines, got '${mode}'`);
    const plan = reported(() =>
      planFromDxf(text, file, {
        ...(a.scale !== undefined ? { scale: a.scale } : {}),
        ...(a.base ? { base: a.base } : {}),
        ...(a.layers.length > 0 ? { layers: a.layers } : {}),
      }),
    );
    if (mode === 'plan') {
      reported(() => {
        const store = ProjectStore.open(into);
        try {
          store.replaceSitePlan(plan, file);
        } finally {
          store.close();
        }
      });
      io.stdout(`${into}: site plan of ${plan.length} polylines imported from ${file}\n`);
      return 0;
    }
    let changed: string[] = [];
    reported(() =>
      saveInto(
        into,
        (p) => {
          const r = applyPlanOutlines(p, plan, mode, file);
          changed = r.changed;
          return r.project;
        },
        'import-dxf',
        `${mode} from ${file}`,
      ),
    );
    io.stdout(
      `${into}: ${mode === 'boundary' ? 'site boundary' : `outlines of ${changed.join(', ')}`} imported from ${file}\n`,
    );
    return 0;
  }
  throw new UsageError(
    `import: cannot import '${file}': expected a .json project, a .csv of areas or a .dxf site plan`,
  );
}
