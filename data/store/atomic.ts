import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** A name for a temporary file beside `path` (same directory, so the final rename stays on one file system). */
export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Flushes a file or directory to the disk; directories cannot be opened for that on Windows, so it is skipped there. */
export function fsyncPath(path: string, directory = false): void {
  if (directory && process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `path` so that a crash at any moment leaves either the old file or the new one complete:
 * the data goes to a temporary file in the same directory, is flushed to the disk, and is renamed over
 * `path` (rename is atomic on POSIX and on NTFS); the directory is flushed so the rename itself survives.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = temporaryPathBeside(path);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  fsyncPath(dirname(path), true);
}
