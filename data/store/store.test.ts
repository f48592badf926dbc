import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProjectError } from '../project/index.ts';
import { getRuleSet } from '../rules/index.ts';
import { builtInLibrary } from '../substances/library.ts';
import {
  autosavePath,
  discardAutosave,
  ProjectStore,
  readAutosave,
  recoverAutosave,
  ruleSetKey,
  SCHEMA_VERSION,
  StoreError,
  writeAutosave,
} from './index.ts';
import { APPLICATION_ID } from './schema.ts';
import { EXAMPLE_TEXT, generatedProjectText } from './test-projects.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdp-store-'));
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const T0 = '2024-03-01T08:00:00.000Z';
const T1 = '2024-03-02T09:30:00.000Z';

function created(text = EXAMPLE_TEXT, name = 'p.sdp') {
  const path = join(dir, name);
  ProjectStore.create(path, text, { at: T0 }).close();
  return path;
}

/** Asserts that opening `path` fails with a StoreError naming it and matching `message`, changing nothing. */
function expectRefused(path: string, message: RegExp) {
  const before = sha(path);
  const files = readdirSync(dir).sort();
  let error: unknown;
  try {
    ProjectStore.open(path).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).toContain(path);
  expect((error as Error).message).toMatch(message);
  expect(sha(path)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(files);
}

describe('ProjectStore: the project round-trips exactly', () => {
  it('keeps the example project text byte for byte, through closing and reopening', () => {
    const path = created();
    const store = ProjectStore.open(path);
    expect(store.text).toBe(EXAMPLE_TEXT);
    expect(store.project.name).toBe('示例化工有限公司');
    expect(store.verify()).toEqual([]);
    store.close();
  });

  it('keeps 40 generated projects (not in the repository) byte for byte', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = generatedProjectText(seed);
      const path = created(text, `g${seed}.sdp`);
      const store = ProjectStore.open(path);
      expect(store.text).toBe(text);
      store.close();
    }
  });

  it('copies in the substances the project uses and the rule set, equal to the library and the built-in set', () => {
    const store = ProjectStore.open(created());
    expect([...store.substances.keys()]).toEqual(['chlorine']);
    expect(store.substances.get('chlorine')).toEqual(
      JSON.parse(JSON.stringify(builtInLibrary().find('chlorine'))),
    );
    expect(store.rules).toEqual(getRuleSet('GB36894-2018', 1));
    store.close();
  });

  it('reads a project with the copied substance data even when the library no longer has it', () => {
    const path = join(dir, 'own.sdp');
    const chlorine = builtInLibrary().find('chlorine')!;
    // A library that names chlorine differently: the copy made at creation stays what the study used.
    ProjectStore.create(path, EXAMPLE_TEXT, {
      at: T0,
      library: { substances: [{ ...chlorine, nameEn: 'first copy' }] },
    }).close();
    const store = ProjectStore.open(path);
    store.save(EXAMPLE_TEXT.replace('示例化工有限公司', '改名'), { at: T1 });
    expect(store.substances.get('chlorine')!.nameEn).toBe('first copy');
    store.close();
  });

  it('refuses to create over an existing file', () => {
    const path = created();
    expect(() => ProjectStore.create(path, EXAMPLE_TEXT)).toThrow(/already exists/);
  });
});

describe('ProjectStore: saving and the audit log', () => {
  it('records each change with the time the caller gives and the fields that changed', () => {
    const store = ProjectStore.open(created());
    const edited = JSON.parse(EXAMPLE_TEXT);
    edited.installations[0].inventory = '25 t';
    edited.targets[0].population.day = 900;
    const entry = store.save(JSON.stringify(edited, null, 2), { at: T1 });
    expect(entry?.at).toBe(T1);
    expect(entry?.detail.changes).toEqual([
      { path: 'installations[0].inventory', change: 'changed' },
      { path: 'targets[0].population.day', change: 'changed' },
    ]);
    const log = store.audit();
    expect(log.map((e) => [e.action, e.at])).toEqual([
      ['create', T0],
      ['save', T1],
    ]);
    store.close();
  });

  it('keeps LOC frequency overrides and their reason in the audit log', () => {
    const store = ProjectStore.open(created());
    const edited = JSON.parse(EXAMPLE_TEXT);
    edited.installations[0].equipment[0].frequencies = { instantaneous: 1e-7 };
    edited.installations[0].equipment[0].reason = '双层罐, 见设计说明 §3';
    store.save(JSON.stringify(edited), { at: T1 });
    expect(store.audit()[1]!.detail.overrides).toEqual([
      {
        installation: 'T101',
        equipment: 0,
        frequencies: { instantaneous: 1e-7 },
        reason: '双层罐, 见设计说明 §3',
      },
    ]);
    store.close();
  });

  it('refuses an invalid project, naming the field, and writes nothing', () => {
    const path = created();
    const store = ProjectStore.open(path);
    const bad = JSON.parse(EXAMPLE_TEXT);
    bad.targets[0].population.day = 'many';
    expect(() => store.save(JSON.stringify(bad), { at: T1 })).toThrow(ProjectError);
    expect(() => store.save(JSON.stringify(bad), { at: T1 })).toThrow(/targets\[0\]\.population\.day/);
    expect(store.text).toBe(EXAMPLE_TEXT);
    expect(store.audit()).toHaveLength(1);
    store.close();
    expect(ProjectStore.open(path).text).toBe(EXAMPLE_TEXT);
  });
});

