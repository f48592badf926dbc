import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areasFromCsv, CsvImportError, mergeAreas } from '../exchange/csv-areas.ts';
import { parseProject, ProjectError } from '../project/index.ts';
import { ProjectStore, StoreError } from './index.ts';
import { prng } from '../../core/math/prng.ts';
import { EXAMPLE_TEXT, generatedProjectText } from './test-projects.ts';

/**
 * Fuzz tests (seeded, so a failure repeats): thousands of mutated project JSONs, project files and CSVs must
 * each give a clean, named error or a valid project — never another exception, never a partial write.
 */
const random = prng(0x5afed157);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const NASTY_TEXT = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '1',
  '-',
  'e',
  'x',
  ' ',
  '\\',
  'null',
  '\u0000',
  '氯',
  '1e999',
];
const NASTY_VALUES: unknown[] = [
  null,
  'abc',
  -1,
  0,
  1e308,
  -1e-308,
  [],
  {},
  true,
  '20 t',
  '7 bar',
  '-5 degC',
  'NaN',
  1.5,
  '',
];

/** A mutation of a JSON text: character edits, cuts, or a value replaced or removed at a random path. */
function mutateJson(text: string): string {
  const kind = int(4);
  if (kind === 0) {
    const at = int(text.length);
    return text.slice(0, at) + pick(NASTY_TEXT) + text.slice(at + int(3));
  }
  if (kind === 1) return text.slice(0, int(text.length));
  const json = JSON.parse(text) as unknown;
  // Walk to a random container, then replace or delete one of its members.
  let node = json as Record<string, unknown>;
  for (let depth = 0; depth < 1 + int(6); depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = node[pick(keys)];
    if (next === null || typeof next !== 'object') break;
    node = next as Record<string, unknown>;
  }
  const keys = Object.keys(node);
  if (keys.length > 0) {
    const key = pick(keys);
    if (kind === 2 && !Array.isArray(node)) delete node[key];
    else node[key] = pick(NASTY_VALUES);
  }
  return JSON.stringify(json, null, int(2) * 2);
}

function expectOnly(error: unknown, ...types: (new (...args: never[]) => Error)[]) {
  if (!types.some((t) => error instanceof t)) throw error;
  expect((error as Error).message.length).toBeGreaterThan(0);
}

describe('fuzz: mutated inputs give a clean error or a valid project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdp-fuzz-'));
  const bases = [EXAMPLE_TEXT, ...Array.from({ length: 10 }, (_, k) => generatedProjectText(500 + k))];

  it('2000 mutated project JSONs saved into an open file: the file holds the old text or exactly the new', () => {
    const path = join(dir, 'save.sdp');
    const store = ProjectStore.create(path, EXAMPLE_TEXT, { at: '2024-01-01T00:00:00.000Z' });
    let saved = 0;
    for (let k = 0; k < 2000; k++) {
      const text = mutateJson(pick(bases));
      const before = store.text;
      try {
        store.save(text, { at: '2024-01-02T00:00:00.000Z' });
        expect(store.text).toBe(text);
        saved++;
      } catch (e) {
        expectOnly(e, ProjectError);
        expect(store.text).toBe(before);
      }
    }
    const text = store.text;
    store.close();
    const reopened = ProjectStore.open(path);
    expect(reopened.text).toBe(text);
    expect(reopened.verify()).toEqual([]);
    reopened.close();
    expect(saved).toBeGreaterThan(50); // some mutations stay valid (e.g. a name or a number changed)
  });

  it('300 mutated project JSONs imported as new files: a complete file or none, no temporary left', () => {
    for (let k = 0; k < 300; k++) {
      const text = mutateJson(pick(bases));
      const path = join(dir, `new-${k}.sdp`);
      try {
        ProjectStore.create(path, text, { at: '2024-01-01T00:00:00.000Z' }).close();
        const s = ProjectStore.open(path);
        expect(s.text).toBe(text);
        s.close();
      } catch (e) {
        expectOnly(e, ProjectError);
        expect(existsSync(path)).toBe(false);
      }
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('-journal'))).toEqual([]);
  });

  it('600 damaged project files: refused unchanged with the file named, or opened as a valid project', () => {
    const base = join(dir, 'base.sdp');
    ProjectStore.create(base, EXAMPLE_TEXT, { at: '2024-01-01T00:00:00.000Z' }).close();
    ProjectStore.open(base).close(); // as a file looks after it has been opened once (WAL mode)
    const original = readFileSync(base);
    let refused = 0;
    for (let k = 0; k < 600; k++) {
      const bytes = Buffer.from(original);
      let damaged: Buffer = bytes;
      const kind = int(4);
      if (kind === 0) damaged = bytes.subarray(0, int(bytes.length));
      else if (kind === 1) for (let n = 1 + int(8); n > 0; n--) bytes[int(100)] = int(256);
      else if (kind === 2) for (let n = 1 + int(64); n > 0; n--) bytes[int(bytes.length)] = int(256);
      else bytes.fill(int(256), int(bytes.length), int(bytes.length));
      const path = join(dir, `damaged-${k}.sdp`);
      writeFileSync(path, damaged);
      const before = sha(path);
      try {
        const s = ProjectStore.open(path);
        expect(s.project.installations.length).toBeGreaterThan(0);
        s.close();
      } catch (e) {
        expectOnly(e, StoreError);
        expect((e as Error).message.startsWith(`${path}: `)).toBe(true);
        expect(sha(path)).toBe(before);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('2000 mutated CSVs of targets: a clean error naming the file, or areas that make a valid project or a ProjectError', () => {
    const csv = [
      '编号,名称,类别,白天人口,夜间人口,室内比例,x,y,边界',
      'S2,第二小学,高敏感,600,0,93%,300,40,',
      'R1,"居民区, 东",一般一类,300,600,0.99,,,"POLYGON ((350 -50, 450 -50, 450 50, 350 50, 350 -50))"',
    ].join('\n');
    const pieces = [',', '"', '\n', '\r\n', '%', 'POLYGON ((', ')', '-', '1e5', '编号', '', 'NaN', ' '];
    let valid = 0;
    for (let k = 0; k < 2000; k++) {
      let text = csv;
      for (let n = 1 + int(3); n > 0; n--) {
        const at = int(text.length);
        text = text.slice(0, at) + pick(pieces) + text.slice(at + int(4));
      }
      try {
        const { kind, areas } = areasFromCsv(text, 'fuzz.csv');
        const merged = mergeAreas(JSON.parse(EXAMPLE_TEXT), kind, areas);
        parseProject(merged, { fileName: 'fuzz.csv', isKnownSubstance: () => true });
        valid++;
      } catch (e) {
        expectOnly(e, CsvImportError, ProjectError);
        expect((e as Error).message).toMatch(/^fuzz\.csv/);
      }
    }
    expect(valid).toBeGreaterThan(100);
  });
});
