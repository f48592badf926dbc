import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The bridge surface: exactly these methods on `window.safedist`, each invoking exactly its own channel.
 * Growing the bridge is a security-relevant change; it must show up here, in review, not by accident.
 */
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

beforeAll(async () => {
  await import('./index.ts');
});

describe('preload bridge', () => {
  it('exposes one object, window.safedist', () => {
    expect([...exposed.keys()]).toEqual(['safedist']);
  });

  it('has exactly the reviewed methods', () => {
    const api = exposed.get('safedist') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([
      'discardAutosave',
      'exportReportPdf',
      'getAppInfo',
      'getRuleSet',
      'getSubstance',
      'listRecentProjects',
      'listRuleSets',
      'openProject',
      'openRecentProject',
      'prepareAssessment',
      'readAutosave',
      'readSdp',
      'saveProject',
      'searchSubstances',
      'writeAutosave',
      'writeSdp',
    ]);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('maps each method to its own channel and passes the payload through', async () => {
    const api = exposed.get('safedist') as Record<string, (input?: unknown) => Promise<unknown>>;
    const channels: Record<string, unknown[]> = {};
    for (const [method, fn] of Object.entries(api)) {
      invoke.mockClear();
      await fn({ probe: method });
      expect(invoke).toHaveBeenCalledTimes(1);
      channels[method] = invoke.mock.calls[0]!;
    }
    expect(channels).toEqual({
      getAppInfo: ['app:info', undefined],
      searchSubstances: ['substances:search', { probe: 'searchSubstances' }],
      getSubstance: ['substances:get', { probe: 'getSubstance' }],
      openProject: ['project:open', undefined],
      saveProject: ['project:save', { probe: 'saveProject' }],
      listRuleSets: ['rules:list', undefined],
      prepareAssessment: ['assessment:prepare', { probe: 'prepareAssessment' }],
      exportReportPdf: ['report:pdf', { probe: 'exportReportPdf' }],
      getRuleSet: ['rules:get', { probe: 'getRuleSet' }],
      readSdp: ['project:read-sdp', { probe: 'readSdp' }],
      writeSdp: ['project:write-sdp', { probe: 'writeSdp' }],
      listRecentProjects: ['recent:list', undefined],
      openRecentProject: ['recent:open', { probe: 'openRecentProject' }],
      readAutosave: ['autosave:read', undefined],
      writeAutosave: ['autosave:write', { probe: 'writeAutosave' }],
      discardAutosave: ['autosave:discard', undefined],
    });
  });

  it('unwraps the result envelope: a value resolves, an error rejects with its message', async () => {
    const api = exposed.get('safedist') as Record<string, (input?: unknown) => Promise<unknown>>;
    invoke.mockResolvedValueOnce({ ok: true, value: 'answer' });
    await expect(api.getAppInfo!()).resolves.toBe('answer');
    invoke.mockResolvedValueOnce({ ok: false, error: "field 'query': expected string" } as never);
    await expect(api.searchSubstances!({ query: 1 })).rejects.toThrow("field 'query': expected string");
  });
});
