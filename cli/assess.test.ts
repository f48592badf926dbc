import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-for-test.ts';

/**
 * Analytic projects: every expected number below follows in closed form from the user-defined zones
 * (spec/project-format.md) and the method of docs/method.md, and the thresholds from GB 36894-2018 Table 1
 * (spec/standards.md A §1.3).
 */
const uniformRose = [...new Array(11).fill(1 / 12), 1 - 11 / 12];

function project(overrides: Record<string, unknown> = {}) {
  return {
    format: 'safedist-project',
    version: 1,
    name: 'analytic',
    weather: {
      dayFraction: 0.44,
      classes: [{ id: 'D5', stability: 'D', windSpeed: 5, probability: 1 }],
      windRose: { sectors: 12, probabilities: uniformRose },
    },
    installations: [
      {
        id: 'A',
        name: 'A',
        kind: 'storage',
        status: 'existing',
        position: { x: 0, y: 0 },
        substance: 'chlorine',
        inventory: '20 t',
        temperature: '20 degC',
        pressure: '7 bar',
        phase: 'liquefied-gas',
        equipment: [],
        scenarios: [
          {
            id: 'U1',
            type: 'user-defined',
            frequency: 1e-5,
            outcomes: [
              {
                probability: 1,
                effect: 'generic',
                zones: [
                  { radius: 100, lethality: 1 },
                  { radius: 300, lethality: 0.2 },
                ],
              },
            ],
          },
        ],
      },
    ],
    targets: [
      {
        id: 'S1',
        name: 'school',
        category: 'high-sensitivity',
        position: { x: 200, y: 0 },
        population: { day: 800, night: 0 },
        indoorFraction: { day: 0.93, night: 0.99 },
      },
    ],
    probes: [
      { id: 'P1', x: 50, y: 0 },
      { id: 'P2', x: 0, y: -250 },
      { id: 'P3', x: 0, y: 301 },
    ],
    settings: { cellSize: 5 },
    ...overrides,
  };
}

async function assess(p: object) {
  const r = await runCli(['assess', 'p.json', '--json'], { 'p.json': JSON.stringify(p) });
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out);
}

