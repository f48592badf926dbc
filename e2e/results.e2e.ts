import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import DxfParser from 'dxf-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOT_DIR, screenshotPath, type E2eApp, closeAppPage, openAppPage } from './harness.ts';

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
  ({ app, context, page, pageErrors } = await openAppPage({
    viewport: { width: 1600, height: 1000 },
    timeout: 10_000,
  }));
});

afterAll(() => closeAppPage({ app, context }));

/**
 * The analytic example with two more zone installations, for the workers: T102 (f = 2×10⁻⁵ /yr, lethality 1
 * within 80 m and 0.3 within 250 m of (500, 150)) puts 0.3 × 2×10⁻⁵ = 6×10⁻⁶ /yr on the residential block's
 * corner (450, 50), 112 m away: twice its 3×10⁻⁶ criterion, so T102 needs a risk-reduction factor of 2
 * (GB 36894: k = c / (T − (R − c)) with R = c). T103 (5×10⁻⁶ /yr within 60 m of (−300, −200)) reaches no
 * target. The edited copy lowers T102 to 8×10⁻⁶ /yr: 2.4×10⁻⁶ /yr at the block, which then passes.
 */
function zonesInstallation(id: string, name: string, x: number, y: number, f: number, zones: number[][]) {
  return {
    id,
    name,
    kind: 'storage',
    status: 'existing',
    position: { x, y },
    substance: 'chlorine',
    inventory: '1 t',
    temperature: '20 degC',
    pressure: '7 bar',
    phase: 'liquefied-gas',
    equipment: [],
    scenarios: [
      {
        id: 'U1',
        type: 'user-defined',
        frequency: f,
        outcomes: [
          {
            probability: 1,
            effect: 'generic',
            zones: zones.map(([radius, lethality]) => ({ radius, lethality })),
          },
        ],
      },
    ],
  };
}

async function writePlant(t102Frequency: number, fileName: string): Promise<string> {
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8')) as { name: string; installations: unknown[] };
  example.name = '三装置解析算例';
  example.installations.push(
    zonesInstallation('T102', '液氨储罐', 500, 150, t102Frequency, [
      [80, 1],
      [250, 0.3],
    ]),
    zonesInstallation('T103', '氢气装置', -300, -200, 5e-6, [[60, 1]]),
  );
  const dir = path.join(SCREENSHOT_DIR, 'projects');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  writeFileSync(file, JSON.stringify(example, null, 2));
  return file;
}

/** Opens a project file from the Start screen and goes to Run & results. */
async function openProject(file: string) {
  await page.getByRole('link', { name: /^(开始|Start)$/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(file);
  await page.getByTestId('project-summary').waitFor();
  await page.getByRole('link', { name: /计算与结果|Run & results/ }).click();
}

/**
 * Opens a project file by dropping it on the window (as a user may), then goes to Run & results. Unlike the
 * file picker this needs no fresh user activation, so it also works after a run in the same page.
 */
async function dropProject(file: string) {
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      return data;
    },
    [path.basename(file), await readFile(file, 'utf8')] as const,
  );
  page.once('dialog', (dialog) => void dialog.accept());
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await page.getByTestId('app-notice').getByText(path.basename(file)).waitFor();
  await page.getByRole('link', { name: /计算与结果|Run & results/ }).click();
}

/** Pretends the machine has `cores` logical processors, for the next run's worker count. */
const setCores = (cores: number) =>
  page.evaluate(
    (n) => Object.defineProperty(navigator, 'hardwareConcurrency', { value: n, configurable: true }),
    cores,
  );

