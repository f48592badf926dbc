import { readStaticFile } from '../service/static.ts';
import { APP_HOST } from './security.ts';

/**
 * The `app://safedist/…` handler (registered with protocol.handle in index.ts): serves the built renderer
 * from `rendererDir` with the CSP and the other security headers. Other hosts and methods are refused.
 */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405 });
  }
  const file = await readStaticFile(rendererDir, url.pathname);
  // readFile and TextEncoder allocate plain ArrayBuffers, never shared memory, as Response requires.
  const body = file.body as Uint8Array<ArrayBuffer>;
  return new Response(request.method === 'HEAD' ? null : body, {
    status: file.status,
    headers: file.headers,
  });
}
