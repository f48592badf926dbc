import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../data/store/index.ts';
import { LIMITS, type RecentProject } from '../../shared/contract.ts';

const recentFile = z.strictObject({
  format: z.literal('safedist-recent'),
  version: z.literal(1),
  entries: z.array(z.strictObject({ path: z.string(), at: z.string() })),
});

/** The renderer's handle on a remembered path: stable, and naming nothing about where the file is. */
export function recentId(file: string): string {
  return createHash('sha256').update(file, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The desktop app's recent projects: absolute paths in a JSON file of the user-data folder, newest first, at
 * most LIMITS.recentProjects. The renderer sees names and opaque ids only; a damaged list is started afresh
 * (it holds nothing that cannot be found again with the Open dialog).
 */
export class RecentProjects {
  constructor(
    private readonly file: string,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private read(): { path: string; at: string }[] {
    if (!existsSync(this.file)) return [];
    try {
      return recentFile.parse(JSON.parse(readFileSync(this.file, 'utf8'))).entries;
    } catch (error) {
      console.warn(`ignoring the unreadable recent-projects list ${this.file}: ${(error as Error).message}`);
      return [];
    }
  }

  /** Puts `file` first (it was just opened or saved). */
  remember(file: string): void {
    const entries = [{ path: file, at: this.now() }, ...this.read().filter((e) => e.path !== file)].slice(
      0,
      LIMITS.recentProjects,
    );
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(
      this.file,
      `${JSON.stringify({ format: 'safedist-recent', version: 1, entries }, null, 2)}\n`,
    );
  }

  list(): RecentProject[] {
    return this.read().map((e) => ({ id: recentId(e.path), fileName: path.basename(e.path), at: e.at }));
  }

  /** The path behind an id, or undefined when it is not in the list. */
  pathOf(id: string): string | undefined {
    return this.read().find((e) => recentId(e.path) === id)?.path;
  }

  /** Drops a path whose file is gone. */
  forget(file: string): void {
    const entries = this.read().filter((e) => e.path !== file);
    writeFileAtomic(
      this.file,
      `${JSON.stringify({ format: 'safedist-recent', version: 1, entries }, null, 2)}\n`,
    );
  }
}
