import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-for-test.ts';

/**
 * `safedist assess --out DIR` writes report.html. The study is examples/analytic-zones.json, whose numbers
 * follow in closed form (docs/method.md §3, §6): one scenario at 1e-5/a with lethality 1 within 100 m and 0.2
 * within 300 m, so IR = 1e-5/a inside 100 m and 2e-6/a from 100 to 300 m; target S1 (800 people by day, none
 * at night, 200 m away) gives N = 800 × 0.2 = 160 with F = 1e-5 × 0.44 (the rule-set day fraction) =
 * 4.4e-6/a, PLL = 7.04e-4/a and F·N / 1e-3 = 0.704 (ALARP). GB 36894-2018 Table 1 thresholds
 * (spec/standards.md A §1.3): high-sensitivity 3e-6 (existing) and 3e-7 (new), general class 1 3e-6.
 */
const EXAMPLE = 'examples/analytic-zones.json';
const reports: Record<'en' | 'zh-CN', string> = { en: '', 'zh-CN': '' };

beforeAll(async () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const dir = await mkdtemp(join(tmpdir(), `safedist-report-${lang}-`));
    const r = await runCli(['assess', EXAMPLE, '--out', dir, '--lang', lang]);
    expect(r.code, r.err).toBe(0);
    reports[lang] = await readFile(join(dir, 'report.html'), 'utf8');
  }
}, 60_000);

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** Checks that every element closes in order; returns the problems found. */
function tagBalance(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, closing, rawName, , selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${m.index} does not close the open element`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}

/** Text between the tags, entities of the escaper decoded. */
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

describe('report.html of the analytic study', () => {
  it('is well formed: one document, every element closed in order', () => {
    for (const html of Object.values(reports)) {
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(tagBalance(html)).toEqual([]);
    }
  });

  it('is self-contained: no scripts, no linked resources, no external URLs', () => {
    for (const html of Object.values(reports)) {
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(html).not.toMatch(/url\(\s*["']?(?!#)/i);
    }
  });

  it('states the verdicts and the closed-form numbers', () => {
    const t = text(reports.en);
    expect(t).toContain('Overall verdict Compliant');
    // S1: 2e-6/a against 3e-6/a, ratio 0.67; R1 beyond 300 m: no risk.
    expect(t).toMatch(/S1 第一小学 high-sensitivity 2\.0×10⁻⁶ \/a 3\.0×10⁻⁶ \/a 0\.67 Compliant/);
    expect(t).toMatch(/R1 居民小区 general class 1 0 \/a 3\.0×10⁻⁶ \/a 0 Compliant/);
    expect(t).toContain('Potential loss of life (PLL) 7.0×10⁻⁴ /a');
    expect(t).toContain('0.704 (At N = 160)');
    expect(t).toContain('ALARP (reduce as far as practicable)');
    // GB 18218 Table 1: chlorine Q = 5 t; 20 t gives Σq/Q = 4, β = 4.
    expect(t).toContain('Σq/Q = 4 ≥ 1: a major hazard');
  });

  it('gives external safety distances at the contour radii, within one 5 m cell', () => {
    const t = text(reports.en);
    const distance = (status: string, cls: string, threshold: string) => {
      const m = t.match(new RegExp(`${status} ${cls} ${threshold} /a (\\d+) m`));
      if (!m) throw new Error(`no row ${status} ${cls}`);
      return Number(m[1]);
    };
    // 3e-6 lies between 1e-5 (inside 100 m) and 2e-6 (outside): the contour is at 100 m.
    const existing = distance('existing', 'high-sensitivity', '3\\.0×10⁻⁶');
    expect(existing).toBeGreaterThanOrEqual(100);
    expect(existing).toBeLessThanOrEqual(105);
    // 3e-7 lies between 2e-6 and 0: the contour is at 300 m.
    const fresh = distance('new / rebuilt / expanded', 'high-sensitivity', '3\\.0×10⁻⁷');
    expect(fresh).toBeGreaterThanOrEqual(300);
    expect(fresh).toBeLessThanOrEqual(305);
  });

  it('draws the 3×10⁻⁷ contour on the map 300 m from the installation, by the scale bar', () => {
    const svg = reports.en.match(/<svg\s+class="chart site-map"[\s\S]*?<\/svg>/)![0];
    const bar = svg.match(/class="scale-bar"\s+data-metres="([\d.]+)"\s+data-length="([\d.]+)"/)!;
    const unitsPerMetre = Number(bar[2]) / Number(bar[1]);
    const centre = svg.match(/data-installation-centre="T101"\s+cx="([\d.-]+)"\s+cy="([\d.-]+)"/)!;
    const [cx, cy] = [Number(centre[1]), Number(centre[2])];
    const d = svg.match(/class="contour"\s+data-level="3e-7"[^>]*\sd="([^"]+)"/)![1]!;
    const radii = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map(
      (p) => Math.hypot(Number(p[1]) - cx, Number(p[2]) - cy) / unitsPerMetre,
    );
    expect(Math.max(...radii)).toBeGreaterThan(298);
    expect(Math.max(...radii)).toBeLessThan(306);
    expect(Math.min(...radii)).toBeGreaterThan(290);
    // The target S1 at (200, 0) m: 200 m east of the installation on the map.
    const s1 = svg.match(/data-target="S1"\s+cx="([\d.-]+)"\s+cy="([\d.-]+)"/)!;
    expect((Number(s1[1]) - cx) / unitsPerMetre).toBeCloseTo(200, 1);
    expect(Number(s1[2])).toBeCloseTo(cy, 1);
  });

  it('lists the rule values used with their source and confidence, and the unsure ones as limitations', () => {
    const t = text(reports.en);
    expect(t).toMatch(/F-N unacceptable line F = 0\.001 \/ N\^1 GB 36894-2018 Figure 1/);
    expect(t).toContain('One QRA unit puts the whole enterprise into the QRA yes GB/T 37243-2019');
    expect(t).toMatch(/Rule values marked unsure[^.]*One QRA unit puts the whole enterprise/);
    // The study gives no ambient, day fraction or per-class shares: the report must flag the defaults.
    expect(t).toMatch(/Weather from the rule-set defaults, not site data: ambient conditions, day fraction/);
  });

  it('carries the engine version, rule set and input hash', () => {
    expect(reports.en).toMatch(/SafeDist \d+\.\d+\.\d+/);
    expect(reports.en).toContain('GB36894-2018@v1');
    expect(reports.en).toMatch(/sha256:[0-9a-f]{64}/);
  });

  it('renders its fixed strings in the chosen language', () => {
    const zh = text(reports['zh-CN']);
    const en = text(reports.en);
    expect(reports['zh-CN']).toContain('<html lang="zh-CN">');
    for (const s of [
      '外部安全防护距离评估报告',
      '总体结论 符合',
      '高敏感防护目标',
      '尽可能降低区',
      '局限性说明',
      '不可接受线',
    ])
      expect(zh).toContain(s);
    for (const s of ['External safety distance assessment report', 'Limitations', 'unacceptable line'])
      expect(en).toContain(s);
    // Only the project's own names are Chinese in the English report.
    const han = en
      .replace(/解析算例：用户自定义影响区|第一小学|居民小区|液氯储罐|氯|风险基准/g, '')
      .match(/\p{Script=Han}+/gu);
    expect(han).toBeNull();
  });
});
