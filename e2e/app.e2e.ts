import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../electron/service/static.ts';
import { screenshotPath, type E2eApp, closeAppPage, openAppPage } from './harness.ts';

/**
 * The app in a browser against the web-mode server (DESIGN.md: how the renderer is tested end to end):
 * Chinese first, switch to English and keep it, search the real substance library, list the rule sets, and
 * show honest "not yet available" screens. Screenshots go to test-output/e2e/ for a human to look at.
 */
let app: E2eApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ app, context, page, pageErrors } = await openAppPage({ viewport: { width: 1280, height: 800 } }));
});

afterAll(() => closeAppPage({ app, context }));

describe('SafeDist in the browser (web mode)', () => {
  it('opens in Chinese with the CSP header and uses the HTTP API (no preload)', async () => {
    const response = await page.goto(app.server.url);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.getByRole('heading', { name: '危险化学品生产装置和储存设施外部安全防护距离计算' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => 'safedist' in window)).toBe(false);
    await page.getByRole('link', { name: '物质库' }).waitFor();
    await page.screenshot({ path: screenshotPath('01-start-zh-CN'), fullPage: true });
  });

  it('creates a new project and summarises it', async () => {
    await page.getByLabel('项目名称').fill('示例化工有限公司');
    await page.getByRole('button', { name: '创建' }).click();
    const summary = page.getByTestId('project-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('示例化工有限公司');
    expect(await summary.innerText()).toContain('未保存');
  });

  it('searches the substance library in Chinese and shows a record with units and sources', async () => {
    await page.getByRole('link', { name: '物质库' }).click();
    await page.getByTestId('substance-search').fill('氯');
    await page.getByRole('cell', { name: '氯化氢(无水)' }).waitFor();
    await page.getByRole('button', { name: '氯', exact: true }).click();
    const detail = page.getByTestId('substance-detail');
    await detail.getByText('7782-50-5').waitFor();
    const text = await detail.innerText();
    expect(text).toContain('摩尔质量');
    expect(text).toContain('kg/mol');
    expect(text).toContain('GB 18218 临界量');
    await page.screenshot({ path: screenshotPath('02-substances-zh-CN'), fullPage: true });
  });

  it('switches to English, translates the screen and keeps the choice after a reload', async () => {
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Substance library' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('substance-search').fill('7664-41-7');
    await page.getByRole('cell', { name: 'Ammonia', exact: true }).waitFor();
    expect(await page.getByTestId('substance-count').innerText()).toBe('Substances found: 1');
    await page.reload();
    await page.getByRole('heading', { name: 'Substance library' }).waitFor();
    await page.screenshot({ path: screenshotPath('03-substances-en'), fullPage: true });
  });

  it('lists the built-in rule set; the results screen shows no numbers before a run', async () => {
    await page.getByRole('link', { name: 'Rule sets' }).click();
    await page.getByTestId('rule-sets').getByText('GB36894-2018').waitFor();
    await page.getByRole('link', { name: 'Run & results' }).click();
    await page.getByText(/^(Not computed yet|No project is open)/).waitFor();
    expect(await page.getByTestId('result-map').count()).toBe(0);
    await page.getByRole('link', { name: 'About' }).click();
    const info = page.getByTestId('app-info');
    await info.getByText('Browser (local web server)').waitFor();
    await page.screenshot({ path: screenshotPath('04-about-en'), fullPage: true });
  });

  it('logged no page errors (CSP violations included)', () => {
    expect(pageErrors).toEqual([]);
  });
});
