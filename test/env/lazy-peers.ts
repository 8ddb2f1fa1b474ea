/**
 * Peers that only some integration files need (Airflow 3 with the FAB auth manager), started on first request and
 * shared by every file of the run. The Vitest globalSetup (main process) serves a loopback endpoint; a test file
 * calls `lazyPeer('af3fab')` (`lazy-peer.ts`), which asks it to start the peer (once) and answers its connection facts. The peer is
 * owned by the main process, so the file that asked may end without stopping it; the setup's teardown stops it, and
 * proc.ts's exit handler and watchdog kill it if the run dies. A peer that cannot start fails the file that asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAirflowFab, type FabAirflowPeerInfo } from './airflow-fab';

export interface LazyPeerInfos {
  af3fab: FabAirflowPeerInfo;
}
export type LazyPeerName = keyof LazyPeerInfos;

interface Started {
  info: unknown;
  stop(): Promise<void>;
}

const STARTERS: Record<LazyPeerName, () => Promise<Started>> = {
  af3fab: async () => {
    const peer = await startAirflowFab();
    return { info: peer.fabInfo(), stop: () => peer.stop() };
  },
};

export interface LazyPeerServer {
  /** `http://127.0.0.1:<port>`; provided to test files as `inject('lazyPeers')`. */
  url: string;
  /** Stops every peer that was started, and the endpoint. */
  close(): Promise<void>;
}

/** The main-process side: one start per peer name, whoever asks first; the others wait for it. */
export async function serveLazyPeers(onStarted: (name: LazyPeerName, seconds: number) => void): Promise<LazyPeerServer> {
  const starts = new Map<LazyPeerName, Promise<Started>>();
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/start\//, '') as LazyPeerName;
    if (req.method !== 'POST' || !(name in STARTERS)) {
      res.writeHead(404).end();
      return;
    }
    let start = starts.get(name);
    if (!start) {
      const t0 = Date.now();
      start = STARTERS[name]();
      start.then(
        () => onStarted(name, Math.round((Date.now() - t0) / 100) / 10),
        () => undefined,
      );
      starts.set(name, start);
    }
    start.then(
      (s) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(s.info)),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e)),
    );
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.close();
      const running = await Promise.allSettled([...starts.values()]);
      await Promise.allSettled(running.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    },
  };
}
