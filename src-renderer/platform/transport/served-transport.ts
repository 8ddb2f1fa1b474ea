import type { Transport } from '../../../src-shared/api/client';
import { HTTP_CALL_PREFIX } from '../../../src-shared/api/wire';
import { createEventSocket } from './event-socket';
import { parseApiResult } from './parse-result';

/** Served mode: requests are POSTs to the loopback server, events share one WebSocket. */
export function createServedTransport(origin: string, token: string): Transport {
  const events = createEventSocket(origin, token);
  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await fetch(`${origin}${HTTP_CALL_PREFIX}${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'The ORC AI Desk server cannot be reached.', hint: 'Is npm run serve still running?' },
        };
      }
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      return parseApiResult(response.status, body);
    },
    subscribe: (name, listener) => events.subscribe(name, listener),
  };
}
