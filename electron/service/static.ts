import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Serving the built renderer (out/renderer) — shared by the Electron `app://` protocol and the web server so
 * both send the same files with the same security headers.
 */

/**
 * The Content-Security-Policy of every renderer page. Everything comes from the app itself: no inline or
 * remote scripts, no inline styles, no plugins, no framing. `frame-ancestors` only works as a header, so the
 * `<meta>` fallback in renderer/index.html carries {@link CSP_META} (the same policy without it).
 */
export const CSP_META = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const CONTENT_SECURITY_POLICY = `${CSP_META}; frame-ancestors 'none'`;

/** Headers sent with every renderer file. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Maps a URL path to a file under `rootDir`. Paths without an extension are client-side routes and get
 * index.html (the router takes it from there); a missing asset is a 404. Anything that would leave
 * `rootDir` (`..`, encoded separators, absolute paths) is a 404 too.
 * @returns the absolute file path, or null
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const last = segments.at(-1) ?? '';
  const relative = path.extname(last) === '' ? 'index.html' : segments.join('/');
  return path.join(path.resolve(rootDir), relative);
}

/** Reads the file for `urlPath` (see resolveStaticPath) with its content type and the security headers. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile> {
  const file = resolveStaticPath(rootDir, urlPath);
  const notFound: StaticFile = {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode('not found'),
  };
  if (!file) return notFound;
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Vite puts content-hashed names under assets/; everything else may change between builds.
    const cache = urlPath.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache';
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache },
      body,
    };
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EISDIR'
    ) {
      return notFound;
    }
    throw error;
  }
}
