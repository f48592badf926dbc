import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessProject } from '../../core/qra/assess.ts';
import type { PreparedAssessment } from '../../shared/contract.ts';
import { createAppHandlers } from './app-services.ts';
import { toResult, type AnyHandler } from './handlers.ts';

/**
 * prepareAssessment: the main process (or web server) reads a project with data/ and hands the renderer plain
 * data; the renderer's worker then runs core/qra on it. Checked on examples/analytic-zones.json, whose
 * user-defined circular zones give closed-form individual risks: R = f · lethality of the zone containing the
 * point, independent of the wind (a circle looks the same from every direction).
 */
const text = readFileSync(new URL('../../examples/analytic-zones.json', import.meta.url), 'utf8');
const handlers = createAppHandlers(
  {
    name: 'SafeDist',
    version: '0.1.0',
    mode: 'web',
    versions: { node: '20' },
  },
  { autosaveDir: mkdtempSync(path.join(tmpdir(), 'safedist-autosave-')) },
);
const prepare = (input: unknown) => toResult(() => (handlers.prepareAssessment as AnyHandler)(input));

async function prepared(): Promise<PreparedAssessment> {
  const result = await prepare({ fileName: 'analytic-zones.json', text });
  if (!result.ok) throw new Error(result.error);
  // What the renderer receives went through JSON (HTTP) or structured clone (IPC): plain data only.
  return JSON.parse(JSON.stringify(result.value)) as PreparedAssessment;
}

function assess(p: PreparedAssessment, options: Parameters<typeof assessProject>[3] = {}) {
  const substances = new Map(p.substances.map((s) => [s.id, s]));
  return assessProject(p.project, p.rules, (id) => substances.get(id), {
    consequenceInstallations: p.consequenceInstallations,
    ...options,
  });
}

describe('prepareAssessment', () => {
  it('returns the parsed project in SI, its rule set, substances, classification and input hash', async () => {
    const p = await prepared();
    expect(p.project.installations[0]?.inventory).toBe(20_000); // "20 t"
    expect(p.rules.id).toBe('GB36894-2018');
    expect(p.substances.map((s) => s.id)).toEqual(['chlorine']);
    // 20 t of chlorine against its GB 18218 critical quantity of 5 t: Σq/Q = 4, a major hazard.
    expect(p.classification.units[0]?.sumQOverQ).toBeCloseTo(4, 12);
    expect(p.classification.method).toBe('qra');
    expect(p.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(p.engineVersion).toBe('0.1.0');
  });

  it('gives the engine what it needs for the closed-form risks (school 2.0e-6 /yr at 200 m)', async () => {
    const result = assess(await prepared());
    const school = result.targets.find((t) => t.id === 'S1');
    // 1e-5 /yr × lethality 0.2 of the 100–300 m ring.
    expect(school?.individualRisk).toBeCloseTo(2.0e-6, 18);
    // GB 36894-2018 Table 1: high-sensitivity targets near an existing installation, 3×10⁻⁶ /yr.
    expect(school?.threshold).toBe(3e-6);
    expect(school?.complies).toBe(true);
    // The residential block at 350–450 m lies outside every zone.
    expect(result.targets.find((t) => t.id === 'R1')?.individualRisk).toBe(0);
    expect(result.probes.find((p) => p.id === 'P1')?.individualRisk).toBeCloseTo(1e-5, 18);
  });

  it('refuses a project with an invalid field, naming the file and the path', async () => {
    const broken = JSON.parse(text) as { installations: { inventory: unknown }[] };
    broken.installations[0]!.inventory = '20 parsecs';
    const result = await prepare({ fileName: 'broken.json', text: JSON.stringify(broken) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/broken\.json.*installations\[0\]\.inventory/);
    const notJson = await prepare({ fileName: 'x.json', text: '{' });
    expect(notJson).toMatchObject({ ok: false, error: expect.stringMatching(/x\.json: not valid JSON/) });
    const extra = await prepare({ fileName: 'x.json', text, path: '/etc' });
    expect(extra.ok).toBe(false);
  });
});

describe('assessProject knownLayers (editing one installation recomputes one layer)', () => {
  it('reuses the layers it is given and computes nothing else, with an identical result', async () => {
    const p = await prepared();
    const first = assess(p);
    let progressCalls = 0;
    const again = assess(p, { knownLayers: () => first.layers, onProgress: () => progressCalls++ });
    expect(progressCalls).toBe(0);
    expect(again.targets).toEqual(first.targets);
    expect(again.contours).toEqual(first.contours);
    expect(again.layers.get('T101')).toBe(first.layers.get('T101'));
  });

  it('refuses a layer that does not fit the grid', async () => {
    const p = await prepared();
    expect(() => assess(p, { knownLayers: () => new Map([['T101', new Float64Array(3)]]) })).toThrow(
      /knownLayers: layer 'T101' has 3 cells/,
    );
  });
});
