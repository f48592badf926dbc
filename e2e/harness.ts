import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWebMode } from '../electron/web/main.ts';
import type { RunningWebServer } from '../electron/web/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'out/renderer');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output/e2e');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive: CHROMIUM_PATH, else a system install. Installs nothing. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to '${fromEnv}', but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CANDIDATES.join(', ')}). Install it (Debian: apt-get install chromium ` +
        'fonts-noto-cjk) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

/** Headless, quiet, offline-friendly flags (notes/stack.md §1.2). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
];

export interface E2eApp {
  browser: Browser;
  server: RunningWebServer;
  close(): Promise<void>;
}

/** Starts web mode on a free port over the built renderer and launches Chromium. */
export async function startApp(): Promise<E2eApp> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `${RENDERER_DIR}/index.html is missing: run \`npm run build:renderer\` (npm run test:e2e does).`,
    );
  }
  const executablePath = findChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await startWebMode({ rendererDir: RENDERER_DIR, port: 0 });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export const screenshotPath = (name: string) => path.join(SCREENSHOT_DIR, `${name}.png`);

/** Collects the page's uncaught errors and console errors, which every e2e test expects to stay empty. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

export interface AppPage {
  app: E2eApp;
  context: BrowserContext;
  page: Page;
  /** The page's uncaught and console errors (recordPageErrors). */
  pageErrors: string[];
}

/**
 * Starts the app (web mode + Chromium) and opens one page in a zh-CN context that accepts downloads, for a
 * test file's beforeAll; `prepare` runs on the context before the page opens (e.g. init scripts).
 */
export async function openAppPage(options: {
  viewport: { width: number; height: number };
  timeout?: number;
  prepare?: (context: BrowserContext) => Promise<unknown>;
}): Promise<AppPage> {
  const app = await startApp();
  const context = await app.browser.newContext({
    viewport: options.viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  if (options.timeout !== undefined) page.setDefaultTimeout(options.timeout);
  return { app, context, page, pageErrors: recordPageErrors(page) };
}

/** Closes what openAppPage opened (safe when it failed part-way). */
export async function closeAppPage(opened: Partial<AppPage> | undefined): Promise<void> {
  await opened?.context?.close();
  await opened?.app?.close();
}
