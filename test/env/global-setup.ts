/**
 * Vitest 4 globalSetup for the integration tests: starts the peers selected by ORC_PEERS
 * (default `af3,af2,neo4j`) in parallel and provides their connection facts as `inject('peers')`.
 * The returned teardown stops them all. If one fails to start, the others are stopped and the run fails.
 * Peers only some files need (Airflow 3 with FAB) start when a file asks (`lazy-peers.ts`), and stop here too.
 */
import type { TestProject } from 'vitest/node';
import { serveLazyPeers } from './lazy-peers';
import { selectedPeers, startPeers } from './peer-set';

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const selected = selectedPeers();
  const t0 = Date.now();
  const peers = await startPeers(selected);
  provide('peers', peers.provided);
  const lazy = await serveLazyPeers((name, seconds) => console.log(`[peers] started ${name} on request in ${seconds} s`));
  provide('lazyPeers', lazy.url);
  if (selected.length > 0) {
    const each = Object.entries(peers.provided.startupSeconds)
      .map(([k, v]) => `${k} ${v}s`)
      .join(', ');
    console.log(`[peers] started ${selected.join(',')} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${each})`);
  }
  return async () => {
    const t1 = Date.now();
    await Promise.all([peers.stop(), lazy.close()]);
    if (selected.length > 0) console.log(`[peers] stopped in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  };
}
