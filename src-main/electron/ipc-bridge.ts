import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { requestNames } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/errors';
import type { EventName } from '../../src-shared/api/events';
import { IPC_EVENT_CHANNEL, ipcRequestChannel, type WireEvent } from '../../src-shared/api/wire';
import { isTrustedRendererUrl } from './renderer-origin';

export interface EngineCaller {
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

function fromOurRenderer(event: IpcMainInvokeEvent, devUrl: string | null): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, devUrl);
}

/** One `ipcMain.handle` per request of the contract, relayed to the engine; senders are verified. */
export function bindRequestChannels(engine: EngineCaller, devUrl: string | null): () => void {
  for (const name of requestNames) {
    ipcMain.handle(ipcRequestChannel(name), (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!fromOurRenderer(event, devUrl)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Requests are only accepted from the app window.' } });
      }
      return engine.call(name, input);
    });
  }
  return () => {
    for (const name of requestNames) ipcMain.removeHandler(ipcRequestChannel(name));
  };
}

/** Sends an engine event to every window showing our renderer. */
export function broadcastEvent(event: EventName, payload: unknown, devUrl: string | null): void {
  const message: WireEvent = { event, payload };
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (contents.isDestroyed() || !isTrustedRendererUrl(contents.getURL(), devUrl)) continue;
    contents.send(IPC_EVENT_CHANNEL, message);
  }
}
