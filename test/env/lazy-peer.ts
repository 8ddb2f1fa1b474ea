/** The test-file side of `lazy-peers.ts`. */
import { inject } from 'vitest';
import type { LazyPeerInfos, LazyPeerName } from './lazy-peers';

/** The test-file side: the peer's facts, starting it if no file has yet. Throws (never skips) when it cannot start. */
export async function lazyPeer<N extends LazyPeerName>(name: N, timeoutMs = 280_000): Promise<LazyPeerInfos[N]> {
  const url = inject('lazyPeers');
  if (!url) throw new Error(`the ${name} peer needs the integration project's globalSetup (test/env/global-setup.ts)`);
  const res = await fetch(`${url}/start/${name}`, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`the ${name} peer did not start: ${text}`);
  return JSON.parse(text) as LazyPeerInfos[N];
}
