import { describe, expect, it } from 'vitest';
import { FN_PLOT, fnChartSvg, windRoseSvg } from './charts.ts';
import { escapeHtml, perYear, sci } from './format.ts';

/**
 * The charts are checked against positions worked out by hand from their declared plot box: a log-log chart
 * puts value v at left + (log10 v − first decade) / decades × plot width.
 */
const LABELS = {
  axisN: 'N',
  axisF: 'F',
  unacceptable: 'u',
  acceptable: 'a',
  curve: 'c',
  regions: { acceptable: 'A', alarp: 'L', unacceptable: 'U' },
};
const GB36894 = {
  unacceptable: { constant: 1e-3, exponent: 1 },
  acceptable: { constant: 1e-5, exponent: 1 },
};

function attr(svg: string, selector: RegExp, name: string): number {
  const tag = svg.match(selector)?.[0];
  if (!tag) throw new Error(`no element ${selector}`);
  return Number(tag.match(new RegExp(`\\s${name}="([^"]+)"`))![1]);
}

describe('number formatting', () => {
  it('writes risks in scientific notation with a superscript exponent', () => {
    expect(sci(3e-6)).toBe('3.0×10⁻⁶');
    expect(sci(1.04e-5)).toBe('1.0×10⁻⁵');
    expect(perYear(7.04e-4)).toBe('7.0×10⁻⁴ /a');
    expect(sci(0)).toBe('0');
  });
  it('escapes markup in project text', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
  });
});

describe('F-N chart', () => {
  // Curve: 10 or more deaths at 1e-5/a, 100 or more at 1e-6/a. Axes: N 10⁰…10³, F 10⁻⁹…10⁻¹ (8 decades).
  const curve = [
    { n: 10, f: 1e-5 },
    { n: 100, f: 1e-6 },
  ];
  const svg = fnChartSvg(curve, GB36894.unacceptable, GB36894.acceptable, 1, LABELS).text;
  const { left, right, top, bottom, width, height } = FN_PLOT;
  const w = width - left - right;
  const h = height - top - bottom;

  it('declares its axes', () => {
    expect(svg).toContain('data-n-decades="0 3"');
    expect(svg).toContain('data-f-decades="-9 -1"');
  });

  it('draws the unacceptable line F = 10⁻³/N through (1, 10⁻³) and (1000, 10⁻⁶)', () => {
    const line = /<line[^>]*data-line="unacceptable"[^>]*>/;
    expect(attr(svg, line, 'x1')).toBeCloseTo(left, 1);
    expect(attr(svg, line, 'y1')).toBeCloseTo(top + (2 / 8) * h, 1);
    expect(attr(svg, line, 'x2')).toBeCloseTo(left + w, 1);
    expect(attr(svg, line, 'y2')).toBeCloseTo(top + (5 / 8) * h, 1);
  });

  it('draws the acceptable line F = 10⁻⁵/N two decades lower', () => {
    const line = /<line[^>]*data-line="acceptable"[^>]*>/;
    expect(attr(svg, line, 'y1')).toBeCloseTo(top + (4 / 8) * h, 1);
    expect(attr(svg, line, 'y2')).toBeCloseTo(top + (7 / 8) * h, 1);
  });

  it('draws the curve as a falling step function ending on the N axis', () => {
    const d = svg.match(/data-role="fn-curve" d="([^"]+)"/)![1]!;
    const nums = d.match(/-?[\d.]+/g)!.map(Number);
    // M x(1),y(1e-5) (4 decades below 10⁻¹)  H x(10)  V y(1e-6) (5 decades below)  H x(100)  V bottom
    const expected = [left, top + (4 / 8) * h, left + w / 3, top + (5 / 8) * h, left + (2 * w) / 3, top + h];
    expect(d).toMatch(/^M[\d.]+,[\d.]+ H[\d.]+ V[\d.]+ H[\d.]+ V[\d.]+$/);
    nums.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 1));
  });

  it('widens the N axis past the largest N', () => {
    const wide = fnChartSvg([{ n: 5000, f: 1e-7 }], GB36894.unacceptable, GB36894.acceptable, 1, LABELS).text;
    expect(wide).toContain('data-n-decades="0 4"');
  });

  it('draws no curve when no outcome reaches N = 1', () => {
    expect(fnChartSvg([], GB36894.unacceptable, GB36894.acceptable, 1, LABELS).text).not.toContain(
      'data-role="fn-curve"',
    );
  });
});

describe('wind rose', () => {
  const labels = { north: 'N', east: 'E', south: 'S', west: 'W' };
  it('centres sector 0 on north and sector 3 of 12 on east, radius proportional to probability', () => {
    const rose = [0.3, 0, 0, 0.15, 0, 0, 0, 0, 0, 0, 0, 0.55];
    const svg = windRoseSvg(rose, labels, 230).text;
    const wedge = (k: number) =>
      svg
        .match(new RegExp(`data-sector="${k}"[^>]*d="([^"]+)"`))![1]!
        .match(/-?[\d.]+/g)!
        .map(Number);
    // M cx,cy L x1,y1 A r,r 0 0 1 x2,y2 Z
    const [cx, cy, x1, y1, r0, , , , , x2, y2] = wedge(0);
    expect(x1! - cx!).toBeCloseTo(-(x2! - cx!), 1); // symmetric about the north axis
    expect(y1).toBeCloseTo(y2!, 1);
    expect(y1!).toBeLessThan(cy!); // above the centre: north
    const [, , ex1, ey1, r3, , , , , ex2, ey2] = wedge(3);
    expect(ey1! - cy!).toBeCloseTo(-(ey2! - cy!), 1); // symmetric about the east axis
    expect(ex1!).toBeGreaterThan(cx!);
    expect(ex2!).toBeGreaterThan(cx!);
    expect(r0! / r3!).toBeCloseTo(0.3 / 0.15, 2);
  });
});