describe('safedist assess on analytic projects', () => {
  it('gives the individual risk of nested circular zones at the probes: f × lethality', async () => {
    const out = await assess(project());
    const risks = out.probes.map((p: { individualRisk: number }) => p.individualRisk);
    expect(risks[0]).toBeCloseTo(1e-5, 20);
    expect(risks[1]).toBeCloseTo(2e-6, 20);
    expect(risks[2]).toBe(0);
    expect(out.probes[0].contributors[0]).toMatchObject({ installation: 'A', scenario: 'U1', share: 1 });
  });

  it('judges the school against 3e-6 (existing, high-sensitivity) and builds F-N and PLL', async () => {
    const out = await assess(project());
    expect(out.targets[0]).toMatchObject({ id: 'S1', threshold: 3e-6, complies: true });
    expect(out.targets[0].individualRisk).toBeCloseTo(2e-6, 20);
    // Generic effect: 800 people × 0.2 by day; F(160) = 1e-5 × 0.44; PLL = 160 × 4.4e-6.
    expect(out.societalRisk.fn).toHaveLength(1);
    expect(out.societalRisk.fn[0].n).toBeCloseTo(160, 10);
    expect(out.societalRisk.fn[0].f).toBeCloseTo(4.4e-6, 18);
    expect(out.societalRisk.pll).toBeCloseTo(160 * 4.4e-6, 15);
    expect(out.societalRisk.verdict).toBe('alarp');
    expect(out.societalRisk.worstRatioToUnacceptable).toBeCloseTo((4.4e-6 * 160) / 1e-3, 12);
    expect(out.verdict).toBe('compliant');
  });

  it('reads the external safety distance off the contours within one cell', async () => {
    const out = await assess(project());
    const at = (status: string, cls: string) =>
      out.externalSafetyDistance.find(
        (d: { installationStatus: string; targetClass: string }) =>
          d.installationStatus === status && d.targetClass === cls,
      ).distance;
    // 3e-6 lies between the plateaus 1e-5 (r ≤ 100 m) and 2e-6 (r ≤ 300 m): r = 100 m; 3e-7 → r = 300 m.
    expect(Math.abs(at('existing', 'high-sensitivity') - 100)).toBeLessThanOrEqual(5);
    expect(Math.abs(at('new', 'general-1') - 300)).toBeLessThanOrEqual(5);
  });

  it('fails a new installation against the new values and gives the exact reduction factor', async () => {
    const p = project();
    (p.installations[0] as { status: string }).status = 'new';
    const out = await assess(p);
    // New, high-sensitivity: 3e-7. The school sees 2e-6 → ratio 6.67, factor 2e-6 / 3e-7.
    expect(out.targets[0].complies).toBe(false);
    expect(out.targets[0].threshold).toBe(3e-7);
    expect(out.installations[0].verdict).toBe('non-compliant');
    expect(out.installations[0].requiredRiskReduction).toBeCloseTo(2e-6 / 3e-7, 10);
    expect(out.verdict).toBe('non-compliant');
  });

  it('turns downwind zones with the wind rose: IR = f·L·asin(w/r)/π under a uniform rose', async () => {
    const p = project();
    (p.installations[0] as { scenarios: unknown[] }).scenarios = [
      {
        id: 'U2',
        type: 'user-defined',
        frequency: 1e-5,
        outcomes: [
          { probability: 0.5, effect: 'toxic', downwind: [{ length: 800, halfWidth: 30, lethality: 0.6 }] },
        ],
      },
    ];
    const out = await assess(p);
    const r = 250;
    expect(out.probes[1].individualRisk).toBeCloseTo((1e-5 * 0.5 * 0.6 * Math.asin(30 / r)) / Math.PI, 18);
  });

  it('gives bit-identical output for the same input, with the input hash', async () => {
    const a = await runCli(['assess', 'p.json', '--json'], { 'p.json': JSON.stringify(project()) });
    const b = await runCli(['assess', 'p.json', '--json'], { 'p.json': JSON.stringify(project()) });
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('writes result.json and contours.geojson with --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'safedist-assess-'));
    const p = { ...project(), site: { origin: { lon: 118.8, lat: 32.05 }, rotationDeg: 0 } };
    const r = await runCli(['assess', 'p.json', '--out', dir, '--lang', 'en'], {
      'p.json': JSON.stringify(p),
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Verdict: compliant');
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(result.engine.criteria).toBe('GB36894-2018');
    const geo = JSON.parse(await readFile(join(dir, 'contours.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    const [lon, lat] = geo.features[0].geometry.coordinates[0][0][0];
    expect(Math.abs(lon - 118.8)).toBeLessThan(0.01);
    expect(Math.abs(lat - 32.05)).toBeLessThan(0.01);
  });

  it('judges explosives by the consequence method: Kingery-Bulmash distance to the class threshold', async () => {
    const p = project();
    p.installations = [
      {
        id: 'X1',
        name: 'magazine',
        kind: 'storage',
        status: 'existing',
        position: { x: 0, y: 0 },
        substance: 'tnt',
        inventory: '1 t',
        temperature: '20 degC',
        pressure: '1 atm',
        phase: 'solid',
        equipment: [],
        scenarios: [],
        explosive: { tntEquivalent: '1000 kg' },
      } as never,
    ];
    const out = await assess(p);
    expect(out.classification.units[0].method).toBe('consequence');
    const x1 = out.consequenceMethod.installations[0];
    // The built-in 2 kPa placeholder ("to verify") for high-sensitivity targets: 451.9 m for 1000 kg TNT,
    // the Swisdak (1994) far-field fit solved in closed form (core/qra/explosives.test.ts).
    const required = x1.requiredDistance.find((d: { category: string }) => d.category === 'high-sensitivity');
    expect(required.distance).toBeCloseTo(451.9, 0);
    // The school at 200 m is inside that distance.
    expect(x1.targets[0]).toMatchObject({ id: 'S1', complies: false });
    expect(out.installations[0].violations).toContainEqual({ kind: 'explosive-distance', target: 'S1' });
    expect(out.verdict).toBe('non-compliant');
  });

  it('checks design-code distances entered on an installation, measuring when no actual is given', async () => {
    const p = project();
    (p.installations[0] as Record<string, unknown>).codeDistances = [
      { target: 'S1', code: 'GB 50160-2008 表4.1.9', required: '250 m' },
    ];
    const out = await assess(p);
    expect(out.codeDistances[0]).toMatchObject({
      installation: 'A',
      target: 'S1',
      measured: true,
      complies: false,
    });
    expect(out.codeDistances[0].actual).toBeCloseTo(200, 9);
    expect(out.installations[0].violations).toContainEqual({
      kind: 'code-distance',
      code: 'GB 50160-2008 表4.1.9',
      target: 'S1',
    });
  });

  it('names the field of a bad project', async () => {
    const p = project();
    (p.weather.classes[0] as { probability: number }).probability = 0.5;
    const r = await runCli(['assess', 'p.json'], { 'p.json': JSON.stringify(p) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/p\.json: .*weather\.classes/);
  });
});
