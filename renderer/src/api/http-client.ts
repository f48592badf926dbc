import {
  CHANNELS,
  LIMITS,
  SDP_FILE_NAME,
  type ApiResult,
  type Channel,
  type ProjectFile,
  type SafeDistApi,
} from '../../../shared/contract.ts';
import { bytesToBase64, base64ToBytes } from './base64.ts';
import { BrowserRecentProjects } from './recent.ts';

/**
 * `SafeDistApi` for web mode: the service methods call the local server (electron/web/server.ts) with
 * `POST /api/<channel>`; projects are opened by upload and saved by download, as a browser allows (a `.sdp`
 * file is converted by the server, which holds the SQLite store). The recent list is kept by the browser
 * (localStorage, with the text last opened or saved: a browser cannot reopen a file by its path).
 */
export function createHttpApi(baseUrl: string): SafeDistApi {
  const recent = new BrowserRecentProjects(window.localStorage);

  async function call<T>(channel: Channel | 'print', input?: unknown): Promise<T> {
    const path = channel === 'print' ? 'print' : `api/${channel}`;
    const response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.startsWith('application/json')) {
      throw new Error(`${response.status} ${response.statusText}: ${(await response.text()).slice(0, 200)}`);
    }
    const result = (await response.json()) as ApiResult<T>;
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  const api: SafeDistApi = {
    getAppInfo: () => call(CHANNELS.getAppInfo),
    searchSubstances: (request) => call(CHANNELS.searchSubstances, request),
    getSubstance: (request) => call(CHANNELS.getSubstance, request),
    listRuleSets: () => call(CHANNELS.listRuleSets),
    getRuleSet: (request) => call(CHANNELS.getRuleSet, request),
    prepareAssessment: (request) => call(CHANNELS.prepareAssessment, request),
    readSdp: (request) => call(CHANNELS.readSdp, request),
    writeSdp: (request) => call(CHANNELS.writeSdp, request),
    readAutosave: () => call(CHANNELS.readAutosave),
    writeAutosave: (request) => call(CHANNELS.writeAutosave, request),
    discardAutosave: () => call(CHANNELS.discardAutosave),
    openProject: async () => {
      const file = await pickFile('.json,.sdp,application/json');
      if (!file) return null;
      const opened = await readProjectFile(file, api);
      recent.remember(opened);
      return opened;
    },
    saveProject: async ({ fileName, text }) => {
      if (SDP_FILE_NAME.test(fileName)) {
        const { base64 } = await api.writeSdp({ fileName, text });
        download(fileName, new Blob([base64ToBytes(base64)], { type: 'application/vnd.sqlite3' }));
      } else download(fileName, new Blob([text], { type: 'application/json' }));
      recent.remember({ fileName, text });
      return { fileName };
    },
    listRecentProjects: async () => recent.list(),
    openRecentProject: async ({ id }) => {
      const file = recent.get(id);
      recent.remember(file);
      return file;
    },
    exportReportPdf: async (request) => {
      const { path } = await call<{ path: string }>('print', request);
      printInFrame(new URL(path, baseUrl).href);
      // The browser's print dialog saves the PDF (or prints); nothing is saved by the app itself.
      return { fileName: null };
    },
  };
  return api;
}

/**
 * Reads a project file the user picked or dropped: JSON as UTF-8 text, `.sdp` through the API (the store is
 * SQLite, read by the main process or the web server).
 * @throws Error naming the file when it is too large or not UTF-8
 */
export async function readProjectFile(file: File, api: Pick<SafeDistApi, 'readSdp'>): Promise<ProjectFile> {
  if (file.size > LIMITS.projectBytes) {
    const mib = 1024 * 1024;
    throw new Error(
      `'${file.name}' is ${(file.size / mib).toFixed(1)} MiB; project files are at most ${LIMITS.projectBytes / mib} MiB`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (SDP_FILE_NAME.test(file.name))
    return api.readSdp({ fileName: file.name, base64: bytesToBase64(bytes) });
  try {
    return { fileName: file.name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`'${file.name}' is not UTF-8 text; a project file is UTF-8 JSON`);
  }
}

/** Offers a file as a download; the browser decides where (and whether) it lands, so the name is an offer. */
function download(fileName: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Lets the user pick one file; resolves null when the picker is cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.click();
  });
}

/**
 * Prints a staged report (electron/web/server.ts `/print/<id>`) from a hidden frame: the browser's print
 * dialog shows the report alone, as the desktop app's PDF does. The previous report's frame is removed.
 */
function printInFrame(url: string): void {
  for (const old of document.querySelectorAll('iframe.print-frame')) old.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = 'report';
  frame.setAttribute('aria-hidden', 'true');
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.src = url;
  document.body.append(frame);
}
