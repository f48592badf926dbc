import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRuleSet, listRuleSets, parseRuleSet } from '../../data/rules/index.ts';
import { AUTOSAVE_FORMAT } from '../../data/store/autosave.ts';
import { createDocumentHandlers, RULE_SET_DOCUMENTS } from './documents.ts';
import { toResult, type AnyHandler } from './handlers.ts';

/** The document methods on the real data/store and rule-set files, through the envelope IPC and HTTP use. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'safedist-documents-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PROJECT = readFileSync(new URL('../../examples/analytic-zones.json', import.meta.url), 'utf8');

function handlers(now = () => '2025-01-02T03:04:05.000Z') {
  const all = createDocumentHandlers({ autosaveDir: path.join(dir, 'autosave'), now });
  return (method: keyof typeof all, input?: unknown) => {
    const handler: AnyHandler = all[method];
    return toResult(() => handler(input));
  };
}

describe('getRuleSet', () => {
  it('has the file of every rule set data/rules lists, and each parses to the rule set the engine uses', () => {
    for (const { id, version } of listRuleSets()) {
      const document = RULE_SET_DOCUMENTS.get(`${id} v${version}`);
      expect(document, `${id} v${version}`).toBeDefined();
      expect(parseRuleSet(document, 'document')).toEqual(getRuleSet(id, version));
    }
  });

  it('returns the GB 36894 file with its values as written, sources and confidence marks', async () => {
    const result = await handlers()('getRuleSet', { id: 'GB36894-2018', version: 1 });
    if (!result.ok) throw new Error(result.error);
    type Doc = {
      individualRisk: Record<string, Record<string, object>>;
      vulnerability: { thermalCertainDeathFlux: { value: unknown } };
    };
    const value = result.value as { title: string; document: Doc };
    expect(value.title).toMatch(/^GB 36894-2018/);
    // GB 36894-2018 Table 1: high-sensitivity targets near an existing installation, 3×10⁻⁶ per year.
    expect(value.document.individualRisk['high-sensitivity']?.existing).toMatchObject({
      value: 3e-6,
      confidence: expect.stringMatching(/^(sure|likely|unsure)$/),
      source: expect.stringContaining('GB 36894-2018 Table 1'),
    });
    // Units stay as the authors wrote them (the engine gets SI from data/rules).
    expect(value.document.vulnerability.thermalCertainDeathFlux.value).toBe('35 kW/m^2');
  });

  it('names an unknown rule set and a bad payload', async () => {
    await expect(handlers()('getRuleSet', { id: 'GB36894-2018', version: 9 })).resolves.toEqual({
      ok: false,
      error: "no built-in rule set 'GB36894-2018 v9'",
    });
    await expect(handlers()('getRuleSet', { id: 'GB36894-2018' })).resolves.toEqual({
      ok: false,
      error: "field 'version' is required: expected number, received undefined",
    });
  });
});

describe('readSdp / writeSdp', () => {
  it('writes a .sdp file (an SQLite database) and reads the same project text back', async () => {
    const call = handlers();
    const written = await call('writeSdp', { fileName: 'zones.sdp', text: PROJECT });
    if (!written.ok) throw new Error(written.error);
    const bytes = Buffer.from((written.value as { base64: string }).base64, 'base64');
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    await expect(
      call('readSdp', { fileName: 'zones.sdp', base64: bytes.toString('base64') }),
    ).resolves.toEqual({ ok: true, value: { fileName: 'zones.sdp', text: PROJECT } });
  });

  it('refuses an invalid project and bytes that are not a store, naming the file', async () => {
    const call = handlers();
    const invalid = await call('writeSdp', { fileName: 'x.sdp', text: '{"format":"safedist-project"}' });
    expect(!invalid.ok && invalid.error).toMatch(/^x\.sdp: /);
    await expect(
      call('readSdp', { fileName: 'x.sdp', base64: Buffer.from('{}').toString('base64') }),
    ).resolves.toEqual({ ok: false, error: 'x.sdp: not a SafeDist project (.sdp): not an SQLite database' });
    await expect(call('readSdp', { fileName: 'x.sdp', base64: 'not base64!' })).resolves.toEqual({
      ok: false,
      error: "field 'base64': must be base64 (RFC 4648)",
    });
  });
});

describe('session autosave', () => {
  it('keeps the last edits in the data/store autosave format until discarded', async () => {
    const call = handlers();
    await expect(call('readAutosave')).resolves.toEqual({ ok: true, value: null });
    await call('writeAutosave', { text: '{"draft":1' });
    await call('writeAutosave', { text: '{"draft":2' });
    // Work in progress need not be valid JSON; the last write wins.
    await expect(call('readAutosave')).resolves.toEqual({
      ok: true,
      value: { text: '{"draft":2', at: '2025-01-02T03:04:05.000Z' },
    });
    const files = readdirSync(path.join(dir, 'autosave'));
    expect(files).toEqual(['session.autosave']);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'autosave', files[0]!), 'utf8')) as object;
    expect(onDisk).toMatchObject({ format: AUTOSAVE_FORMAT, version: 1, text: '{"draft":2' });
    await call('discardAutosave');
    await expect(call('readAutosave')).resolves.toEqual({ ok: true, value: null });
  });
});
