import type { IncomingHttpHeaders } from 'node:http';
import { tokensEqual } from './token';

/** True when the Authorization header carries `Bearer <token>` with our token. */
export function hasBearerToken(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers.authorization;
  if (header === undefined) return false;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  const presented = match?.[1];
  return presented !== undefined && tokensEqual(token, presented);
}
