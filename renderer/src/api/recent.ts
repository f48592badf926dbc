import { LIMITS, type ProjectFile, type RecentProject } from '../../../shared/contract.ts';

/** Largest project text the browser keeps for reopening (localStorage holds about 5 MiB per origin). */
export const RECENT_TEXT_LIMIT = 512 * 1024;

const KEY = 'safedist.recentProjects';

interface Entry extends RecentProject {
  text: string;
}

/**
 * Web mode's recent projects. A page cannot reopen a file by its path, so the browser keeps a copy of the text
 * last opened or saved under each name (newest first, at most LIMITS.recentProjects, texts up to
 * RECENT_TEXT_LIMIT): reopening gives that copy, not the file on the disk, which may have changed since.
 */
export class BrowserRecentProjects {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private read(): Entry[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed)
        ? parsed.filter(
            (e): e is Entry =>
              typeof e === 'object' &&
              e !== null &&
              ['id', 'fileName', 'at', 'text'].every(
                (k) => typeof (e as Record<string, unknown>)[k] === 'string',
              ),
          )
        : [];
    } catch {
      return [];
    }
  }

  remember(file: ProjectFile): void {
    if (file.text.length > RECENT_TEXT_LIMIT) return;
    const entry: Entry = { id: entryId(), fileName: file.fileName, at: this.now(), text: file.text };
    const entries = [entry, ...this.read().filter((e) => e.fileName !== file.fileName)].slice(
      0,
      LIMITS.recentProjects,
    );
    try {
      this.storage.setItem(KEY, JSON.stringify(entries));
    } catch {
      // Storage full: keep the newest entry alone rather than none.
      this.storage.setItem(KEY, JSON.stringify([entry]));
    }
  }

  list(): RecentProject[] {
    return this.read().map(({ id, fileName, at }) => ({ id, fileName, at }));
  }

  /** @throws Error when the id is not in the list */
  get(id: string): ProjectFile {
    const entry = this.read().find((e) => e.id === id);
    if (!entry) throw new Error('this project is no longer in the recent list');
    return { fileName: entry.fileName, text: entry.text };
  }
}

function entryId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
