import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/contract.ts';
import { toResult, type AnyHandler } from '../service/handlers.ts';
import { createProjectHandlers, type ProjectDialogs } from './project-files.ts';
import { RecentProjects } from './recent.ts';

let dir: string;
let userData: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'safedist-project-'));
  userData = mkdtempSync(path.join(tmpdir(), 'safedist-user-data-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

function handlersWith(dialogs: Partial<ProjectDialogs>) {
  const handlers = createProjectHandlers(
    { chooseFileToOpen: async () => null, chooseFileToSave: async () => null, ...dialogs },
    { recent: new RecentProjects(path.join(userData, 'recent.json')) },
  );
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

/** A valid project (data/store validates before writing a .sdp): the closed-form example. */
const PROJECT = readFileSync(new URL('../../examples/analytic-zones.json', import.meta.url), 'utf8');

describe('.sdp project files (data/store)', () => {
  it('saves a .sdp store by the chosen extension and opens it back to the same text', async () => {
    const target = path.join(dir, '示例.sdp');
    const save = handlersWith({ chooseFileToSave: async () => target });
    await expect(save('saveProject', { fileName: '示例.sdp', text: PROJECT })).resolves.toEqual({
      ok: true,
      value: { fileName: '示例.sdp' },
    });
    // An SQLite database (file format §1.3: the 16-byte magic string), not the JSON text.
    expect(readFileSync(target).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const open = handlersWith({ chooseFileToOpen: async () => target });
    await expect(open('openProject')).resolves.toEqual({
      ok: true,
      value: { fileName: '示例.sdp', text: PROJECT },
    });
  });

  it('saves a new version into an existing .sdp file', async () => {
    const target = path.join(dir, 'plant.sdp');
    const save = handlersWith({ chooseFileToSave: async () => target });
    await save('saveProject', { fileName: 'plant.sdp', text: PROJECT });
    const renamed = PROJECT.replace(/"name": "[^"]*"/, '"name": "新名"');
    expect(renamed).not.toBe(PROJECT);
    await expect(save('saveProject', { fileName: 'plant.sdp', text: renamed })).resolves.toMatchObject({
      ok: true,
    });
    const open = handlersWith({ chooseFileToOpen: async () => target });
    await expect(open('openProject')).resolves.toMatchObject({ value: { text: renamed } });
  });

  it('refuses to write an invalid project into a .sdp file, naming the field, and writes nothing', async () => {
    const target = path.join(dir, 'bad.sdp');
    const save = handlersWith({ chooseFileToSave: async () => target });
    const result = await save('saveProject', {
      fileName: 'bad.sdp',
      text: '{"format":"safedist-project","version":1,"name":"x","installations":"none"}',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^bad\.sdp: .*installations/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that is not a SafeDist store, naming it', async () => {
    const fake = path.join(dir, 'fake.sdp');
    writeFileSync(fake, '{"format":"safedist-project"}');
    const result = await handlersWith({ chooseFileToOpen: async () => fake })('openProject');
    expect(result).toEqual({
      ok: false,
      error: 'fake.sdp: not a SafeDist project (.sdp): not an SQLite database',
    });
  });
});

describe('recent projects', () => {
  it('lists opened and saved files newest first, by name and opaque id, and reopens them', async () => {
    const a = path.join(dir, 'a.safedist.json');
    const b = path.join(dir, 'b.sdp');
    writeFileSync(a, PROJECT);
    await handlersWith({ chooseFileToOpen: async () => a })('openProject');
    await handlersWith({ chooseFileToSave: async () => b })('saveProject', {
      fileName: 'b.sdp',
      text: PROJECT,
    });
    const call = handlersWith({});
    const listed = await call('listRecentProjects');
    if (!listed.ok) throw new Error(listed.error);
    const entries = listed.value as { id: string; fileName: string }[];
    expect(entries.map((e) => e.fileName)).toEqual(['b.sdp', 'a.safedist.json']);
    expect(JSON.stringify(entries)).not.toContain(dir); // no paths reach the renderer
    await expect(call('openRecentProject', { id: entries[1]!.id })).resolves.toEqual({
      ok: true,
      value: { fileName: 'a.safedist.json', text: PROJECT },
    });
  });

  it('says when a recent file is gone and drops it from the list', async () => {
    const a = path.join(dir, 'gone.json');
    writeFileSync(a, PROJECT);
    await handlersWith({ chooseFileToOpen: async () => a })('openProject');
    rmSync(a);
    const call = handlersWith({});
    const listed = await call('listRecentProjects');
    const id = listed.ok ? (listed.value as { id: string }[])[0]!.id : '';
    const result = await call('openRecentProject', { id });
    expect(!result.ok && result.error).toMatch(/^'gone\.json' is no longer where it was saved/);
    await expect(call('listRecentProjects')).resolves.toEqual({ ok: true, value: [] });
    await expect(call('openRecentProject', { id: '../../etc/passwd' })).resolves.toEqual({
      ok: false,
      error: "field 'id': an id from listRecentProjects is required",
    });
  });
});
