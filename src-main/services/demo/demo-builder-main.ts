/**
 * Entry of the Demo builder: a plain Node process (child_process.fork; in the app forked with ELECTRON_RUN_AS_NODE)
 * that writes the Demo's synthetic history into the cache through its own connection, in one transaction, so the
 * engine answers (and the UI shows its frame) while the few seconds of generation run. Argument: JSON of
 * { dbPath, asOf }. Messages: progress, then done or error; then it exits.
 */
import Database from 'better-sqlite3';
import { generateSyntheticHistory } from '../synth/generate-history';
import { DEMO_DAGS, DEMO_DAYS, DEMO_ENV_ID, DEMO_SEED } from './demo-environment';
import type { FromDemoBuilder } from './demo-builder-protocol';

function send(message: FromDemoBuilder): void {
  process.send?.(message);
}

function main(): void {
  const { dbPath, asOf } = JSON.parse(process.argv[2] ?? '{}') as { dbPath: string; asOf: string };
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    let last = 0;
    db.transaction(() =>
      generateSyntheticHistory(db, {
        envId: DEMO_ENV_ID, envName: 'Demo', dags: DEMO_DAGS, days: DEMO_DAYS, seed: DEMO_SEED, asOf,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last < 100 && done < total) return;
          last = now;
          send({ type: 'progress', done, total });
        },
      }),
    )();
    send({ type: 'done' });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
  }
  process.disconnect?.();
}

main();
