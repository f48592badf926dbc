import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closeAppPage, openAppPage, screenshotPath, type E2eApp } from './harness.ts';

/**
 * The application shell in web mode: the Start screen (new, demo, open, recent, save as JSON and .sdp),
 * drag-and-drop, keyboard shortcuts, the status bar, the autosave with recovery after the page is gone, the
 * rule-set viewer, and printing the report through the browser. Screenshots in zh-CN and en.
 */
let app: E2eApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

const EXAMPLE = path.join(import.meta.dirname, '../examples/analytic-zones.json');
let sdpBytes: Buffer;

beforeAll(async () => {
  ({ app, context, page, pageErrors } = await openAppPage({
    viewport: { width: 1280, height: 800 },
    // Counts print() calls in every frame (the report prints from a frame whose policy allows no scripts;
    // init scripts are injected by the browser and run anyway).
    prepare: (context) =>
      context.addInitScript(() => {
        window.print = () => {
          const top = window.top as unknown as { printed?: string[] };
          top.printed = [...(top.printed ?? []), document.title];
        };
      }),
  }));
  // Leaving a page with unsaved edits asks first; the tests leave on purpose.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(() => closeAppPage({ app, context }));

const docState = () => page.getByTestId('app-doc-state').innerText();

async function download(action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await action();
  const file = await pending;
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(saved) };
}

describe('the app shell (web mode)', () => {
  it('shows the Start screen with nothing open and an empty recent list', async () => {
    await page.goto(app.server.url);
    await page.getByRole('heading', { name: '新建项目' }).waitFor();
    expect(await docState()).toBe('无项目');
    await page.getByText('还没有最近打开或保存的项目。').waitFor();
    await page.screenshot({ path: screenshotPath('shell-01-start-zh-CN') });
  });

  it('opens the demo enterprise; the status bar says it is new and autosaves it', async () => {
    await page.getByTestId('open-demo').click();
    const summary = page.getByTestId('project-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('未保存');
    expect(await docState()).toBe('新项目，未保存');
    await page.getByTestId('autosaved').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('shell-02-demo-zh-CN') });
  });

  it('offers the autosaved edits after the page is gone, and recovers them', async () => {
    const name = await page.getByTestId('project-summary').locator('dd').first().innerText();
    await page.reload();
    const banner = page.getByTestId('recovery');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(name);
    expect(await docState()).toBe('无项目');
    await page.screenshot({ path: screenshotPath('shell-03-recovery-zh-CN') });
    await page.getByTestId('recover').click();
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByTestId('project-summary').locator('dd').first().innerText()).toBe(name);
    expect(await docState()).toBe('新项目，未保存');
  });

  it('saves with Ctrl+S as JSON and with Ctrl+Shift+S as a .sdp store; both go to the recent list', async () => {
    const json = await download(() => page.keyboard.press('Control+s'));
    expect(json.name).toMatch(/\.safedist\.json$/);
    const saved = JSON.parse(json.bytes.toString('utf8')) as { format: string; installations: unknown[] };
    expect(saved.format).toBe('safedist-project');
    expect(saved.installations.length).toBeGreaterThan(0);
    expect(await docState()).toBe('已保存');

    const sdp = await download(() => page.keyboard.press('Control+Shift+S'));
    expect(sdp.name).toMatch(/\.sdp$/);
    // An SQLite database (file format §1.3: the 16-byte magic string) written by data/store on the server.
    expect(sdp.bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    sdpBytes = sdp.bytes;
    const recent = page.getByTestId('recent');
    await recent.getByText(sdp.name).waitFor();
    await recent.getByText(json.name).waitFor();
  });

  it('opens a .sdp file dropped on the window, showing a drop overlay while dragging', async () => {
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('请输入项目名称').waitFor();
    await page.getByLabel('项目名称').fill('拖放测试');
    await page.getByRole('button', { name: '创建' }).click();
    expect(await page.getByTestId('project-summary').innerText()).toContain('拖放测试');
    const transfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '拖入的项目.sdp'));
      return data;
    }, sdpBytes.toString('base64'));
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByTestId('drop-overlay').waitFor();
    await page.screenshot({ path: screenshotPath('shell-04-drop-zh-CN') });
    // The new project is unsaved: the app asks before replacing it (accepted by the dialog handler).
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await page.getByTestId('app-notice').getByText('已打开 拖入的项目.sdp').waitFor();
    expect(await page.getByTestId('project-summary').innerText()).toContain('拖入的项目.sdp');
    expect(await docState()).toBe('已保存');
  });

  it('opens a JSON file with Ctrl+O through the file picker', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(EXAMPLE);
    await page.getByTestId('app-notice').getByText('已打开 analytic-zones.json').waitFor();
    expect(await page.getByTestId('project-summary').innerText()).toContain('解析算例');
  });

  it('lists the shortcuts with ? and closes the list with Esc', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts');
    await dialog.getByText('键盘快捷键').waitFor();
    expect(await dialog.innerText()).toContain('另存为 .sdp 项目库');
    await page.screenshot({ path: screenshotPath('shell-05-shortcuts-zh-CN') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('runs with F5 from another screen, shows computing then current in the status bar, and prints the report', async () => {
    await page.getByRole('link', { name: '规则集' }).click();
    await page.keyboard.press('F5');
    await page.waitForURL(/\/results$/);
    const engine = page.getByTestId('app-engine-state');
    await engine.getByText('结果为最新').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('shell-06-results-status-zh-CN') });
    await page.getByTestId('export-report').click();
    const frame = page.locator('iframe.print-frame');
    await frame.waitFor({ state: 'attached' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed?: string[] }).printed?.length ?? 0))
      .toBe(1);
    const report = page.frameLocator('iframe.print-frame');
    expect(await report.locator('body').innerText()).toContain('解析算例');
  });

  it('shows every value of the rule set with its source and confidence, searchable (zh-CN)', async () => {
    await page.getByRole('link', { name: '规则集' }).click();
    await page.getByTestId('rule-group-individualRisk').waitFor();
    const group = page.getByTestId('rule-group-individualRisk');
    expect(await group.innerText()).toContain('高敏感防护目标 › 在役');
    expect(await group.innerText()).toContain('3×10⁻⁶');
    expect(await group.innerText()).toContain('GB 36894-2018 Table 1');
    await page.screenshot({ path: screenshotPath('shell-07-rules-zh-CN') });
    await page.getByTestId('rule-search').fill('氨 临界量');
    await page.getByTestId('rule-group-majorHazard').getByText('10 t').first().waitFor();
    expect(await page.getByTestId('rule-group-individualRisk').count()).toBe(0);
    await page.getByTestId('rule-search').fill('');
    await page.getByTestId('rule-confidence').selectOption('unsure');
    const count = await page.getByTestId('rule-count').innerText();
    expect(count).toMatch(/^显示 \d+ \/ \d+ 个值$/);
    await page.screenshot({ path: screenshotPath('shell-08-rules-unsure-zh-CN') });
  });

  it('in English: the rule viewer, the Start screen and the shortcut list', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('rule-confidence').selectOption('all');
    await page.getByTestId('rule-search').fill('thermal');
    await page.getByRole('heading', { name: /^Vulnerability/ }).waitFor();
    expect(await page.getByTestId('rule-group-vulnerability').innerText()).toContain('35 kW/m^2');
    await page.screenshot({ path: screenshotPath('shell-09-rules-en') });
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Recent projects' }).waitFor();
    expect(await docState()).toBe('Saved');
    await page.screenshot({ path: screenshotPath('shell-10-start-en') });
    await page.keyboard.press('F1');
    await page.getByTestId('shortcuts').getByText('Keyboard shortcuts').waitFor();
    await page.screenshot({ path: screenshotPath('shell-11-shortcuts-en') });
    // Closed by its button this time (Esc is tested in Chinese); the list is modal and the next test clicks
    // the navigation behind it.
    await page.getByTestId('shortcuts').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('shortcuts').waitFor({ state: 'detached' });
  });

  it('keeps the status bar under the site editor and the results, without scrolling the window', async () => {
    for (const [link, url, screen] of [
      ['Site editor', /\/site$/, 'site-map'],
      ['Run & results', /\/results$/, 'run'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.waitForURL(url);
      await page.getByTestId(screen).waitFor();
      const status = await page.getByTestId('app-status').boundingBox();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
      );
      expect(overflow, link).toBe(0);
      // The app's status bar sits at the bottom of the window, in view.
      expect(status!.y + status!.height, link).toBeLessThanOrEqual(page.viewportSize()!.height + 0.5);
    }
    await page.screenshot({ path: screenshotPath('shell-12-results-status-en') });
  });

  it('logged no page errors (CSP violations included)', () => {
    expect(pageErrors).toEqual([]);
  });
});
