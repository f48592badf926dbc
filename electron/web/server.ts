import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHANNELS, LIMITS, type ApiResult } from '../../shared/contract.ts';
import {
  SHARED_METHODS,
  toResult,
  type AnyHandler,
  type Handlers,
  type SharedMethod,
} from '../service/handlers.ts';
import { readStaticFile } from '../service/static.ts';

/**
 * Web mode: the built renderer plus the SafeDist API over HTTP, for a browser on the same machine (and the
 * end-to-end tests). `POST /api/<channel>` (e.g. `/api/substances:search`) with a JSON body `{"input": …}`
 * answers the same ApiResult envelope as IPC, after the same zod validation. Opening and saving projects
 * happen in the browser (upload/download), so only the shared methods are served.
 *
 * Bound to loopback only. Every request must name this server in Host (blocks DNS rebinding), and API calls
 * must come from its own origin with a JSON content type (blocks cross-site form posts and fetches).
 */

export interface WebServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: Handlers<SharedMethod>;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningWebServer {
  server: Server;
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** Largest API request body; the shared methods take small JSON objects… */
export const MAX_BODY_BYTES = 64 * 1024;
/** …except a project to prepare for computing: its text, escaped once more as a JSON string. */
export const MAX_PROJECT_BODY_BYTES = 2 * LIMITS.projectBytes + 64 * 1024;

const HOST = '127.0.0.1';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const routes = new Map<string, Route>(
    SHARED_METHODS.map((method) => [
      `/api/${CHANNELS[method]}`,
      {
        handler: options.handlers[method],
        maxBytes: method === 'prepareAssessment' ? MAX_PROJECT_BODY_BYTES : MAX_BODY_BYTES,
      },
    ]),
  );
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response, { routes, port, rendererDir: options.rendererDir }).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendText(response, 500, 'internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://${HOST}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface Route {
  handler: AnyHandler;
  /** Largest request body, bytes. */
  maxBytes: number;
}

interface Context {
  routes: Map<string, Route>;
  port: number;
  rendererDir: string;
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  const allowedHosts = [`${HOST}:${context.port}`, `localhost:${context.port}`];
  const host = request.headers.host ?? '';
  if (!allowedHosts.includes(host)) return sendText(response, 421, `unexpected Host '${host}'`);
  const pathname = new URL(request.url ?? '/', `http://${host}`).pathname;

  if (pathname.startsWith('/api/')) {
    const route = context.routes.get(pathname);
    if (!route) return sendText(response, 404, `no API method at ${pathname}`);
    try {
      if (request.method !== 'POST') throw new HttpError(405, 'API methods are called with POST');
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) {
        throw new HttpError(403, `refused: request from origin '${origin}'`);
      }
      if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) {
        throw new HttpError(415, 'API requests must be application/json');
      }
      const input = await readJsonInput(request, route.maxBytes);
      const result = await toResult(() => route.handler(input));
      return sendJson(response, result.ok ? 200 : 422, result);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return sendJson(response, error.status, { ok: false, error: error.message } satisfies ApiResult<never>);
    }
  }

  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendText(response, 405, 'method not allowed');
  const file = await readStaticFile(context.rendererDir, pathname);
  response.writeHead(file.status, { ...file.headers, 'Content-Length': file.body.byteLength });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** Reads `{"input": …}`; a missing `input` is `undefined`, as for IPC calls without a payload. */
async function readJsonInput(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HttpError(413, `request body larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object {"input": …}');
  }
  const unknown = Object.keys(body).filter((key) => key !== 'input');
  if (unknown.length > 0) throw new HttpError(400, `unknown field '${unknown[0]}' in the request body`);
  return (body as { input?: unknown }).input;
}

function sendJson(response: ServerResponse, status: number, value: ApiResult<unknown>): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}