async function download(testId: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  const bytes = await readFile((await file.path())!);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

describe('run & results (web mode)', () => {
  it('opens the analytic example and runs it: classification, progress, elapsed time', async () => {
    await page.goto(app.server.url);
    await openProject(EXAMPLE);
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
    await page.getByTestId('elapsed').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('elapsed').innerText()).toMatch(
      /用时 \d+\.\d\d s（1 个计算线程）；重算 1\/1/,
    );
    expect(await page.getByTestId('app-engine-state').innerText()).toBe('结果为最新');
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

    // The criterion contour 3×10⁻⁶ /yr (existing installation) is the external safety distance line of three
    // classes: named in the legend with its reach, drawn solid.
    expect(await page.getByTestId('legend-0.000003').textContent()).toMatch(
      /防护距离 \d+ m：高敏感、重要、一般一类/,
    );
    expect(await page.locator('[data-testid="contours"] path[data-esd]').count()).toBeGreaterThan(0);

    // Clicking a table row highlights the target and brings it to the middle of the map.
    await page.getByTestId('target-row-R1').click();
    await page.getByTestId('selected-halo').waitFor();
    expect(await page.getByTestId('result-target-R1').getAttribute('data-selected')).toBe('');
    await page.waitForTimeout(600);
    const block = await page.getByTestId('result-target-R1').locator('path').first().boundingBox();
    if (!block) throw new Error('block not on screen');
    expect(Math.abs(block.x + block.width / 2 - (box.x + box.width / 2))).toBeLessThan(3);
    expect(Math.abs(block.y + block.height / 2 - (box.y + box.height / 2))).toBeLessThan(3);
    // Clicking a target on the map selects its row.
    await page.getByRole('button', { name: '适应窗口' }).click();
    await page.getByTestId('result-target-S1').locator('circle').first().click();
    expect(await page.getByTestId('target-row-S1').getAttribute('aria-selected')).toBe('true');
    const schoolNow = await page.getByTestId('result-target-S1').locator('circle').first().boundingBox();
    if (!schoolNow) throw new Error('school not on screen');
    await page.mouse.move(schoolNow.x + schoolNow.width / 2 + 30, schoolNow.y + 60);
    await page.screenshot({ path: screenshotPath('30-results-zh-CN') });
    await page.getByTestId('fn-chart').screenshot({ path: screenshotPath('33-results-fn-zh-CN') });
  });

  it('exports the results as GeoJSON, KML, DXF and a PNG of the map', async () => {
    const geo = await download('export-geojson');
    const geojson = JSON.parse(geo.text) as {
      properties: { coordinateSystem: string };
      features: {
        properties: {
          kind: string;
          id?: string;
          level?: number;
          individualRisk?: number;
          verdict?: string;
          esd?: string;
        };
        geometry: { type: string; coordinates: number[] };
      }[];
    };
    const school = geojson.features.find((f) => f.properties.id === 'S1');
    expect(school?.properties.individualRisk).toBeCloseTo(2e-6, 18);
    expect(school?.properties.verdict).toBe('pass');
    // The site origin is (118.8° E, 32.05° N); the school 200 m east: 200 / (111 320·cos 32.05°) ≈ 0.00212°.
    const east = 200 / (111_320 * Math.cos((32.05 * Math.PI) / 180));
    expect(school?.geometry.coordinates[0]).toBeCloseTo(118.8 + east, 5);
    expect(geojson.properties.coordinateSystem).toContain('WGS 84');
    const esd = geojson.features.find((f) => f.properties.kind === 'contour' && f.properties.level === 3e-6);
    expect(esd?.properties.esd).toBe(
      'high-sensitivity/existing, important/existing, general-1/existing, general-2/new',
    );

    const kml = await download('export-kml');
    expect(kml.name).toMatch(/-results\.kml$/);
    expect(kml.text).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">');
    expect(kml.text).toMatch(/<name>S1 第一小学<\/name>[^]*?<Data name="verdict"><value>pass<\/value>/);
    // Targets in the map's verdict green #2e7d32, as KML aabbggrr.
    expect(kml.text).toContain('<color>ff327d2e</color>');

    const dxf = await download('export-dxf');
    expect(dxf.name).toMatch(/-results\.dxf$/);
    const drawing = new DxfParser().parseSync(dxf.text);
    const layers = Object.keys(drawing?.tables?.layer?.layers ?? {});
    expect(layers).toEqual(
      expect.arrayContaining(['INSTALLATIONS', 'TARGETS_HIGH-SENSITIVITY_PASS', 'CONTOUR_3E-6']),
    );
    // Site metres: the school's point is at (200, 0).
    const point = drawing?.entities.find(
      (e) => e.type === 'POINT' && e.layer === 'TARGETS_HIGH-SENSITIVITY_PASS',
    ) as unknown as { position: { x: number; y: number } } | undefined;
    expect(point?.position).toMatchObject({ x: 200, y: 0 });

    const png = await download('export-png');
    expect(path.extname(png.name)).toBe('.png');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    // Twice the map's size on screen (IHDR width at byte 16).
    const map = await page.getByTestId('result-map').boundingBox();
    expect(png.bytes.readUInt32BE(16)).toBe(Math.round(map!.width * 2));
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

describe('three installations on several workers (web mode)', () => {
  it('gives the same results on 1 and on 3 workers', async () => {
    const plant = await writePlant(2e-5, 'three-installations.json');
    const results: string[] = [];
    for (const cores of [2, 8]) {
      // A fresh page each time, so no layer is kept from the run before.
      await page.goto(app.server.url);
      await dropProject(plant);
      await page.getByTestId('language').selectOption('en');
      await setCores(cores);
      await page.getByTestId('run').click();
      await page.getByTestId('elapsed').waitFor({ timeout: 30_000 });
      const workers = cores === 2 ? 1 : 3;
      expect(await page.getByTestId('elapsed').innerText()).toContain(`(${workers} worker threads); 3 of 3`);
      results.push((await download('export-geojson')).text);
    }
    expect(results[1]).toBe(results[0]);
    // R1: 6×10⁻⁶ /yr from T102 alone, twice its criterion; T102 needs a factor of 2.
    expect(await page.getByTestId('target-risk-R1').innerText()).toBe('6.0×10⁻⁶');
    expect(await page.getByTestId('target-verdict-R1').innerText()).toBe('Exceeds');
    expect(await page.getByTestId('installation-verdict-T102').innerText()).toMatch(
      /Non-compliant[^]*× 2\.00/,
    );
    expect(await page.getByTestId('enterprise-verdict').innerText()).toContain('Non-compliant');
    // 600 residents inside T102's 0.3 zone at 2×10⁻⁵ /yr: far above the F-N unacceptable line.
    expect(await page.getByTestId('societal-reduction').innerText()).toMatch(/unacceptable line/);
  });

  it("recomputes only the edited installation, and shows each installation's share on hover", async () => {
    // Same page: the layers of T101 and T103 are kept from the run on 3 workers.
    await dropProject(await writePlant(8e-6, 'three-installations-edited.json'));
    await page.keyboard.press('F5');
    await page.getByText(/1 of 3 installation layers computed/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('target-risk-R1').innerText()).toBe('2.4×10⁻⁶');
    expect(await page.getByTestId('target-verdict-R1').innerText()).toBe('Pass');
    // Every target passes now: T102 fails on societal risk alone, for which no target factor applies.
    expect(await page.getByTestId('reduction-T102').innerText()).toBe('(targets met)');

    // Hover where T101's 0.2 zone (2×10⁻⁶) and T102's 0.3 zone (now 2.4×10⁻⁶) overlap: (278, 83) is 290 m
    // from T101 and 232 m from T102, on the line between them. Shares 2.4/4.4 = 55 % and 2/4.4 = 45 %.
    const tank = await page.getByTestId('result-installation-T101').locator('rect').boundingBox();
    const school = await page.getByTestId('result-target-S1').locator('circle').first().boundingBox();
    if (!tank || !school) throw new Error('map not on screen');
    const [tx, ty] = [tank.x + tank.width / 2, tank.y + tank.height / 2];
    const metre = (school.x + school.width / 2 - tx) / 200;
    await page.mouse.move(tx + 278 * metre, ty - 83 * metre);
    expect(await page.getByTestId('map-tooltip').innerText()).toMatch(
      /Main contributors[^]*T102: 2\.4×10⁻⁶ \(55%\)[^]*T101: 2\.0×10⁻⁶ \(45%\)/,
    );
    // Once the pointer rests, the scenarios evaluated at the point itself: the same 55 % / 45 % split.
    const scenarios = page.getByTestId('map-tooltip-scenarios');
    await scenarios.waitFor();
    expect(await scenarios.innerText()).toMatch(/T102\/[^\n]*\(55%\)\s*T101\/[^\n]*\(45%\)/);
    await page.screenshot({ path: screenshotPath('34-results-workers-en') });
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByTestId('target-row-R1').click();
    await page.waitForTimeout(600);
    const block = await page.getByTestId('result-target-R1').locator('path').first().boundingBox();
    if (!block) throw new Error('block not on screen');
    await page.mouse.move(block.x + block.width * 0.8, block.y + block.height * 0.2);
    expect(await page.getByTestId('map-tooltip').innerText()).toContain('T102');
    await page.screenshot({ path: screenshotPath('35-results-workers-zh-CN') });
    expect(pageErrors).toEqual([]);
  });

  it('cancels a long run on 3 workers with Esc, keeping the last results; then runs the demo enterprise', async () => {
    await page.getByRole('link', { name: /^(开始|Start)$/ }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('open-demo').click();
    await page.getByTestId('project-summary').waitFor();
    await page.getByRole('link', { name: /计算与结果|Run & results/ }).click();
    await setCores(4);
    await page.keyboard.press('F5');
    // The demo enterprise's layers take seconds: cancel while they are computed.
    await page
      .getByTestId('stage')
      .getByText(/正在计算个人风险网格/)
      .waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.getByText('计算已取消。').waitFor();
    expect(await page.getByTestId('run').isEnabled()).toBe(true);
    // The three-installation results stay on screen, marked out of date.
    expect(await page.getByTestId('target-risk-R1').innerText()).toBe('2.4×10⁻⁶');
    expect(await page.getByTestId('app-engine-state').innerText()).toBe('结果已过时');

    // Run it to the end: existing and new installations, so the legend names each status's distances.
    await page.keyboard.press('F5');
    await page.getByTestId('elapsed').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('elapsed').innerText()).toMatch(/（3 个计算线程）；重算 5\/5/);
    expect(await page.getByTestId('contour-legend').textContent()).toMatch(/防护距离（新建） \d+ m：/);
    await page.screenshot({ path: screenshotPath('36-results-demo-zh-CN') });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
