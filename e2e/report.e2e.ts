import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-for-test.ts';
import { CHROMIUM_ARGS, findChromium } from './harness.ts';
import { REPORT_STUDY } from './report-study.ts';

/**
 * The assessment report printed by headless Chromium to A4 PDF and PNG under test-output/report/ for a person
 * to look at: the Chinese text is rendered with a CJK font (no tofu boxes) and nothing is wider than the
 * printable area, for a hand-made analytic study and for the demo enterprise (equipment, LOC catalogue).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'test-output/report');
/** A4 minus the report's @page margins (15 mm each side) at 96 px per inch. */
const PRINTABLE_WIDTH_PX = ((210 - 30) / 25.4) * 96;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: Math.floor(PRINTABLE_WIDTH_PX), height: 1100 } });
});

afterAll(async () => {
  await browser?.close();
});

async function assess(name: string, projectFile: string, lang: 'zh-CN' | 'en') {
  const dir = path.join(OUT, name);
  const r = await runCli(['assess', projectFile, '--out', dir, '--lang', lang]);
  return { ...r, html: path.join(dir, 'report.html'), dir };
}

/** Prints the open page to PDF and page `pngPage` to PNG; returns the PDF's page count. */
async function print(dir: string, pngPage: number): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(dir, 'report.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', [
    '-r',
    '80',
    '-png',
    '-f',
    String(pngPage),
    '-l',
    String(pngPage),
    pdf,
    path.join(dir, 'page'),
  ]);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(info.match(/Pages:\s+(\d+)/)![1]);
}

/** Checks in the print layout that no element sticks out of the printable width. */
async function overflowing(): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > limit + 1 || r.left < -1))
        out.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
    }
    return out;
  }, PRINTABLE_WIDTH_PX);
}

/** The fonts Chromium actually used for the text of the first element matching `selector` (CDP). */
async function platformFonts(selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

describe('the report in Chromium', () => {
  it('prints a Chinese study to A4 with CJK glyphs and nothing overflowing', async () => {
    const study = path.join(OUT, 'study.json');
    writeFileSync(study, JSON.stringify(REPORT_STUDY));
    const r = await assess('study-zh-CN', study, 'zh-CN');
    expect(r.code, r.err).toBe(0);
    await page.goto(pathToFileURL(r.html).href);
    const text = await page.locator('main').innerText();
    for (const s of [
      '外部安全防护距离评估报告',
      '总体结论',
      '不符合',
      '东苑小区',
      '社会风险（F-N 曲线）',
      '局限性说明',
    ])
      expect(text).toContain(s);
    const fonts = await platformFonts('h1');
    expect(
      fonts.some((f) => /CJK|Hei|Song|Han|WenQuanYi|YaHei/i.test(f)),
      fonts.join(', '),
    ).toBe(true);
    expect(await overflowing()).toEqual([]);
    const pages = await print(r.dir, 7);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(20);
    expect(readFileSync(path.join(r.dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints the English report of the analytic study', async () => {
    const r = await assess('analytic-en', path.join(ROOT, 'examples/analytic-zones.json'), 'en');
    expect(r.code, r.err).toBe(0);
    await page.goto(pathToFileURL(r.html).href);
    expect(await page.locator('h1').innerText()).toBe('解析算例：用户自定义影响区');
    expect(await page.locator('main').innerText()).toContain('External safety distance assessment report');
    expect(await overflowing()).toEqual([]);
    await print(r.dir, 1);
    expect(statSync(path.join(r.dir, 'page-01.png')).size).toBeGreaterThan(10_000);
  });

  // The demo enterprise (774 events, a 6.4 km grid at 10 m) assesses in about 10 s with the fast engine.
  it('prints the demo enterprise in Chinese with its verdicts, sources and nothing overflowing', async () => {
    const r = await assess('demo-zh-CN', path.join(ROOT, 'examples/demo-enterprise.json'), 'zh-CN');
    expect(r.code, r.err).toBe(0);
    await page.goto(pathToFileURL(r.html).href);
    const text = await page.locator('main').innerText();
    for (const s of ['演示化工有限公司', '不符合', 'Purple Book CPR 18E']) expect(text).toContain(s);
    expect(await overflowing()).toEqual([]);
    const pages = await print(r.dir, 1);
    expect(pages).toBeGreaterThan(3);
    expect(statSync(path.join(r.dir, 'page-01.png')).size).toBeGreaterThan(10_000);
  }, 300_000);
});
