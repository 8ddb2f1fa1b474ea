/**
 * Entry of the scoring host: a plain Node process (child_process.fork; in the
 * app forked with ELECTRON_RUN_AS_NODE) that reads the cache through its own
 * read-only connection and runs scoring passes, so training the models and
 * reading a year of history never stall the engine's answers. It keeps each
 * environment's per-series results and models between passes; the engine
 * writes what it sends back.
 */
import Database from 'better-sqlite3';
import { runScoringPass, ScoringState } from '../scoring-pass';
import type { FromScoringHost, ToScoringHost } from './scoring-protocol';

const state = new ScoringState();
const connections = new Map<string, Database.Database>();
const pause = (): Promise<void> => Promise.resolve();
let queue: Promise<void> = Promise.resolve();

function send(message: FromScoringHost): void {
  process.send?.(message);
}

function connection(dbPath: string): Database.Database {
  let db = connections.get(dbPath);
  if (!db) {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    connections.set(dbPath, db);
  }
  return db;
}

process.on('message', (raw: unknown) => {
  const message = raw as ToScoringHost;
  if (message.type === 'forget') {
    state.forget(message.envId);
    return;
  }
  if (message.type !== 'score') return;
  // One pass at a time: passes share the connection and the kept state.
  queue = queue.then(async () => {
    try {
      const output = await runScoringPass(connection(message.dbPath), message.envId, message.asOf, message.force, state, pause, (done, total, text) =>
        send({ type: 'progress', id: message.id, done, total, message: text }),
      );
      send({ type: 'result', id: message.id, output });
    } catch (error) {
      send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
});

process.on('disconnect', () => {
  for (const db of connections.values()) db.close();
  process.exit(0);
});
