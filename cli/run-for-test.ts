import { readFile } from 'node:fs/promises';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

/**
 * Runs `safedist <args>` in-process with captured streams, for tests. Files are read from `files` when named
 * there, else from disk; `stdin` is what a pipe would deliver.
 */
export async function runCli(args: string[], files: Record<string, string> = {}, stdin?: string) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => stdin,
    readFile: async (path) => files[path] ?? (await readFile(path, 'utf8')),
  };
  const code = await main(args, io);
  return { code, out, err };
}
