import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { CHANNELS, LIMITS, type ApiMethod, type ApiResult } from '../../shared/contract.ts';
import {
  SERVICE_METHODS,
  toResult,
  type AnyHandler,
  type Handlers,
  type ServiceMethod,
} from '../service/handlers.ts';
import { parseInput, reportPdfRequest } from '../service/schemas.ts';
import { readStaticFile, SECURITY_HEADERS } from '../service/static.ts';

/**
 * Web mode: the built renderer plus the SafeDist API over HTTP, for a browser on the same machine (and the
 * end-to-end tests). `POST /api/<channel>` (e.g. `/api/substances:search`) with a JSON body `{"input": …}`
 * answers the same ApiResult envelope as IPC, after the same zod validation. Opening and saving projects
 * happen in the browser (upload/download), so only the service methods are served.
 *
 * Printing a report: the app's Content-Security-Policy forbids the inline styles of the self-contained report,
 * and binds any blob: or about:blank frame the page makes, so the report is staged here (`POST /print` with
 * `{"input": {fileName, html}}`, the exportReportPdf payload) and served from its own URL
 * (`GET /print/<id>`) with a policy of its own: inline styles and data: images, no scripts, framed only by
 * the app. The renderer shows it in a hidden frame and calls the browser's print (save as PDF there).
 *
 * Bound to loopback only. Every request must name this server in Host (blocks DNS rebinding), and API calls
 * must come from its own origin with a JSON content type (blocks cross-site form posts and fetches).
 */

export interface WebServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: Handlers<ServiceMethod>;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningWebServer {
  server: Server;
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** Largest API request body; the service methods take small JSON objects… */
export const MAX_BODY_BYTES = 64 * 1024;
/** …except those carrying a project (its text escaped once more as a JSON string, or `.sdp` bytes in base64). */
export const MAX_PROJECT_BODY_BYTES = 2 * LIMITS.projectBytes + 64 * 1024;
/** A report to print: its HTML escaped once more as a JSON string. */
export const MAX_REPORT_BODY_BYTES = 2 * LIMITS.reportBytes + 64 * 1024;

const PROJECT_METHODS: ReadonlySet<ApiMethod> = new Set([
  'prepareAssessment',
  'readSdp',
  'writeSdp',
  'writeAutosave',
]);

/** Reports kept for printing, oldest dropped first; each is printed moments after it is staged. */
export const PRINT_SLOTS = 4;

/**
 * The policy of a staged report: nothing but its own inline styles and data: images, shown only in a frame of
 * the app itself.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

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
    SERVICE_METHODS.map((method) => [
      `/api/${CHANNELS[method]}`,
      {
        handler: options.handlers[method],
        maxBytes: PROJECT_METHODS.has(method) ? MAX_PROJECT_BODY_BYTES : MAX_BODY_BYTES,
      },
    ]),
  );
  const reports = new Map<string, string>();
  let port = 0;
  const server = createServer((request, response) => {
    const context = { routes, port, rendererDir: options.rendererDir, reports };
    handle(request, response, context).catch((error: unknown) => {
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
  /** Staged reports by id (see the module comment). */
  reports: Map<string, string>;
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  const allowedHosts = [`${HOST}:${context.port}`, `localhost:${context.port}`];
  const host = request.headers.host ?? '';
  if (!allowedHosts.includes(host)) return sendText(response, 421, `unexpected Host '${host}'`);
  const pathname = new URL(request.url ?? '/', `http://${host}`).pathname;

  if (pathname.startsWith('/api/') || pathname === '/print') {
    const route: Route | undefined =
      pathname === '/print'
        ? { handler: async (input) => stageReport(context.reports, input), maxBytes: MAX_REPORT_BODY_BYTES }
        : context.routes.get(pathname);
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

  const printId = /^\/print\/([0-9a-f]{32})$/.exec(pathname)?.[1];
  if (printId !== undefined) {
    if (request.method !== 'GET') return sendText(response, 405, 'method not allowed');
    const html = context.reports.get(printId);
    if (html === undefined)
      return sendText(response, 404, 'no such report (printed reports are kept briefly)');
    const body = Buffer.from(html, 'utf8');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': REPORT_CSP,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.byteLength,
      'Cache-Control': 'no-store',
    });
    return void response.end(body);
  }

  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendText(response, 405, 'method not allowed');
  const file = await readStaticFile(context.rendererDir, pathname);
  response.writeHead(file.status, { ...file.headers, 'Content-Length': file.body.byteLength });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

/** Keeps a report for printing and answers the path it is served at. */
function stageReport(reports: Map<string, string>, input: unknown): { path: string } {
  const { html } = parseInput(reportPdfRequest, input);
  const id = randomBytes(16).toString('hex');
  reports.set(id, html);
  for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - PRINT_SLOTS)))
    reports.delete(old);
  return { path: `/print/${id}` };
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
