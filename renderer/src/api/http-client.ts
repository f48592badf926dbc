import {
  CHANNELS,
  LIMITS,
  type ApiResult,
  type Channel,
  type ProjectFile,
  type SafeDistApi,
} from '../../../shared/contract.ts';

/**
 * `SafeDistApi` for web mode: the shared methods call the local server (electron/web/server.ts) with
 * `POST /api/<channel>`; projects are opened by upload and saved by download, as a browser allows.
 */
export function createHttpApi(baseUrl: string): SafeDistApi {
  async function call<T>(channel: Channel, input?: unknown): Promise<T> {
    const response = await fetch(new URL(`api/${channel}`, baseUrl), {
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

  return {
    getAppInfo: () => call(CHANNELS.getAppInfo),
    searchSubstances: (request) => call(CHANNELS.searchSubstances, request),
    getSubstance: (request) => call(CHANNELS.getSubstance, request),
    listRuleSets: () => call(CHANNELS.listRuleSets),
    prepareAssessment: (request) => call(CHANNELS.prepareAssessment, request),
    openProject: uploadProject,
    saveProject: async ({ fileName, text }) => download(fileName, text, 'application/json'),
    // The page's Content-Security-Policy (no inline styles) also binds any window or frame it opens, so the
    // report cannot be printed from here: it is offered as its HTML file, which the browser prints to PDF.
    exportReportPdf: async ({ fileName, html }) =>
      download(fileName.replace(/\.pdf$/i, '.html'), html, 'text/html'),
  };
}

/** Offers a text as a download; the browser decides where (and whether) it lands, so the name is an offer. */
function download(fileName: string, text: string, type: string): { fileName: string } {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return { fileName };
}

/** Lets the user pick a .json file; resolves null when the picker is cancelled. */
function uploadProject(): Promise<ProjectFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (file.size > LIMITS.projectBytes) {
        const mib = 1024 * 1024;
        return reject(
          new Error(
            `'${file.name}' is ${(file.size / mib).toFixed(1)} MiB; project files are at most ${LIMITS.projectBytes / mib} MiB`,
          ),
        );
      }
      file.arrayBuffer().then((bytes) => {
        try {
          resolve({ fileName: file.name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
        } catch {
          reject(new Error(`'${file.name}' is not UTF-8 text; a project file is UTF-8 JSON`));
        }
      }, reject);
    });
    input.click();
  });
}
