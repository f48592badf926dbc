import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS, type AppInfo } from '../../shared/contract.ts';
import { createAppHandlers } from './app-services.ts';
import { toResult, type AnyHandler } from './handlers.ts';

/** The shared handlers on the real data/ library and rule sets, through the same envelope IPC and HTTP use. */
const appInfo: AppInfo = { name: 'SafeDist', version: '0.1.0', mode: 'web', versions: { node: '20.0.0' } };
const handlers = createAppHandlers(appInfo, {
  autosaveDir: mkdtempSync(path.join(tmpdir(), 'safedist-autosave-')),
});
const call = (method: keyof typeof handlers, input?: unknown) => {
  const handler: AnyHandler = handlers[method];
  return toResult(() => handler(input));
};

describe('getAppInfo', () => {
  it('returns the app info and takes no input', async () => {
    await expect(call('getAppInfo')).resolves.toEqual({ ok: true, value: appInfo });
    await expect(call('getAppInfo', { x: 1 })).resolves.toEqual({
      ok: false,
      error: 'input: this method takes no input',
    });
  });
});

describe('searchSubstances', () => {
  it('finds chlorine by Chinese name, English name, CAS and formula', async () => {
    for (const query of ['氯', 'chlorine', 'CHLORINE', '7782-50-5', 'Cl2', '  7782 - 50 - 5 ']) {
      const result = await call('searchSubstances', { query });
      expect(result.ok, query).toBe(true);
      if (result.ok)
        expect(
          (result.value as { id: string }[]).map((s) => s.id),
          query,
        ).toContain('chlorine');
    }
  });

  it('matches substrings and honours the limit', async () => {
    const all = await call('searchSubstances', { query: '' });
    const two = await call('searchSubstances', { query: '', limit: 2 });
    if (!all.ok || !two.ok) throw new Error('search failed');
    expect((all.value as unknown[]).length).toBeGreaterThan(2);
    expect(two.value).toEqual((all.value as unknown[]).slice(0, 2));
    await expect(call('searchSubstances', { query: 'no-such-substance-xyz' })).resolves.toEqual({
      ok: true,
      value: [],
    });
  });

  it('rejects bad payloads naming the field and the valid range', async () => {
    const cases: [unknown, string][] = [
      [undefined, 'input: expected object, received undefined'],
      [{}, "field 'query' is required: expected string, received undefined"],
      [{ query: 5 }, "field 'query': expected string, received number"],
      [
        { query: 'x'.repeat(LIMITS.searchQueryLength + 1) },
        `field 'query': at most ${LIMITS.searchQueryLength} characters`,
      ],
      [{ query: 'x', limit: 0 }, `field 'limit': valid range 1 … ${LIMITS.searchResults}`],
      [{ query: 'x', limit: 2.5 }, "field 'limit': expected int, received number"],
      [{ query: 'x', extra: true }, "unknown field 'extra'"],
    ];
    for (const [input, error] of cases) {
      await expect(call('searchSubstances', input), JSON.stringify(input)).resolves.toEqual({
        ok: false,
        error,
      });
    }
  });
});

describe('getSubstance', () => {
  it('returns chlorine with SI values and their sources', async () => {
    const result = await call('getSubstance', { id: 'chlorine' });
    if (!result.ok) throw new Error(result.error);
    const chlorine = result.value as {
      cas: string;
      properties: { key: string; value: number; unit: string; sources: string[] }[];
      gb18218CriticalQuantity?: number;
    };
    expect(chlorine.cas).toBe('7782-50-5');
    // Cl2: 2 × 35.453 g/mol (IUPAC standard atomic weight of Cl, conventional value) = 70.906 g/mol.
    const molarMass = chlorine.properties.find((p) => p.key === 'molarMass');
    expect(molarMass?.unit).toBe('kg/mol');
    expect(molarMass?.value).toBeCloseTo(2 * 0.035453, 6);
    expect(molarMass?.sources.length).toBeGreaterThan(0);
    // GB 18218-2018 Table 1: chlorine, critical quantity 5 t.
    expect(chlorine.gb18218CriticalQuantity).toBe(5000);
    // Absent values are left out, never reported as 0 (chlorine does not burn: no heat of combustion).
    expect(chlorine.properties.some((p) => p.key === 'heatOfCombustion')).toBe(false);
  });

  it('reports an unknown id and a malformed payload', async () => {
    await expect(call('getSubstance', { id: 'unobtainium' })).resolves.toEqual({
      ok: false,
      error: "unknown substance id 'unobtainium'",
    });
    await expect(call('getSubstance', { id: '' })).resolves.toEqual({
      ok: false,
      error: "field 'id': a substance id is required",
    });
  });
});

describe('listRuleSets', () => {
  it('lists the built-in GB 36894-2018 rule set', async () => {
    const result = await call('listRuleSets');
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toContainEqual(expect.objectContaining({ id: 'GB36894-2018', version: 1 }));
  });
});

describe('toResult', () => {
  it('reports an unexpected exception as an internal error, logging it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(toResult(() => Promise.reject(new TypeError('boom')))).resolves.toEqual({
      ok: false,
      error: 'internal error: boom',
    });
    expect(log).toHaveBeenCalledOnce();
  });
});
