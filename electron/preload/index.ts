import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ApiResult, type Channel, type SafeDistApi } from '../../shared/contract.ts';

/**
 * The preload: exposes `window.safedist` and nothing else. Each method invokes its own channel; the page never
 * gets ipcRenderer or a generic invoke. Built as one CommonJS file whose only require is 'electron'
 * (electron.vite.config.ts), because a sandboxed preload cannot load ES modules or other files.
 */
async function invoke<T>(channel: Channel, input?: unknown): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const api: SafeDistApi = {
  getAppInfo: () => invoke(CHANNELS.getAppInfo),
  searchSubstances: (request) => invoke(CHANNELS.searchSubstances, request),
  getSubstance: (request) => invoke(CHANNELS.getSubstance, request),
  openProject: () => invoke(CHANNELS.openProject),
  saveProject: (request) => invoke(CHANNELS.saveProject, request),
  listRuleSets: () => invoke(CHANNELS.listRuleSets),
  prepareAssessment: (request) => invoke(CHANNELS.prepareAssessment, request),
  exportReportPdf: (request) => invoke(CHANNELS.exportReportPdf, request),
  getRuleSet: (request) => invoke(CHANNELS.getRuleSet, request),
  readSdp: (request) => invoke(CHANNELS.readSdp, request),
  writeSdp: (request) => invoke(CHANNELS.writeSdp, request),
  listRecentProjects: () => invoke(CHANNELS.listRecentProjects),
  openRecentProject: (request) => invoke(CHANNELS.openRecentProject, request),
  readAutosave: () => invoke(CHANNELS.readAutosave),
  writeAutosave: (request) => invoke(CHANNELS.writeAutosave, request),
  discardAutosave: () => invoke(CHANNELS.discardAutosave),
};

contextBridge.exposeInMainWorld('safedist', api);
