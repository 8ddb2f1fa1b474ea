import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { requestNames } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/errors';
import type { EventName } from '../../src-shared/api/events';
import { IPC_EVENT_CHANNEL, ipcRequestChannel, type WireEvent } from '../../src-shared/api/wire';
import { isTrustedRendererUrl } from './renderer-origin';
import { SAVE_DIALOG_REQUEST, saveDialogDefault, withChosenPath } from './report-save-gate';

export interface EngineCaller {
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

function fromOurRenderer(event: IpcMainInvokeEvent, devUrl: string | null): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, devUrl);
}

/** A report is written only where the person chose in the save dialog; the renderer's path only pre-fills it. */
async function saveThroughDialog(engine: EngineCaller, event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: saveDialogDefault(input, app.getPath('documents')) };
  const choice = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
  const gated = withChosenPath(input, choice.canceled ? null : choice.filePath);
  return gated.ok ? engine.call(SAVE_DIALOG_REQUEST, gated.input) : { ok: false, error: gated.error };
}

/** One `ipcMain.handle` per request of the contract, relayed to the engine; senders are verified. */
export function bindRequestChannels(engine: EngineCaller, devUrl: string | null): () => void {
  for (const name of requestNames) {
    ipcMain.handle(ipcRequestChannel(name), (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!fromOurRenderer(event, devUrl)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Requests are only accepted from the app window.' } });
      }
      if (name === SAVE_DIALOG_REQUEST) return saveThroughDialog(engine, event, input);
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
