import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_META, SECURITY_HEADERS } from '../service/static.ts';
import { APP_ENTRY_URL, hardenWebContents, isAppUrl, mainWindowOptions } from './security.ts';

// Electron security checklist (electron/electron docs/tutorial/security.md; notes/stack.md §2.2).
describe('main window webPreferences', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload only', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs').webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app itself and forbids inline script and style, plugins, base and framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('renderer/index.html carries the same policy as a meta fallback (frame-ancestors is header-only)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP_META);
    expect(CSP_META).not.toContain('frame-ancestors');
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://safedist/substances?q=1')).toBe(true);
    for (const url of [
      'app://other/',
      'https://safedist/',
      'file:///app/out/renderer/index.html',
      'http://127.0.0.1:5180/',
      'app://safedist.evil/',
      'not a url',
      '',
      undefined,
      null,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, listener: (event: { url?: string; preventDefault(): void }) => void) => {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler;
      },
    };
    hardenWebContents(contents as never);
    const fire = (name: string, url?: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get(name)!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { fire, openWindow: () => openHandler?.() };
  }

  it('cancels navigation and redirects away from the app origin, allows its own pages', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-navigate', 'app://safedist/about')).toBe(false);
  });

  it('denies every new window and every webview', () => {
    const { fire, openWindow } = fakeContents();
    expect(openWindow()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
