import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

/** Runs `safedist <args>` with captured streams. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => undefined,
    readFile: async () => '',
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe('safedist substances', () => {
  it('lists id, 中文名, English and CAS, one line per substance after the header', async () => {
    const { code, out } = await run('substances');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+中文名\s+English\s+CAS$/);
    expect(lines.length).toBe(1 + 77);
    expect(lines.find((l) => l.startsWith('chlorine '))).toMatch(/^chlorine\s+氯\s+Chlorine\s+7782-50-5$/);
  });

  it('lists as JSON with --json', async () => {
    const { code, out } = await run('substances', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; cas: string }[];
    expect(rows.find((r) => r.id === 'lpg')?.cas).toBe('68476-85-7');
  });

  it('shows one substance with units and sources: chlorine probit −6.35/0.5/2.75 from PB52 (standards.md A §4.5)', async () => {
    const { code, out } = await run('substances', '氯');
    expect(code).toBe(0);
    expect(out).toContain('CAS 7782-50-5');
    expect(out).toMatch(
      /toxic probit .*a -6\.35, b 0\.5, n 2\.75 \(C in mg\/m3, t in min\)\n\s+source: PB52/,
    );
    expect(out).toMatch(/GB 18218 critical quantity Q\s+5000 kg \(5 t\)/);
    expect(out).toMatch(/critical pressure\s+7642000 Pa\n\s+source: CP/);
    expect(out).toContain('PB52: Purple Book CPR 18E (1999) Table 5.2');
  });

  it('joins several words into one query and finds English names in any case', async () => {
    const { code, out } = await run('substances', 'HYDROGEN', 'SULFIDE');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('hydrogen-sulfide  硫化氢  Hydrogen sulfide');
  });

  it('prints the whole substance as JSON with the SI unit of each property', async () => {
    const { code, out } = await run('substances', '7664-41-7', '--json');
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.id).toBe('ammonia');
    expect(s.toxicProbit).toEqual({ a: -15.6, b: 1, n: 2, units: 'mg/m3-min' });
    expect(s.units.criticalPressure).toBe('Pa');
    expect(s.valueSources.toxicProbit.keys).toEqual(['PB52']);
  });

  it('exits 2 with one clear line for an unknown substance, suggesting near names', async () => {
    const { code, out, err } = await run('substances', 'unobtainium');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      "safedist: substances: no substance matches 'unobtainium' (by id, 中文名, English name, CAS or alias); see `safedist substances` for the list\n",
    );
    const near = await run('substances', 'sulf');
    expect(near.code).toBe(2);
    expect(near.err).toContain('did you mean hydrogen-sulfide');
  });

  it('exits 2 for an unknown option', async () => {
    const { code, err } = await run('substances', '--xml');
    expect(code).toBe(2);
    expect(err).toBe("safedist: substances: unknown option '--xml'\n");
  });
});
