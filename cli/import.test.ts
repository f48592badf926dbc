import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import DxfParser from 'dxf-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../data/store/index.ts';
import { EXAMPLE_TEXT, generatedProjectText } from '../data/store/test-projects.ts';
import { runCli } from './run-for-test.ts';

const ANALYTIC = fileURLToPath(new URL('../examples/analytic-zones.json', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdp-cli-'));
});
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function imported(source = ANALYTIC, name = 'p.sdp') {
  const sdp = join(dir, name);
  const r = await runCli(['import', source, '--out', sdp]);
  expect(r).toMatchObject({ code: 0, err: '' });
  return sdp;
}

describe('safedist import/export: JSON round-trips exactly', () => {
  it('JSON → .sdp → JSON gives the same bytes, for the analytic example and 10 generated projects', async () => {
    const sources = [ANALYTIC];
    for (let seed = 101; seed <= 110; seed++) {
      const path = join(dir, `g${seed}.json`);
      writeFileSync(path, generatedProjectText(seed));
      sources.push(path);
    }
    for (const [k, source] of sources.entries()) {
      const sdp = await imported(source, `p${k}.sdp`);
      const back = join(dir, `back${k}.json`);
      expect(await runCli(['export', sdp, '--format', 'json', '--out', back])).toMatchObject({ code: 0 });
      expect(readFileSync(back).equals(readFileSync(source))).toBe(true);
    }
  });

  it('refuses to import over an existing file, and saves a new version with --into', async () => {
    const sdp = await imported();
    const r = await runCli(['import', ANALYTIC, '--out', sdp]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists; use --into/);
    const example = join(dir, 'example.json');
    writeFileSync(example, EXAMPLE_TEXT);
    expect(await runCli(['import', example, '--into', sdp])).toMatchObject({ code: 0 });
    const store = ProjectStore.open(sdp);
    expect(store.text).toBe(EXAMPLE_TEXT);
    expect(store.audit().map((e) => e.action)).toEqual(['import-json', 'import-json']);
    store.close();
  });

  it('a JSON with a wrong-typed field: exit 2 naming file and field; no file is created', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, EXAMPLE_TEXT.replace('"inventory": "20 t"', '"inventory": true'));
    const sdp = join(dir, 'bad.sdp');
    const r = await runCli(['import', bad, '--out', sdp]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: installations[0].inventory`);
    expect(existsSync(sdp)).toBe(false);
  });
});

describe('safedist assess on a project file', () => {
  it('gives the same output as on the JSON, computed or read back from the cache', async () => {
    const sdp = await imported();
    const fromJson = await runCli(['assess', ANALYTIC, '--json']);
    expect(fromJson.code).toBe(0);
    const first = await runCli(['assess', sdp, '--json']);
    const store = ProjectStore.open(sdp);
    expect(store.latestResult()?.key.inputHash).toBe(JSON.parse(first.out).inputHash);
    store.close();
    const cached = await runCli(['assess', sdp, '--json']);
    expect(first.out).toBe(fromJson.out);
    expect(cached.out).toBe(fromJson.out);
    const summaryJson = await runCli(['assess', ANALYTIC, '--lang', 'en']);
    const summaryCached = await runCli(['assess', sdp, '--lang', 'en']);
    expect(summaryCached.out).toBe(summaryJson.out);
  });

  it('a truncated project file: exit 2 naming the file, and the file is left as it was', async () => {
    const sdp = await imported();
    const bytes = readFileSync(sdp);
    writeFileSync(sdp, bytes.subarray(0, 5000));
    const before = sha(sdp);
    const r = await runCli(['assess', sdp, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${sdp}: truncated`);
    expect(sha(sdp)).toBe(before);
  });
});

describe('safedist import of CSV areas and DXF site plans', () => {
  it('merges targets from a CSV with Chinese headers, with an audit entry', async () => {
    const sdp = await imported();
    const csv = join(dir, 'targets.csv');
    writeFileSync(
      csv,
      '\uFEFF编号,名称,类别,白天人口,夜间人口,室内比例,x,y\nH1,卫生院,重要,50,30,0.9,-150,80\n',
    );
    const r = await runCli(['import', csv, '--into', sdp]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const store = ProjectStore.open(sdp);
    expect(store.project.targets.map((t) => t.id)).toEqual(['S1', 'R1', 'H1']);
    expect(store.audit().at(-1)).toMatchObject({ action: 'import-csv', summary: `1 targets from ${csv}` });
    store.close();
  });

  it('a CSV with a missing column: exit 2 naming the file and the column; the project file is unchanged', async () => {
    const sdp = await imported();
    const before = sha(sdp);
    const csv = join(dir, 'areas.csv');
    writeFileSync(csv, '编号,名称,白天人口,x,y\nA1,村,10,0,0\n');
    const r = await runCli(['import', csv, '--into', sdp]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${csv} line 1: missing column night`);
    expect(sha(sdp)).toBe(before);
  });

  it('a CSV whose areas make the project invalid (a target id already used by a population area) changes nothing', async () => {
    const sdp = await imported();
    const before = sha(sdp);
    const csv = join(dir, 'dup.csv');
    writeFileSync(csv, 'id,day,night,x,y\nS1,1,1,0,0\n');
    const r = await runCli(['import', csv, '--into', sdp, '--as', 'population']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(sdp);
    expect(sha(sdp)).toBe(before);
  });

  it('imports a DXF site plan and exports it again on its own layers', async () => {
    const sdp = await imported();
    const plan = join(dir, 'plan.dxf');
    writeFileSync(
      plan,
      [
        '0',
        'SECTION',
        '2',
        'ENTITIES',
        '0',
        'LWPOLYLINE',
        '8',
        'FENCE',
        '90',
        '3',
        '70',
        '1',
        '10',
        '-50',
        '20',
        '-50',
        '10',
        '50',
        '20',
        '-50',
        '10',
        '0',
        '20',
        '60',
        '0',
        'ENDSEC',
        '0',
        'EOF',
      ].join('\n'),
    );
    expect(await runCli(['import', plan, '--into', sdp, '--layer', 'FENCE'])).toMatchObject({ code: 0 });
    const out = join(dir, 'out.dxf');
    expect(await runCli(['export', sdp, '--format', 'dxf', '--out', out])).toMatchObject({ code: 0 });
    const dxf = new DxfParser().parseSync(readFileSync(out, 'utf8'))!;
    const fence = dxf.entities.filter((e) => e.layer === 'PLAN_FENCE') as unknown as {
      vertices: { x: number; y: number }[];
    }[];
    expect(fence[0]!.vertices.map((v) => [v.x, v.y])).toEqual([
      [-50, -50],
      [50, -50],
      [0, 60],
    ]);
    expect(await runCli(['import', plan, '--into', sdp, '--as', 'boundary'])).toMatchObject({ code: 0 });
    expect(ProjectStore.open(sdp).project.site.boundary).toHaveLength(3);
  });
});
