/**
 * Starts a selection of peers in parallel and stops them together.
 * Used by the Vitest globalSetup (`global-setup.ts`) and the manual CLI (`start-peers.ts`).
 */
import { startAirflow, type AirflowPeer, type AirflowPeerInfo } from './airflow';
import { startNeo4j, type Neo4jPeer, type Neo4jPeerInfo } from './neo4j';

export type PeerName = 'af3' | 'af2' | 'neo4j';
export const ALL_PEERS: readonly PeerName[] = ['af3', 'af2', 'neo4j'];

/** What `provide('peers', …)` carries (JSON-serialisable). A peer not selected is absent. */
export interface ProvidedPeers {
  af3?: AirflowPeerInfo;
  af2?: AirflowPeerInfo;
  neo4j?: Neo4jPeerInfo;
  /** The peers that were requested (from ORC_PEERS). */
  selected: PeerName[];
  /** Seconds each peer took to start (install/build included when it was not cached). */
  startupSeconds: Partial<Record<PeerName, number>>;
}

export interface RunningPeers {
  provided: ProvidedPeers;
  stop(): Promise<void>;
}

/** Parses `ORC_PEERS` (comma-separated af3,af2,neo4j; `all` or unset = all; `none` = none). */
export function selectedPeers(spec: string | undefined = process.env.ORC_PEERS): PeerName[] {
  const s = (spec ?? '').trim().toLowerCase();
  if (s === '' || s === 'all') return [...ALL_PEERS];
  if (s === 'none') return [];
  const names = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(ALL_PEERS as readonly string[]).includes(n));
  if (bad.length) throw new Error(`ORC_PEERS: unknown peer(s) ${bad.join(', ')}; use af3,af2,neo4j`);
  return ALL_PEERS.filter((p) => names.includes(p));
}

/** Starts the selected peers in parallel; if any fails, stops the others and throws. */
export async function startPeers(selected: PeerName[] = selectedPeers()): Promise<RunningPeers> {
  const running: Array<AirflowPeer | Neo4jPeer> = [];
  const provided: ProvidedPeers = { selected, startupSeconds: {} };
  const timed = async <T extends AirflowPeer | Neo4jPeer>(name: PeerName, start: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const peer = await start();
    running.push(peer);
    provided.startupSeconds[name] = Math.round((Date.now() - t0) / 100) / 10;
    return peer;
  };
  const tasks: Array<Promise<void>> = selected.map(async (name) => {
    if (name === 'af3') provided.af3 = (await timed(name, () => startAirflow(3))).info();
    else if (name === 'af2') provided.af2 = (await timed(name, () => startAirflow(2))).info();
    else provided.neo4j = (await timed(name, () => startNeo4j())).info();
  });
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(running.map((p) => p.stop()));
  };
  const results = await Promise.allSettled(tasks);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length) {
    await stopAll();
    throw new Error(
      `starting peers failed (${failures.length} of ${selected.length}):\n` +
        failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join('\n\n'),
    );
  }
  return { provided, stop: stopAll };
}