describe('ProjectStore: cached results', () => {
  it('reads back exactly what was stored, including infinities and negative zero', () => {
    const store = ProjectStore.open(created());
    const key = { inputHash: store.inputHash, engineVersion: '0.1.0', ruleSet: ruleSetKey(store.rules) };
    const value = { a: [1 / 3, -0, Infinity, -Infinity, NaN, 1e-300], nested: { s: '氯' } };
    expect(store.getResult(key)).toBeUndefined();
    store.putResult(key, value, { at: T1 });
    const back = store.getResult(key) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(store.getResult({ ...key, engineVersion: '0.2.0' })).toBeUndefined();
    expect(store.latestResult()?.key).toEqual(key);
    store.close();
  });

  it('keys a rule set by its content: an edited copy with the same id and version gets another key', () => {
    const rules = getRuleSet();
    const edited = { ...rules, title: `${rules.title} (edited)` };
    expect(ruleSetKey(edited)).not.toBe(ruleSetKey(rules));
    expect(ruleSetKey(rules)).toMatch(/^GB36894-2018 v1 sha256:[0-9a-f]{64}$/);
  });
});

describe('ProjectStore: schema versions', () => {
  it('opens a file of schema 1 (before the site-plan table) and migrates it, keeping the project', () => {
    const path = created();
    const raw = new Database(path);
    raw.exec('DROP TABLE site_plan');
    raw.pragma('user_version = 1');
    raw.close();
    const store = ProjectStore.open(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.text).toBe(EXAMPLE_TEXT);
    expect(store.sitePlan()).toEqual([]);
    store.replaceSitePlan(
      [
        {
          layer: 'WALL',
          closed: true,
          points: [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        },
      ],
      'plan.dxf',
      { at: T1 },
    );
    expect(store.sitePlan()).toHaveLength(1);
    store.close();
  });

  it('refuses a file of a newer schema with a clear message and leaves it untouched', () => {
    const path = created();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(path, /newer SafeDist .*schema 3; this version reads up to 2.*not changed/);
  });
});

describe('ProjectStore: bad files are refused, named, and left unchanged', () => {
  it('a text file', () => {
    const path = join(dir, 'text.sdp');
    writeFileSync(path, EXAMPLE_TEXT);
    expectRefused(path, /not an SQLite database/);
  });

  it('an empty file', () => {
    const path = join(dir, 'empty.sdp');
    writeFileSync(path, '');
    expectRefused(path, /empty file/);
  });

  it('an SQLite database of another program', () => {
    const path = join(dir, 'other.sdp');
    const raw = new Database(path);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expectRefused(path, /another program \(application_id 0\)/);
  });

  it('a SafeDist file truncated to half its length', () => {
    const path = created();
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
    expectRefused(path, /truncated/);
  });

  it('a file whose pages were overwritten with garbage', () => {
    const path = created();
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff;
    writeFileSync(path, bytes);
    expectRefused(path, /corrupted/);
  });

  it('a missing file', () => {
    expect(() => ProjectStore.open(join(dir, 'none.sdp'))).toThrow(/none\.sdp: cannot open \(ENOENT\)/);
    expect(existsSync(join(dir, 'none.sdp'))).toBe(false);
  });

  it('the application id is the bytes "SDP1"', () => {
    expect(Buffer.from(APPLICATION_ID.toString(16), 'hex').toString('latin1')).toBe('SDP1');
  });
});

describe('autosave and recovery', () => {
  it('recovers unsaved edits after a crash, records it, and removes the autosave', () => {
    const path = created();
    const store = ProjectStore.open(path);
    const edited = EXAMPLE_TEXT.replace('"inventory": "20 t"', '"inventory": "30 t"');
    writeAutosave(path, edited, store.inputHash, T1);
    store.close(); // the app "crashes" here: the edits were never saved

    const reopened = ProjectStore.open(path);
    expect(reopened.text).toBe(EXAMPLE_TEXT);
    expect(readAutosave(path)).toEqual({ at: T1, baseInputHash: reopened.inputHash, text: edited });
    const entry = recoverAutosave(reopened, { at: '2024-03-03T00:00:00.000Z' });
    expect(entry?.action).toBe('recover-autosave');
    expect(entry?.summary).toContain(T1);
    expect(reopened.text).toBe(edited);
    expect(existsSync(autosavePath(path))).toBe(false);
    reopened.close();
  });

  it('keeps an autosave that is not a valid project, and the file unchanged, when recovery fails', () => {
    const path = created();
    const store = ProjectStore.open(path);
    writeAutosave(path, '{"format": "safedist-project", "version": 1', store.inputHash, T1);
    expect(() => recoverAutosave(store)).toThrow(/not valid JSON/);
    expect(store.text).toBe(EXAMPLE_TEXT);
    expect(readAutosave(path)).toBeDefined();
    discardAutosave(path);
    expect(readAutosave(path)).toBeUndefined();
    store.close();
  });

  it('names a damaged autosave file', () => {
    const path = created();
    writeFileSync(autosavePath(path), '{"format": "other"}');
    expect(() => readAutosave(path)).toThrow(`${autosavePath(path)}: not a SafeDist autosave file`);
  });
});
