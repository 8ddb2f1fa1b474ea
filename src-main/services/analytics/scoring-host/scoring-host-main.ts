/**
 * Entry of the scoring host: a plain Node process (child_process.fork; in the
 * app forked with ELECTRON_RUN_AS_NODE) that reads the cache through its own
 * read-only connection and runs scoring passes, so training the models and
 * reading a year of history never stall the engine's answers. It keeps each
 * environment's per-series results and models between passes; the engine
 * writes what it sends back.
 */
import Database from 'better-sqlite3';
import { connectRpc } from '../../../platform/rpc/rpc-peer';
import { parentProcessPort } from '../../../platform/rpc/rpc-port';
import { runScoringPass, ScoringState, type ScoringOutput } from '../scoring-pass';
import { scoringRpc } from './scoring-rpc';

const state = new ScoringState();
const connections = new Map<string, Database.Database>();
const pause = (): Promise<void> => Promise.resolve();
let queue: Promise<unknown> = Promise.resolve();

function connection(dbPath: string): Database.Database {
  let db = connections.get(dbPath);
  if (!db) {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    connections.set(dbPath, db);
  }
  return db;
}

connectRpc(parentProcessPort(), {
  remote: {},
  serve: {
    contract: scoringRpc,
    handlers: {
      // One pass at a time: passes share the connection and the kept state.
      score: ({ dbPath, envId, asOf, force }, { progress }) => {
        const pass = queue.then(() =>
          runScoringPass(connection(dbPath), envId, asOf, force, state, pause, (done, total, message) =>
            progress({ done, total, message }),
          ),
        );
        queue = pass.catch(() => undefined);
        return pass as Promise<ScoringOutput>;
      },
      forget: ({ envId }) => {
        state.forget(envId);
        return undefined;
      },
    },
  },
});

process.on('disconnect', () => {
  for (const db of connections.values()) db.close();
  process.exit(0);
});
