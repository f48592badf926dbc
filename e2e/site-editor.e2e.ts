import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshotPath, type E2eApp, closeAppPage, openAppPage } from './harness.ts';

/**
 * The site editor in a browser against the web-mode server: load the demo enterprise, draw a protection
 * target, enter quantities with units and see their SI values, see an invalid entry kept with its message,
 * undo and redo, edit the wind rose, switch to English. Screenshots go to test-output/e2e/ for a person.
 */
let app: E2eApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ app, context, page, pageErrors } = await openAppPage({
    viewport: { width: 1440, height: 900 },
    timeout: 5_000,
  }));
});

afterAll(() => closeAppPage({ app, context }));

/** A point of the map at fractions of its width and height, in page pixels. */
async function mapPoint(fx: number, fy: number): Promise<[number, number]> {
  const box = await page.getByTestId('site-map').boundingBox();
  if (!box) throw new Error('the map is not on screen');
  return [box.x + box.width * fx, box.y + box.height * fy];
}

describe('site editor (web mode)', () => {
  it('opens empty, loads the demo enterprise and draws it on the map', async () => {
    await page.goto(`${app.server.url}site`);
    await page.getByText('尚未打开项目').waitFor();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('shape-installations-CL-01').waitFor();
    expect(await page.getByTestId('list-installations').innerText()).toContain('液氯储罐区');
    expect(await page.getByTestId('issue-count').innerText()).toBe('输入完整');
    expect(await page.getByTestId('scale-bar').textContent()).toMatch(/\d+ k?m/);
    await page.getByTestId('north-arrow').getByText('北').waitFor();
    await page.screenshot({ path: screenshotPath('10-site-editor-demo-zh-CN') });
  });

  it('measures a distance on the map', async () => {
    await page.getByTestId('tool-measure').click();
    const [x0, y0] = await mapPoint(0.2, 0.8);
    const [x1, y1] = await mapPoint(0.5, 0.8);
    await page.mouse.click(x0, y0);
    await page.mouse.click(x1, y1);
    expect(await page.getByTestId('measure-result').innerText()).toMatch(/^距离 [\d.]+ m（1 段）$/);
    await page.keyboard.press('Escape');
  });

  it('draws a protection target polygon and asks for its class and population', async () => {
    await page.getByTestId('tool-target').click();
    for (const [fx, fy] of [
      [0.12, 0.7],
      [0.22, 0.7],
      [0.22, 0.85],
      [0.12, 0.85],
    ] as const) {
      const [x, y] = await mapPoint(fx, fy);
      await page.mouse.click(x, y);
    }
    await page.keyboard.press('Enter');
    const form = page.getByTestId('target-form');
    await form.waitFor();
    await page.getByTestId('shape-targets-T-1').waitFor();
    expect(await page.getByTestId('field-category').innerText()).toContain('必填');
    await page.getByLabel('防护目标类别').selectOption('high-sensitivity');
    await page.getByLabel('名称').fill('新建幼儿园');
    await page.getByLabel('白天人数').fill('120');
    await page.getByLabel('夜间人数').fill('0');
    expect(await page.getByTestId('field-category').innerText()).not.toContain('必填');
    await page.screenshot({ path: screenshotPath('11-site-editor-target-zh-CN') });
  });

  it('places an installation by its outline; the form asks for what is missing', async () => {
    await page.getByTestId('tool-installation').click();
    for (const [fx, fy] of [
      [0.3, 0.15],
      [0.36, 0.15],
      [0.36, 0.22],
    ] as const) {
      const [x, y] = await mapPoint(fx, fy);
      await page.mouse.click(x, y);
    }
    const [x, y] = await mapPoint(0.3, 0.22);
    await page.mouse.dblclick(x, y);
    await page.getByTestId('installation-form').waitFor();
    await page.getByTestId('shape-installations-INS-1').waitFor();
    expect(await page.getByTestId('field-inventory').innerText()).toContain('必填');
    expect(await page.getByTestId('issue-count').innerText()).toMatch(/^\d+ 处待修正$/);
    await page.getByRole('button', { name: '删除' }).first().click();
    await page.getByTestId('shape-installations-INS-1').waitFor({ state: 'detached' });
  });

  it('selects, moves and deletes the target on the map, and undoes the deletion', async () => {
    const group = page.getByTestId('shape-targets-T-1');
    const shape = group.locator('path.shape');
    const before = await shape.boundingBox();
    if (!before) throw new Error('the new target is not drawn');
    const [cx, cy] = [before.x + before.width / 2, before.y + before.height / 2];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 40, cy, { steps: 4 });
    await page.mouse.move(cx + 80, cy, { steps: 4 });
    await page.mouse.up();
    // Centres, not corners: the selected outline is drawn with a wider stroke.
    const centre = async () => {
      const box = await shape.boundingBox();
      return box ? box.x + box.width / 2 : Number.NaN;
    };
    const moved = await centre();
    expect(moved - cx).toBeGreaterThan(30);
    await page.keyboard.press('Delete');
    await group.waitFor({ state: 'detached' });
    expect(await page.getByTestId('list-targets').innerText()).not.toContain('T-1');
    await page.keyboard.press('Control+Z');
    await shape.waitFor();
    expect(await centre()).toBeCloseTo(moved, 0);
  });

  it('reads unit strings into SI, keeps an invalid entry with its message, and undoes and redoes', async () => {
    // The deletion cleared the selection: the lists are showing.
    await page.getByTestId('list-installations').getByText('NH3-01').click();
    await page.getByTestId('substance-picker').fill('7782-50-5');
    await page.getByRole('option', { name: /Chlorine/ }).click();
    // The library record arrives from the API after the choice: wait for it.
    await expect
      .poll(() => page.getByTestId('substance-current').innerText())
      .toContain('氯 Chlorine CAS 7782-50-5');
    const inventory = page.getByTestId('field-inventory');
    await inventory.getByRole('textbox').fill('20 t');
    expect(await inventory.innerText()).toContain('SI：20000 kg');
    const temperature = page.getByTestId('field-temperature');
    await temperature.getByRole('textbox').fill('-33 degC');
    expect(await temperature.innerText()).toContain('SI：240.15 K');
    const pressure = page.getByTestId('field-pressure');
    await pressure.getByRole('textbox').fill('6 barg');
    expect(await pressure.innerText()).toContain('SI：701325 Pa');

    await inventory.getByRole('textbox').fill('20 tt');
    expect(await inventory.getByRole('textbox').inputValue()).toBe('20 tt');
    expect(await inventory.getByRole('alert').innerText()).toContain('无法识别“20 tt”');
    expect(await page.getByTestId('issue-count').innerText()).toBe('1 处待修正');
    await page.screenshot({ path: screenshotPath('12-site-editor-installation-invalid-zh-CN') });

    await page.keyboard.press('Control+Z');
    expect(await inventory.getByRole('textbox').inputValue()).toBe('20 t');
    await page.keyboard.press('Control+Z');
    expect(await pressure.getByRole('textbox').inputValue()).toBe('7.3 bar');
    await page.keyboard.press('Control+Y');
    expect(await pressure.getByRole('textbox').inputValue()).toBe('6 barg');
    await page.keyboard.press('Control+Shift+Z');
    expect(await inventory.getByRole('textbox').inputValue()).toBe('20 tt');
    await page.keyboard.press('Control+Z');
    expect(await page.getByTestId('app-doc-state').innerText()).toBe('新项目，未保存');
  });

  it('edits the wind rose with a live sum check', async () => {
    await page.getByRole('tab', { name: '气象' }).click();
    await page.getByTestId('wind-rose-chart').waitFor();
    expect(await page.getByTestId('rose-sum').innerText()).toBe('合计 1 ✓');
    await page.getByTestId('rose-table').getByRole('textbox').first().fill('16 %');
    expect(await page.getByTestId('rose-sum').innerText()).toBe('概率之和应为 1，当前为 1.1');
    await page.getByTestId('wind-rose-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('13-site-editor-weather-zh-CN') });
  });

  it('edits one wind rose per weather class, and goes back by undo', async () => {
    await page.getByTestId('rose-mode').selectOption('per-class');
    const tabs = page.getByTestId('rose-classes').getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['B3', 'D1.5', 'D5', 'D9', 'E5', 'F1.5']);
    // Every class starts from a copy of the common rose (whose first sector was just set to 16 %).
    await tabs.filter({ hasText: 'F1.5' }).click();
    expect(await page.getByTestId('rose-sum').innerText()).toBe('概率之和应为 1，当前为 1.1');
    await page.getByTestId('rose-table').getByRole('textbox').first().fill('0.06');
    expect(await page.getByTestId('rose-sum').innerText()).toBe('合计 1 ✓');
    await page.getByTestId('wind-rose-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('13-site-editor-weather-per-class-zh-CN') });
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    expect(await page.getByTestId('rose-mode').inputValue()).toBe('single');
    expect(await page.getByTestId('rose-sum').innerText()).toBe('概率之和应为 1，当前为 1.1');
  });

  it('loads a site-plan image as backdrop and georeferences it by two points', async () => {
    // Any raster will do as a "site plan": a screenshot of the app itself.
    const image = await page.screenshot({ clip: { x: 0, y: 0, width: 600, height: 400 } });
    await page.getByRole('tab', { name: '底图' }).click();
    await page
      .getByTestId('backdrop-file')
      .setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: image });
    await page.getByText('未配准：暂按 1 m/像素 放在原点').waitFor();
    await page.getByTestId('tool-georef').click();
    const plan = await page.locator('image.se-backdrop').boundingBox();
    if (!plan) throw new Error('the backdrop is not drawn');
    await page.mouse.click(plan.x - 20, plan.y - 20); // beside the image: not a reference point
    await page.mouse.click(plan.x + plan.width * 0.2, plan.y + plan.height * 0.5);
    await page.mouse.click(plan.x + plan.width * 0.8, plan.y + plan.height * 0.5);
    const panel = page.getByTestId('backdrop-panel');
    // Image pixels 20 % and 80 % across a 600 px image, half-way down its 400 px (± 2 screen pixels of
    // rounding, converted to image pixels at the map's current zoom).
    const picked = [...(await panel.innerText()).matchAll(/图上像素 \(([-\d.]+), ([-\d.]+)\)/g)].map(
      (m): [number, number] => [Number(m[1]), Number(m[2])],
    );
    const expected: [number, number][] = [
      [120, 200],
      [480, 200],
    ];
    const tolerance = 2 * Math.max(1, 600 / plan.width);
    expect(picked).toHaveLength(2);
    picked.forEach(([u, v], i) => {
      const [eu, ev] = expected[i] as [number, number];
      expect(Math.abs(u - eu)).toBeLessThan(tolerance);
      expect(Math.abs(v - ev)).toBeLessThan(tolerance);
    });
    await panel.getByLabel('场地 x').nth(0).fill('0 m');
    await panel.getByLabel('场地 y').nth(0).fill('0');
    await panel.getByLabel('场地 x').nth(1).fill('0.2 km');
    await panel.getByLabel('场地 y').nth(1).fill('0');
    await panel.getByRole('button', { name: '应用配准' }).click();
    expect(await panel.innerText()).toMatch(/已按两点配准：[\d.]+ m\/像素，旋转 -?[\d.e-]+°/);
    await page.screenshot({ path: screenshotPath('14-site-editor-backdrop-zh-CN') });
  });

  it('loads a DXF site plan as backdrop, places it by unit and base point, and snaps to its vertices', async () => {
    // The demo plant drawn in CAD, in millimetres ($INSUNITS 4) from the fence's south-west corner: the fence
    // (850 m × 650 m), spheres, tanks, buildings, two roads, a road bend, and a text label (not drawn).
    const g = (...pairs: (string | number)[]) => pairs.join('\n');
    const rect = (layer: string, x0: number, y0: number, x1: number, y1: number) =>
      g(
        0,
        'LWPOLYLINE',
        8,
        layer,
        90,
        4,
        70,
        1,
        10,
        x0,
        20,
        y0,
        10,
        x1,
        20,
        y0,
        10,
        x1,
        20,
        y1,
        10,
        x0,
        20,
        y1,
      );
    const circle = (x: number, y: number, r: number) =>
      g(0, 'CIRCLE', 8, 'TANKS', 10, x, 20, y, 30, 0, 40, r);
    const line = (x0: number, y0: number, x1: number, y1: number) =>
      g(0, 'LINE', 8, 'ROADS', 10, x0, 20, y0, 30, 0, 11, x1, 21, y1, 31, 0);
    const plan = [
      g(0, 'SECTION', 2, 'HEADER', 9, '$INSUNITS', 70, 4, 0, 'ENDSEC', 0, 'SECTION', 2, 'ENTITIES'),
      rect('FENCE', 0, 0, 850000, 650000),
      circle(630000, 500000, 15000),
      circle(670000, 500000, 15000),
      ...[550000, 600000, 650000].map((x) => circle(x, 150000, 20000)),
      rect('BUILDINGS', 135000, 440000, 165000, 460000),
      rect('BUILDINGS', 267500, 492500, 292500, 507500),
      rect('BUILDINGS', 220000, 130000, 280000, 170000),
      rect('BUILDINGS', 50000, 550000, 100000, 620000),
      rect('BUILDINGS', 520000, 105000, 680000, 195000),
      line(0, 300000, 850000, 300000),
      line(400000, 0, 400000, 650000),
      g(0, 'ARC', 8, 'ROADS', 10, 780000, 20, 580000, 30, 0, 40, 40000, 50, 0, 51, 90),
      g(0, 'TEXT', 8, 'LABELS', 10, 50000, 20, 560000, 30, 0, 40, 2500, 1, 'OFFICE'),
      g(0, 'ENDSEC', 0, 'EOF'),
    ].join('\n');
    // The image backdrop goes: the drawing takes its place.
    await page.getByTestId('backdrop-panel').getByRole('button', { name: '移除底图' }).click();
    const panel = page.getByTestId('dxf-panel');
    await panel
      .getByTestId('dxf-file')
      .setInputFiles({ name: 'plan.dxf', mimeType: 'application/dxf', buffer: Buffer.from(`${plan}\n`) });
    expect(await panel.getByTestId('dxf-summary').innerText()).toBe(
      'plan.dxf：14 个图元，图层 BUILDINGS, FENCE, ROADS, TANKS （未绘制：TEXT 1）',
    );
    expect(await panel.getByTestId('dxf-unit').inputValue()).toBe('mm');
    await expect.poll(() => page.getByTestId('dxf-backdrop').locator('path').count()).toBe(14);
    // Base (400 000, 300 000) mm puts the drawn fence on the project's plant boundary, (−400, −300)–(450, 350) m.
    await panel.getByTestId('dxf-base-x').fill('400000');
    await panel.getByTestId('dxf-base-y').fill('300000');
    const fencePath = page.getByTestId('dxf-backdrop').locator('path').first();
    const boundary = await page.locator('path.se-boundary').boundingBox();
    let fence = await fencePath.boundingBox();
    if (!fence || !boundary) throw new Error('the DXF fence or the plant boundary is not drawn');
    expect(Math.abs(fence.x - boundary.x)).toBeLessThan(2);
    expect(Math.abs(fence.width - boundary.width)).toBeLessThan(3);
    // Zoom in on the plant with the wheel.
    await page.mouse.move(fence.x + fence.width / 2, fence.y + fence.height / 2);
    await page.mouse.wheel(0, -400);
    await page.mouse.wheel(0, -400);
    await expect
      .poll(async () => (await fencePath.boundingBox())?.width ?? 0)
      .toBeGreaterThan(fence.width * 2);
    fence = await fencePath.boundingBox();
    if (!fence) throw new Error('the DXF fence is not drawn');
    // Measure along the fence's south side, clicking a pixel or two off its corners: the clicks snap to the
    // drawing's vertices, (−400, −300) m and (450, −300) m, so the distance is exactly 850 m.
    await page.getByTestId('tool-measure').click();
    await page.mouse.click(fence.x + 2, fence.y + fence.height - 1);
    await page.mouse.click(fence.x + fence.width - 2, fence.y + fence.height + 1);
    expect(await page.getByTestId('measure-result').innerText()).toBe('距离 850 m（1 段）');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('16-site-editor-dxf-zh-CN') });
    // The same drawing read as metres instead of millimetres is a thousand times larger.
    await panel.getByTestId('dxf-unit').selectOption('m');
    const large = await fencePath.boundingBox();
    expect((large?.width ?? 0) / fence.width).toBeGreaterThan(100);
    await panel.getByTestId('dxf-unit').selectOption('mm');
    await page.keyboard.press('Escape');
    await page.getByTestId('tool-select').click();
  });

  it('lists the LOC cases of an equipment item, overrides one frequency and disables another', async () => {
    await page.getByRole('tab', { name: '对象' }).click();
    // NH3-01 is still selected; its first item is the pressure vessel V-201.
    const cases = page.getByTestId('loc-cases-0');
    await cases.getByTestId('loc-instantaneous').waitFor();
    expect(await cases.getByTestId('loc-used-instantaneous').innerText()).toBe('5e-7 /a\n目录值');
    await cases.getByLabel('instantaneous 的覆盖频率').fill('1e-7');
    expect(await cases.getByTestId('loc-used-instantaneous').innerText()).toBe(
      '1e-7 /a\n覆盖值（替换目录值 5e-7）',
    );
    await cases.getByLabel('采用场景 ten-minute').uncheck();
    expect(await cases.getByTestId('loc-used-ten-minute').innerText()).toBe('已停用');
    await cases.getByTestId('loc-reason').fill('制造商提供的失效数据');
    // The pipe L-201 (80 mm, 60 m) draws its per-metre catalogue values times its length.
    expect(await page.getByTestId('loc-cases-1').getByTestId('loc-used-rupture').innerText()).toContain(
      '× 60 m of pipe',
    );
    await cases.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('17-site-editor-loc-zh-CN') });
  });

  it('switches to English', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('tab', { name: 'Weather' }).click();
    expect(await page.getByTestId('rose-sum').innerText()).toBe(
      'Probabilities must sum to 1; they sum to 1.1',
    );
    // The selection survives the tab switch: NH3-01's form is back.
    await page.getByRole('tab', { name: 'Objects' }).click();
    expect(await page.getByTestId('field-temperature').innerText()).toContain('SI: 240.15 K');
    expect(await page.getByTestId('loc-used-instantaneous').first().innerText()).toBe(
      '1e-7 /yr\noverride (replaces the catalogue 5e-7)',
    );
    await page.screenshot({ path: screenshotPath('15-site-editor-installation-en') });
  });

  it('saves the project as typed (unit strings kept) and is clean afterwards', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('演示化工有限公司（虚构）.safedist.json');
    const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      installations: { id: string; inventory: unknown; temperature: unknown; equipment: unknown[] }[];
      targets: { id: string; category: string }[];
    };
    const ammonia = saved.installations.find((i) => i.id === 'NH3-01');
    expect(ammonia).toMatchObject({ inventory: '20 t', temperature: '-33 degC' });
    expect(ammonia?.equipment[0]).toMatchObject({
      frequencies: { instantaneous: 1e-7 },
      disable: ['ten-minute'],
      reason: '制造商提供的失效数据',
    });
    expect(saved.targets.find((t) => t.id === 'T-1')?.category).toBe('high-sensitivity');
    expect(await page.getByTestId('app-doc-state').innerText()).toBe('Saved');
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
