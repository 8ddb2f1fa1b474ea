/** Runs one sync in its own process (the test kills it mid-way). Usage: tsx sync-child.ts '<SyncRequest JSON>' */
import { syncIntoCache, type SyncRequest } from './sync-into-cache';

const request = JSON.parse(process.argv[2] ?? '{}') as SyncRequest;
syncIntoCache(request).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
