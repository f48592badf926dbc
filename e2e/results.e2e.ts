import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { recordPageErrors, screenshotPath, startApp, type E2eApp } from './harness.ts';

/**
 * Run & results in a browser against the web-mode server, on examples/analytic-zones.json: one chlorine tank
 * with a user-defined scenario of circular zones (f = 1×10⁻⁵ /yr, lethality 1 within 100 m, 0.2 within
 * 300 m), so the risks are closed-form: 2.0×10⁻⁶ /yr at the school 200 m away (below its 3×10⁻⁶ criterion
 * for an existing installation: it passes) and 0 at the residential block 350–450 m away.
 */
const EXAMPLE = fileURLToPath(new URL('../examples/analytic-zones.json', import.meta.url));

let app: E2eApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  context = await app.browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  pageErrors = recordPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await app?.close();
});

describe('run & results (web mode)', () => {
  it('opens the analytic example and runs it: classification, progress, elapsed time', async () => {
    await page.goto(app.server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '打开项目…' }).click();
    await (await chooser).setFiles(EXAMPLE);
    await page.getByTestId('project-summary').waitFor();
    await page.getByRole('link', { name: '计算与结果' }).click();
    await page.getByText('尚未计算').waitFor();
    // The run is short: record that the progress bar showed rather than racing it.
    await page.evaluate(() => {
      const seen = document.createElement('meta');
      seen.id = 'progress-seen';
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress"]')) document.head.append(seen);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.keyboard.press('F5');
    // Classification comes first: 20 t of chlorine against its 5 t critical quantity.
    await page.getByTestId('classification').waitFor();
    expect(await page.getByTestId('sumq-T101').innerText()).toBe('4.00');
    expect(await page.getByTestId('method').innerText()).toContain('定量风险评价法');
    await page.getByTestId('elapsed').waitFor();
    expect(await page.getByTestId('elapsed').innerText()).toMatch(
      /用时 \d+\.\d\d s（1 个计算线程）；重算 1\/1/,
    );
    expect(await page.getByTestId('engine-state').innerText()).toBe('结果为最新');
    expect(await page.locator('#progress-seen').count()).toBe(1);
  });

  it('shows the contours, the targets with their closed-form risks and verdicts, and the F-N chart', async () => {
    expect(await page.locator('[data-testid="contours"] path').count()).toBeGreaterThan(0);
    await page.getByTestId('contour-legend').waitFor();
    expect(await page.getByTestId('target-risk-S1').innerText()).toBe('2.0×10⁻⁶');
    expect(await page.getByTestId('target-verdict-S1').innerText()).toBe('符合');
    expect(await page.getByTestId('target-risk-R1').innerText()).toBe('0');
    expect(await page.getByTestId('result-target-S1').getAttribute('data-verdict')).toBe('pass');
    await page.getByTestId('fn-chart').locator('[data-region="unacceptable"]').waitFor();
    expect(await page.getByTestId('enterprise-verdict').innerText()).toContain('符合');

    // Hover 50 m east of the tank, inside the lethality-1 disc: 1×10⁻⁵ /yr, all from T101.
    const box = await page.getByTestId('result-map').boundingBox();
    const tank = await page.getByTestId('result-installation-T101').locator('rect').boundingBox();
    const school = await page.getByTestId('result-target-S1').locator('circle').boundingBox();
    if (!box || !tank || !school) throw new Error('map not on screen');
    const [tx, ty] = [tank.x + tank.width / 2, tank.y + tank.height / 2];
    const metre = (school.x + school.width / 2 - tx) / 200;
    await page.mouse.move(tx + 50 * metre, ty);
    expect(await page.getByTestId('map-tooltip').innerText()).toMatch(
      /1\.0×10⁻⁵[\s\S]*T101: 1\.0×10⁻⁵ \(100%\)/,
    );

    // Clicking a table row highlights the target on the map.
    await page.getByTestId('target-row-S1').click();
    await page.mouse.move(tx + 200 * metre, ty + 60);
    await page.screenshot({ path: screenshotPath('30-results-zh-CN') });
    await page.getByTestId('fn-chart').screenshot({ path: screenshotPath('33-results-fn-zh-CN') });
  });

  it('exports the results as GeoJSON', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-geojson').click();
    const file = await (await download).path();
    const geojson = JSON.parse(await readFile(file, 'utf8')) as {
      features: { properties: { kind: string; id?: string; individualRisk?: number; complies?: boolean } }[];
    };
    const school = geojson.features.find((f) => f.properties.id === 'S1');
    expect(school?.properties.individualRisk).toBeCloseTo(2e-6, 18);
    expect(school?.properties.complies).toBe(true);
    expect(geojson.features.some((f) => f.properties.kind === 'individual-risk-contour')).toBe(true);
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    expect(path.extname((await png).suggestedFilename())).toBe('.png');
  });

  it('renders the 3D view in software WebGL', async () => {
    await page.locator('.rs-body').evaluate((body) => body.scrollTo(0, 0));
    await page.getByTestId('view-3d').click();
    const canvas = page.getByTestId('three-view').locator('canvas');
    await canvas.waitFor();
    // preserveDrawingBuffer keeps the frame: read it back and find the risk surface's colours.
    const colours = await canvas.evaluate((element: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = element.width;
      copy.height = element.height;
      const context2d = copy.getContext('2d')!;
      context2d.drawImage(element, 0, 0);
      const { data } = context2d.getImageData(0, 0, copy.width, copy.height);
      let reddish = 0;
      let background = 0;
      for (let k = 0; k < data.length; k += 4 * 13) {
        const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
        if (r > 150 && g < 140 && b < 110) reddish++;
        if (Math.abs(r - 0xee) < 4 && Math.abs(g - 0xf2) < 4 && Math.abs(b - 0xf6) < 4) background++;
      }
      return { reddish, background };
    });
    expect(colours.background).toBeGreaterThan(0);
    expect(colours.reddish).toBeGreaterThan(50);
    await page.screenshot({ path: screenshotPath('31-results-3d-zh-CN') });
  });

  it('re-runs reusing every unchanged layer, in English', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('view-map').click();
    await page.keyboard.press('F5');
    await page.getByText(/0 of 1 installation layers computed/).waitFor();
    expect(await page.getByTestId('target-verdict-S1').innerText()).toBe('Pass');
    await page.screenshot({ path: screenshotPath('32-results-en') });
    expect(pageErrors).toEqual([]);
  });
});
