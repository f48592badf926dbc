import {
  EXPORT_FORMATS,
  exportProject,
  PlacementError,
  type Crs,
  type ExportFormat,
} from '../data/exchange/index.ts';
import { ProjectStore, StoreError, writeFileAtomic } from '../data/store/index.ts';
import { UsageError, type CliIo } from './io.ts';

const CRS: readonly Crs[] = ['wgs84', 'cgcs2000-gk3', 'site'];

/**
 * `safedist export <project.sdp> --format json|geojson|kml|dxf [--out FILE] [--crs wgs84|cgcs2000-gk3|site]`:
 * writes the project in an exchange format (docs/project-files.md), atomically, or to standard output.
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let format: ExportFormat | undefined;
  let out: string | undefined;
  let crs: Crs | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`export: ${name} needs a value`);
      return v;
    };
    if (a === '--format') {
      const f = value('--format');
      if (!(EXPORT_FORMATS as readonly string[]).includes(f))
        throw new UsageError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}, got '${f}'`);
      format = f as ExportFormat;
    } else if (a === '--out') out = value('--out');
    else if (a === '--crs') {
      const c = value('--crs');
      if (!(CRS as readonly string[]).includes(c))
        throw new UsageError(`export: --crs must be one of ${CRS.join(', ')}, got '${c}'`);
      crs = c as Crs;
    } else if (a.startsWith('-')) throw new UsageError(`export: unknown option '${a}'`);
    else if (file === undefined) file = a;
    else throw new UsageError(`export: unexpected argument '${a}'`);
  }
  if (file === undefined)
    throw new UsageError('export: name a project file (safedist export <project.sdp> --format …)');
  if (format === undefined) throw new UsageError(`export: give --format ${EXPORT_FORMATS.join('|')}`);
  if (
    crs !== undefined &&
    (format === 'json' || (format === 'kml' && crs !== 'wgs84') || (format === 'dxf' && crs === 'wgs84'))
  )
    throw new UsageError(
      `export: --crs ${crs} does not apply to ${format} (geojson: any; kml: wgs84 only; dxf: site or cgcs2000-gk3)`,
    );
  let text: string;
  try {
    const store = ProjectStore.open(file);
    try {
      text = exportProject(store, format, crs);
    } finally {
      store.close();
    }
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    if (e instanceof PlacementError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  if (out === undefined) io.stdout(text);
  else {
    try {
      writeFileAtomic(out, text);
    } catch (e) {
      throw new UsageError(
        `cannot write '${out}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  }
  return 0;
}
