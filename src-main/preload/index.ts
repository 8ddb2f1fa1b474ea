/**
 * The bridge between the sandboxed renderer and main: `window.orcDesk`, one
 * function per request of the contract and typed event subscription.
 * Never exposes ipcRenderer or a generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { requestNames, type RequestName } from '../../src-shared/api/contract';
import type { ApiResult } from '../../src-shared/api/errors';
import { events, type EventName } from '../../src-shared/api/events';
import { IPC_EVENT_CHANNEL, ipcRequestChannel, type PreloadApi } from '../../src-shared/api/wire';

type Listener = (payload: unknown) => void;

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

const requests = {} as Record<RequestName, (input: unknown) => Promise<ApiResult<unknown>>>;
for (const name of requestNames) {
  const channel = ipcRequestChannel(name);
  requests[name] = (input: unknown) => ipcRenderer.invoke(channel, input) as Promise<ApiResult<unknown>>;
}

const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (!isEventName(event)) return;
  for (const listener of listeners.get(event) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`orcDesk: a listener for ${event} failed`, error);
    }
  }
});

const api: PreloadApi = {
  requests: Object.freeze(requests),
  on(name, listener) {
    if (!isEventName(name)) throw new Error(`Unknown event "${String(name)}".`);
    if (typeof listener !== 'function') throw new Error('The listener must be a function.');
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('orcDesk', api);
