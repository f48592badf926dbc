import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_NAME, SDP_FILE_NAME } from '../../shared/contract.ts';
import { createAppHandlers } from '../service/app-services.ts';
import { registerIpc } from './ipc.ts';
import { loadSubstanceLibrary, type SubstanceLibrary } from '../../data/substances/library.ts';
import { createProjectHandlers } from './project-files.ts';
import { RecentProjects } from './recent.ts';
import { createReportHandlers } from './report-pdf.ts';
import { serveAppRequest } from './protocol.ts';
import { APP_ENTRY_URL, APP_SCHEME, hardenWebContents, mainWindowOptions } from './security.ts';

// out/main/index.js → out/renderer/ and out/preload/ (electron.vite.config.ts).
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// Must run before 'ready': a standard, secure scheme gets a real origin, fetch and localStorage.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

const SDP_FILTER = { name: 'SafeDist project (.sdp)', extensions: ['sdp'] };
const JSON_FILTER = { name: 'SafeDist project (JSON)', extensions: ['json'] };
const OPEN_FILTERS = [{ name: 'SafeDist project (.sdp, .json)', extensions: ['sdp', 'json'] }];
/** The suggested name's format first, so the dialog keeps its extension. */
const saveFilters = (suggestedName: string) =>
  SDP_FILE_NAME.test(suggestedName) ? [SDP_FILTER, JSON_FILTER] : [JSON_FILTER, SDP_FILTER];

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  // The renderer asks before unloading a document with unsaved edits (beforeunload); Electron shows no dialog
  // of its own, so ask here, or closing the window would silently do nothing.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave / 离开', 'Stay / 留下'],
      defaultId: 1,
      cancelId: 1,
      title: APP_NAME,
      message: 'The project has unsaved changes. Leave anyway? 项目有未保存的修改，仍要离开吗？',
      detail:
        'They stay in the autosave and are offered again at the next start. 修改已自动保存，下次启动时可恢复。',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/** One instance at a time: a second launch focuses the first window instead of opening the same files twice. */
if (app.requestSingleInstanceLock()) start();
else app.quit();

function start(): void {
  app.on('second-instance', () => {
    const window = focusedWindow();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(() => {
    // The app asks for no permission (camera, notifications, geolocation…); refuse every request and check.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));

    const substancesDir = app.isPackaged
      ? path.join(process.resourcesPath, 'substances')
      : path.join(app.getAppPath(), 'data/substances');
    // The same library files the shared handlers read (loaded there separately, on first use too).
    let library: SubstanceLibrary | undefined;
    const records = () => (library ??= loadSubstanceLibrary(substancesDir));
    const shared = createAppHandlers(
      {
        name: APP_NAME,
        version: app.getVersion(),
        mode: 'electron',
        versions: {
          node: process.versions.node,
          electron: process.versions.electron,
          chrome: process.versions.chrome,
        },
      },
      { substancesDir, autosaveDir: path.join(app.getPath('userData'), 'autosave') },
    );
    const recent = new RecentProjects(path.join(app.getPath('userData'), 'recent-projects.json'));
    const projects = createProjectHandlers(
      {
        chooseFileToOpen: async () => {
          const parent = focusedWindow();
          const options = { properties: ['openFile' as const], filters: OPEN_FILTERS };
          const result = parent
            ? await dialog.showOpenDialog(parent, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        chooseFileToSave: async (suggestedName) => {
          const parent = focusedWindow();
          const options = { defaultPath: suggestedName, filters: saveFilters(suggestedName) };
          const result = parent
            ? await dialog.showSaveDialog(parent, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
      },
      { recent, library: records },
    );
    const reports = createReportHandlers({
      chooseFileToSave: async (suggestedName) => {
        const parent = focusedWindow();
        const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const result = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      renderPdf: printReportToPdf,
    });
    registerIpc(ipcMain, { ...shared, ...projects, ...reports });

    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/**
 * Prints a self-contained report to A4 PDF in a hidden, sandboxed window without scripts or preload (the
 * report needs neither: core/report inlines its styles and SVG charts).
 */
async function printReportToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false },
  });
  // A file rather than a data: URL, which Chromium caps at a few MiB (reports with large maps exceed that).
  const dir = await mkdtemp(path.join(tmpdir(), 'safedist-report-'));
  try {
    const file = path.join(dir, 'report.html');
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
