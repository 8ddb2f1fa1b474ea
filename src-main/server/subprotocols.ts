import type { IncomingHttpHeaders } from 'node:http';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/api/wire';
import { tokensEqual } from './token';

/** The browser offers [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + token]; both must be there. */
export function hasTokenSubprotocol(headers: IncomingHttpHeaders, token: string): boolean {
  const offered = (headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!offered.includes(WS_PROTOCOL)) return false;
  const tokenProtocols = offered.filter((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX));
  if (tokenProtocols.length !== 1) return false;
  const presented = tokenProtocols[0] ?? '';
  return tokensEqual(token, presented.slice(WS_TOKEN_PROTOCOL_PREFIX.length));
}
