/**
 * Manual helper: start peers and keep them running until Ctrl-C.
 *   npx tsx test/env/start-peers.ts            # all (or set ORC_PEERS=af3,neo4j)
 *   npx tsx test/env/start-peers.ts af2
 * Prints the connection facts as JSON.
 */
import { selectedPeers, startPeers } from './peer-set';

async function main(): Promise<void> {
  const selected = selectedPeers(process.argv[2] ?? process.env.ORC_PEERS);
  const t0 = Date.now();
  const peers = await startPeers(selected);
  console.log(JSON.stringify(peers.provided, null, 2));
  console.log(`started in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C to stop`);
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    void peers.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (process.env.ORC_PEERS_EXIT_AFTER_START === '1') onSignal();
  else setInterval(() => undefined, 1 << 30);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
