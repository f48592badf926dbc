import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentHandlers } from '../service/documents.ts';
import { createSharedHandlers } from '../service/handlers.ts';
import { CONTENT_SECURITY_POLICY } from '../service/static.ts';
import { MAX_BODY_BYTES, PRINT_SLOTS, REPORT_CSP, startWebServer, type RunningWebServer } from './server.ts';

/** The HTTP transport of web mode, on a throw-away renderer directory and stand-in data. */
let server: RunningWebServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'safedist-web-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>index</title>');
  writeFileSync(path.join(rendererDir, 'assets/app-1234.js'), 'console.log(1)');
  writeFileSync(path.join(tmpdir(), 'safedist-secret.txt'), 'secret');
  const shared = createSharedHandlers({
    appInfo: { name: 'SafeDist', version: '9.9.9', mode: 'web', versions: { node: process.versions.node } },
    substances: {
      search: (query) =>
        query === '' ? [] : [{ id: query, nameZh: '', nameEn: '', cas: '', formula: '', hazards: [] }],
      get: () => undefined,
    },
    listRuleSets: () => [],
    substanceRecord: () => undefined,
  });
  const documents = createDocumentHandlers({ autosaveDir: path.join(rendererDir, 'autosave') });
  server = await startWebServer({ rendererDir, handlers: { ...shared, ...documents }, port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`api/${channel}`, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('web server: API', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a valid call with the ApiResult envelope', async () => {
    const response = await api('substances:search', { input: { query: 'chlorine' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: [{ id: 'chlorine', nameZh: '', nameEn: '', cas: '', formula: '', hazards: [] }],
    });
    const info = await api('app:info', {});
    expect(await info.json()).toMatchObject({ ok: true, value: { version: '9.9.9', mode: 'web' } });
  });

  it('validates the payload with the same schemas as IPC (422 naming the field)', async () => {
    const response = await api('substances:search', { input: { query: 42 } });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      ok: false,
      error: "field 'query': expected string, received number",
    });
    const missing = await api('substances:get', { input: { id: 'x' } });
    expect(await missing.json()).toEqual({ ok: false, error: "unknown substance id 'x'" });
  });

  it('refuses other origins, other content types, other methods and oversized or malformed bodies', async () => {
    const foreign = await api('app:info', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      ok: false,
      error: "refused: request from origin 'https://evil.example'",
    });
    expect((await api('app:info', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await fetch(new URL('api/app:info', server.url))).status).toBe(405);
    expect((await api('app:info', '{not json')).status).toBe(400);
    expect((await api('app:info', '[1]')).status).toBe(400);
    expect(await (await api('app:info', { input: null, channel: 'x' })).json()).toEqual({
      ok: false,
      error: "unknown field 'channel' in the request body",
    });
    expect((await api('app:info', { input: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413);
  });

  it('serves no project methods and no unknown channels (web mode saves and opens in the browser)', async () => {
    expect((await api('project:save', { input: { fileName: 'a.json', text: '{}' } })).status).toBe(404);
    expect((await api('nope', {})).status).toBe(404);
  });

  it('refuses a Host that is not this server (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(server.url).port;
      request(
        { host: '127.0.0.1', port, path: '/', headers: { Host: `attacker.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});

describe('web server: renderer files', () => {
  it('serves index.html with the CSP header, and client routes fall back to it', async () => {
    for (const route of ['/', '/substances', '/rules/GB36894-2018']) {
      const response = await fetch(new URL(route, server.url));
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>index</title>');
    }
  });

  it('serves assets with their type and 404s missing ones and escapes from the directory', async () => {
    const asset = await fetch(new URL('/assets/app-1234.js', server.url));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
    for (const sneaky of [
      '/%2e%2e/safedist-secret.txt',
      '/assets/..%2f..%2fsafedist-secret.txt',
      '/..%5csafedist-secret.txt',
    ]) {
      const response = await fetch(new URL(sneaky, server.url));
      expect(response.status, sneaky).toBe(404);
    }
  });
});

describe('web server: printing a report', () => {
  const report = (html: string) =>
    fetch(new URL('print', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { fileName: 'r.pdf', html } }),
    });

  it('stages a report and serves it under its own restrictive policy, framed by the app only', async () => {
    const staged = (await (
      await report('<!doctype html><style>h1{color:red}</style><h1>报告</h1>')
    ).json()) as {
      ok: boolean;
      value: { path: string };
    };
    expect(staged.value.path).toMatch(/^\/print\/[0-9a-f]{32}$/);
    const page = await fetch(new URL(staged.value.path, server.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("frame-ancestors 'self'");
    expect(REPORT_CSP).not.toContain('script-src');
    expect(await page.text()).toContain('<h1>报告</h1>');
  });

  it('refuses what is not an HTML document, and forgets old reports', async () => {
    expect(await (await report('plain text')).json()).toEqual({
      ok: false,
      error: "field 'html': must be an HTML document (<!doctype html>…)",
    });
    const paths: string[] = [];
    for (let k = 0; k <= PRINT_SLOTS; k++) {
      const body = (await (await report(`<!doctype html><p>${k}`)).json()) as { value: { path: string } };
      paths.push(body.value.path);
    }
    expect((await fetch(new URL(paths[0]!, server.url))).status).toBe(404);
    expect((await fetch(new URL(paths.at(-1)!, server.url))).status).toBe(200);
    expect((await fetch(new URL('/print/0123456789abcdef0123456789abcdef', server.url))).status).toBe(404);
  });
});
