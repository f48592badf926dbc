import type { IpcMain } from 'electron';
import { CHANNELS, type ApiMethod, type ApiResult } from '../../shared/contract.ts';
import { toResult, type AnyHandler, type Handlers } from '../service/handlers.ts';
import { isAppUrl } from './security.ts';

/** What the IPC layer needs from an invoke event: the URL of the frame that sent it (null once gone). */
export interface InvokeSender {
  senderFrame: { url: string } | null;
}

/**
 * Answers one invoke: refuses senders outside the app's origin (a frame that navigated away, an injected
 * subframe), then runs the handler, whose first step is parsing the payload with zod.
 */
export async function answerInvoke(
  event: InvokeSender,
  handler: AnyHandler,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const senderUrl = event.senderFrame?.url;
  if (!isAppUrl(senderUrl)) {
    console.warn(`refused IPC from outside the app: ${senderUrl ?? '(no frame)'}`);
    return { ok: false, error: 'refused: the request did not come from the SafeDist window' };
  }
  return toResult(() => handler(input));
}

/** Registers one `ipcMain.handle` per channel of the contract. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): void {
  for (const method of Object.keys(CHANNELS) as ApiMethod[]) {
    const handler: AnyHandler = handlers[method];
    ipcMain.handle(CHANNELS[method], (event, input: unknown) => answerInvoke(event, handler, input));
  }
}
