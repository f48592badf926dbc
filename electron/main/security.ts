import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/**
 * The desktop shell's security settings in one place (Electron security checklist, notes/stack.md §2.2),
 * written literally so reviewers and electronegativity can read them, and unit-tested in security.test.ts.
 */

/** The renderer is served from `app://safedist/` (protocol.ts), never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'safedist';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True when `url` belongs to the app's own origin. Compared by scheme and host because WHATWG URL gives
 * custom schemes the opaque origin 'null', so `new URL(url).origin` cannot be used.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The main window. Only the preload gets Electron APIs; the page gets `window.safedist` and nothing else. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'SafeDist',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps every web contents on the app's own pages: navigation and redirects elsewhere are cancelled,
 * new windows are refused and `<webview>` cannot attach. The app has no external links yet; when it gets
 * some, open allow-listed https: URLs with shell.openExternal here, after parsing them.
 */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
