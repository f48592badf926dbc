import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract.ts';
import type { Handlers } from '../service/handlers.ts';
import { answerInvoke, registerIpc } from './ipc.ts';

const appFrame = { senderFrame: { url: 'app://safedist/substances' } };

describe('answerInvoke', () => {
  it('runs the handler for the app origin and wraps its value', async () => {
    const handler = vi.fn(async (input: unknown) => ({ echoed: input }));
    await expect(answerInvoke(appFrame, handler as never, { query: 'x' })).resolves.toEqual({
      ok: true,
      value: { echoed: { query: 'x' } },
    });
  });

  it('refuses a foreign sender origin without running the handler', async () => {
    const handler = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///tmp/page.html' } },
      { senderFrame: null },
    ]) {
      const result = await answerInvoke(event, handler as never, undefined);
      expect(result).toEqual({
        ok: false,
        error: 'refused: the request did not come from the SafeDist window',
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('registerIpc', () => {
  it('registers one handler per contract channel and nothing else', async () => {
    const handle = vi.fn();
    const handlers = Object.fromEntries(
      Object.keys(CHANNELS).map((method) => [method, async () => method]),
    ) as unknown as Handlers;
    registerIpc({ handle }, handlers);
    expect(handle.mock.calls.map((call) => call[0]).sort()).toEqual(Object.values(CHANNELS).sort());
    const searchListener = handle.mock.calls.find((call) => call[0] === 'substances:search')![1];
    await expect(searchListener(appFrame, {})).resolves.toEqual({ ok: true, value: 'searchSubstances' });
  });
});
