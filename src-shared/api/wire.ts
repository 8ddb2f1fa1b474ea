import type { ApiResult } from './errors';
import type { RequestName } from './contract';
import type { EventName } from './events';

/** Served mode (loopback HTTP + WebSocket): paths and headers both sides agree on. */
export const HTTP_CALL_PREFIX = '/api/call/';
export const WS_EVENTS_PATH = '/api/events';
/** Browsers cannot set headers on a WebSocket, so the token travels as a subprotocol. */
export const WS_PROTOCOL = 'orc.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'orc-token.';
/** The launch URL carries the token in its fragment, which is never sent to a server. */
export const TOKEN_FRAGMENT_KEY = 'token';
/** The body limit of most requests. */
export const MAX_BODY_BYTES = 1_048_576;
/**
 * Requests whose input carries a whole file as text get room for it: twice the
 * schema's largest text (JSON escaping and UTF-8) plus an envelope. A unit test
 * checks every request of the contract fits its limit.
 */
const LARGE_BODY_BYTES: Readonly<Record<string, number>> = {
  'incidents.import': 2 * 20_000_000 + 65_536,
  'rules.import': 2 * 2_000_000 + 65_536,
  'envs.import': 2 * 1_000_000 + 65_536,
};
export const bodyLimitFor = (name: string): number => LARGE_BODY_BYTES[name] ?? MAX_BODY_BYTES;

/** A WebSocket message from server to browser. */
export interface WireEvent {
  event: EventName;
  payload: unknown;
}

/**
 * What the Electron preload exposes on `window.orcDesk`: one function per
 * request of the contract (no generic invoke), and event subscription.
 */
export interface PreloadApi {
  readonly requests: Readonly<Record<RequestName, (input: unknown) => Promise<ApiResult<unknown>>>>;
  on(name: EventName, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names used between preload and main: one per request. */
export const ipcRequestChannel = (name: RequestName): string => `orc:req:${name}`;
export const IPC_EVENT_CHANNEL = 'orc:event';
