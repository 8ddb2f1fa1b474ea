import { WS_EVENTS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type WireEvent } from '../../../src-shared/api/wire';
import type { EventName } from '../../../src-shared/api/events';

type Listener = (payload: unknown) => void;

export interface EventSocket {
  subscribe(name: EventName, listener: Listener): () => void;
  close(): void;
}

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

function isWireEvent(value: unknown): value is WireEvent {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

/** One WebSocket for all events, opened on first use and reopened with backoff. */
export function createEventSocket(origin: string, token: string): EventSocket {
  const listeners = new Map<EventName, Set<Listener>>();
  let socket: WebSocket | null = null;
  let closed = false;
  let delay = MIN_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const url = `${origin.replace(/^http/, 'ws')}${WS_EVENTS_PATH}`;

  function dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isWireEvent(message)) return;
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }

  function open(): void {
    if (closed || socket !== null) return;
    const ws = new WebSocket(url, [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`]);
    socket = ws;
    ws.addEventListener('open', () => {
      delay = MIN_DELAY_MS;
    });
    ws.addEventListener('message', (event: MessageEvent) => dispatch(event.data));
    ws.addEventListener('close', () => {
      socket = null;
      if (closed) return;
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    });
  }

  return {
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(name, set);
      open();
      return () => set.delete(listener);
    },
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      socket?.close();
    },
  };
}
