import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/contract.ts';
import { toResult, type AnyHandler } from '../service/handlers.ts';
import { createProjectHandlers, type ProjectDialogs } from './project-files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'safedist-project-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function handlersWith(dialogs: Partial<ProjectDialogs>) {
  const handlers = createProjectHandlers({
    chooseFileToOpen: async () => null,
    chooseFileToSave: async () => null,
    ...dialogs,
  });
  return (method: keyof typeof handlers, input?: unknown) => {
    const handler: AnyHandler = handlers[method];
    return toResult(() => handler(input));
  };
}

describe('openProject', () => {
  it('returns the chosen file name (never the path) and its text', async () => {
    const file = path.join(dir, '示例.safedist.json');
    writeFileSync(file, '\uFEFF{"format":"safedist-project"}');
    const call = handlersWith({ chooseFileToOpen: async () => file });
    await expect(call('openProject')).resolves.toEqual({
      ok: true,
      value: { fileName: '示例.safedist.json', text: '{"format":"safedist-project"}' },
    });
  });

  it('returns null when the user cancels, and takes no payload', async () => {
    const call = handlersWith({});
    await expect(call('openProject')).resolves.toEqual({ ok: true, value: null });
    await expect(call('openProject', '/etc/passwd')).resolves.toEqual({
      ok: false,
      error: 'input: this method takes no input',
    });
  });

  it('refuses files that are not UTF-8 or larger than the limit', async () => {
    const binary = path.join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    await expect(handlersWith({ chooseFileToOpen: async () => binary })('openProject')).resolves.toEqual({
      ok: false,
      error: "'binary.json' is not UTF-8 text; a project file is UTF-8 JSON",
    });
    const big = path.join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(LIMITS.projectBytes + 1, 0x20));
    const result = await handlersWith({ chooseFileToOpen: async () => big })('openProject');
    expect(result).toEqual({ ok: false, error: "'big.json' is 20.0 MiB; project files are at most 20 MiB" });
  });
});

describe('saveProject', () => {
  it('writes the text where the user chose, replacing the old file, leaving no temporary file', async () => {
    const target = path.join(dir, 'plant.safedist.json');
    writeFileSync(target, 'old');
    let suggested = '';
    const call = handlersWith({
      chooseFileToSave: async (name) => {
        suggested = name;
        return target;
      },
    });
    await expect(
      call('saveProject', { fileName: 'plant.safedist.json', text: '{"v":"新"}' }),
    ).resolves.toEqual({
      ok: true,
      value: { fileName: 'plant.safedist.json' },
    });
    expect(suggested).toBe('plant.safedist.json');
    expect(readFileSync(target, 'utf8')).toBe('{"v":"新"}');
    expect(readdirSync(dir)).toEqual(['plant.safedist.json']);
  });

  it('reports a cancelled dialog as fileName null', async () => {
    await expect(handlersWith({})('saveProject', { fileName: 'a.json', text: '' })).resolves.toEqual({
      ok: true,
      value: { fileName: null },
    });
  });

  it('validates the payload before showing any dialog', async () => {
    let asked = false;
    const call = handlersWith({
      chooseFileToSave: async () => {
        asked = true;
        return null;
      },
    });
    const cases: [unknown, string][] = [
      [
        { fileName: '../evil.json', text: '' },
        "field 'fileName': must not contain \\ / : * ? \" < > | or control characters",
      ],
      [{ fileName: '   ', text: '' }, "field 'fileName': a file name is required"],
      [{ fileName: 'a.json' }, "field 'text' is required: expected string, received undefined"],
      [{ fileName: 'a.json', text: 'x'.repeat(LIMITS.projectBytes + 1) }, "field 'text': larger than 20 MiB"],
    ];
    for (const [input, error] of cases) {
      await expect(call('saveProject', input)).resolves.toEqual({ ok: false, error });
    }
    expect(asked).toBe(false);
  });

  it('keeps the old file when the write fails', async () => {
    const call = handlersWith({ chooseFileToSave: async () => path.join(dir, 'no-such-dir', 'a.json') });
    const result = await call('saveProject', { fileName: 'a.json', text: '{}' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^could not save 'a\.json': ENOENT/);
  });
});
