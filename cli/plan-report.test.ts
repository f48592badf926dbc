import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-for-test.ts';

/**
 * `safedist plan --out DIR` writes report.html: the assessment report with a "rectification or relocation"
 * section. The study is analytic: one unit whose user-defined scenario kills everyone within 300 m at
 * 1e-4 /a, a school 200 m away (risk 1e-4 /a > 3e-6 /a, GB 36894-2018 Table 1). Inside a fence reaching
 * 600 m west the unit can move out of reach (rectify: "move … west"); without a fence it can only go, and
 * the distance it needs from the school is the zone radius, 300 m (docs/plan.md "Recommendation").
 */
const unit = {
  id: 'U1',
  name: 'zone unit',
  kind: 'storage',
  status: 'existing',
  position: { x: 0, y: 0 },
  substance: 'chlorine',
  inventory: '20 t',
  temperature: '20 degC',
  pressure: '7 bar',
  phase: 'liquefied-gas',
  scenarios: [
    {
      id: 'S',
      type: 'user-defined',
      frequency: 1e-4,
      outcomes: [{ probability: 1, effect: 'generic', zones: [{ radius: '300 m', lethality: 1 }] }],
    },
  ],
};
const study = (boundary?: number[][]) => ({
  format: 'safedist-project',
  version: 1,
  name: 'analytic plan report',
  site: boundary ? { boundary } : {},
  weather: {
    classes: [{ id: 'D5', stability: 'D', windSpeed: 5, probability: 1 }],
    windRose: { sectors: 4, probabilities: [0.25, 0.25, 0.25, 0.25] },
  },
  installations: [unit],
  targets: [
    {
      id: 'T1',
      name: 'school',
      category: 'high-sensitivity',
      position: { x: 200, y: 0 },
      population: { day: 0.5, night: 0 },
    },
  ],
  settings: { cellSize: 5 },
});
const FENCE = [
  [-600, -200],
  [150, -200],
  [150, 200],
  [-600, 200],
];

type Lang = 'en' | 'zh-CN';
const fenced: Record<Lang, string> = { en: '', 'zh-CN': '' };
const unfenced: Record<Lang, string> = { en: '', 'zh-CN': '' };
let assessReport = '';

/** Text between the tags, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'safedist-plan-report-'));
  for (const [name, boundary, into] of [
    ['fenced', FENCE, fenced],
    ['unfenced', undefined, unfenced],
  ] as const) {
    const file = join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(study(boundary as number[][] | undefined)));
    for (const lang of ['en', 'zh-CN'] as const) {
      const out = join(dir, `${name}-${lang}`);
      const r = await runCli(['plan', file, '--out', out, '--lang', lang]);
      expect(r.code, r.err).toBe(0);
      into[lang] = text(await readFile(join(out, 'report.html'), 'utf8'));
    }
  }
  const out = join(dir, 'assess');
  const r = await runCli(['assess', join(dir, 'fenced.json'), '--out', out, '--lang', 'en']);
  expect(r.code, r.err).toBe(0);
  assessReport = text(await readFile(join(out, 'report.html'), 'utf8'));
}, 120_000);

describe('report.html written by safedist plan --out', () => {
  it('has the rectification section with the move in the user terms and the variant written (en)', () => {
    const t = fenced.en;
    expect(t).toContain('Rectification or relocation');
    expect(t).toContain('Recommendation: rectify on site');
    expect(t).toMatch(/move \d+ m (west|north-west|south-west) \(inside the fence\)/);
    expect(t).toContain('Variant projects written');
    expect(t).toMatch(/U1-1-move\.json U1 move \d+ m/);
    expect(t).toContain('Verdict with every recommended measure: Compliant');
  });

  it('has the same section in Chinese', () => {
    const t = fenced['zh-CN'];
    expect(t).toContain('整改或搬迁');
    expect(t).toContain('建议: 就地整改');
    expect(t).toMatch(/向(西|西北|西南)移动 \d+ m（厂区内）/);
    expect(t).toContain('已生成的方案项目文件');
    expect(t).toContain('全部推荐措施合并后的结论');
  });

  it('without a fence recommends relocation and gives the distance needed from the school: 300 m', () => {
    for (const [lang, relocate, needed] of [
      ['en', 'relocate', 'Separation needed'],
      ['zh-CN', '搬迁', '所需距离'],
    ] as const) {
      const t = unfenced[lang];
      expect(t).toContain(relocate);
      expect(t).toContain(needed);
      // Separation now 200 m; needed just beyond the 300 m zone (1 m tolerance of the search).
      const m = /T1 200 m (\d+) m/.exec(t);
      expect(m, t).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThanOrEqual(300);
      expect(Number(m![1])).toBeLessThanOrEqual(301);
    }
  });

  it('is absent from the report of safedist assess --out', () => {
    expect(assessReport).toContain('Verdict per installation');
    expect(assessReport).not.toContain('Rectification or relocation');
  });
});
