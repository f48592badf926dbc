import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

/** Runs `safedist <args>` with captured streams; files are read from disk, or from `files` when named there. */
async function run(args: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => undefined,
    readFile: async (path) => files[path] ?? (await readFile(path, 'utf8')),
  };
  const code = await main(args, io);
  return { code, out, err };
}

const EXAMPLE = 'data/project/fixtures/example.json';

describe('safedist rules', () => {
  it('prints every value with its confidence and source (GB 36894 Table 1, spec/standards.md A §1.3)', async () => {
    const { code, out } = await run(['rules']);
    expect(code).toBe(0);
    expect(out).toMatch(/^GB36894-2018@v1 — /);
    expect(out).toContain('individualRisk.general-2.new = 3e-6 per year  [likely] GB 36894-2018 Table 1');
    expect(out).toMatch(/majorHazard\.named\[#12 氯\]\.criticalQuantity = 5000 kg {2}\[likely\]/);
    expect(out).toMatch(
      /explosives\.thresholds\[high-sensitivity\]\.overpressure = 2000 Pa {2}\[unsure\].*to verify/,
    );
  });
  it('prints the SI rule set as JSON and lists the rule sets', async () => {
    const json = JSON.parse((await run(['rules', '--json', '--id', 'GB36894-2018'])).out);
    expect(json.vulnerability.thermalCertainDeathFlux.value).toBe(35_000);
    expect((await run(['rules', '--list'])).out).toMatch(/^GB36894-2018 {2}v1 {2}/);
  });
  it('exits 2 naming an unknown rule set', async () => {
    const { code, err } = await run(['rules', '--id', 'nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/no rule set 'nope'; available: GB36894-2018 v1/);
  });
});

describe('safedist classify', () => {
  it('gives Σq/Q = 20 t / 5 t = 4 for the chlorine store of spec/project-format.md, QRA, with reasons', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    // 10 residents within 500 m: α = 1 (GB 18218 Table 5), R = 1·4·4 = 16 → 三级, as in the spec's output example.
    const project = { ...JSON.parse(text), site: { residentsWithin500m: 10 } };
    const { code, out } = await run(['classify', 'p.json', '--json'], { 'p.json': JSON.stringify(project) });
    expect(code).toBe(0);
    const c = JSON.parse(out);
    expect(c.method).toBe('qra');
    expect(c.units[0]).toMatchObject({ id: 'T101', sumQOverQ: 4, majorHazard: true, R: 16, grade: '三级' });
    expect(c.majorHazardGrade).toEqual({ unit: 'T101', R: 16, grade: '三级' });
    expect(c.units[0].reasons[0].text).toBe('chlorine: Q = 5 t, GB 18218 Table 1 row 12 (氯)');
  });
  it('prints a readable summary', async () => {
    const { code, out } = await run(['classify', EXAMPLE]);
    expect(code).toBe(0);
    expect(out).toContain('chlorine: q = 20 t, Q = 5 t, q/Q = 4, β = 4');
    expect(out).toContain('method: qra');
  });
  it('exits 2 with one line per problem naming the file and the path', async () => {
    const bad = JSON.stringify({
      ...JSON.parse(await readFile(EXAMPLE, 'utf8')),
      installations: [{ id: 'X' }],
    });
    const { code, err } = await run(['classify', 'bad.json'], { 'bad.json': bad });
    expect(code).toBe(2);
    expect(err).toMatch(/^safedist: bad\.json: \d+ problems:\n {2}installations\[0\]\.name: required/);
  });
});
