/**
 * Entry of the Demo builder: a plain Node process (child_process.fork; in the app forked with ELECTRON_RUN_AS_NODE)
 * that writes the Demo's synthetic history into the cache through its own connection, in one transaction, so the
 * engine answers (and the UI shows its frame) while the few seconds of generation run. It answers one `build`
 * call of demo-builder-rpc.ts (progress, then the result or the error), then exits.
 */
import Database from 'better-sqlite3';
import { connectRpc } from '../../platform/rpc/rpc-peer';
import { parentProcessPort } from '../../platform/rpc/rpc-port';
import { generateSyntheticHistory } from '../synth/generate-history';
import { DEMO_DAGS, DEMO_DAYS, DEMO_ENV_ID, DEMO_SEED } from './demo-environment';
import { demoBuilderRpc } from './demo-builder-rpc';

function build(dbPath: string, asOf: string, progress: (value: { done: number; total: number }) => void): { runs: number } {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    let last = 0;
    const summary = db.transaction(() =>
      generateSyntheticHistory(db, {
        envId: DEMO_ENV_ID,
        envName: 'Demo',
        dags: DEMO_DAGS,
        days: DEMO_DAYS,
        seed: DEMO_SEED,
        asOf,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last < 100 && done < total) return;
          last = now;
          progress({ done, total });
        },
      }),
    )();
    return { runs: summary.counts.dag_runs };
  } finally {
    db.close();
  }
}

connectRpc(parentProcessPort(), {
  remote: {},
  serve: {
    contract: demoBuilderRpc,
    handlers: {
      build: ({ dbPath, asOf }, { progress }) => {
        // The answer is posted right after this returns (or throws); then the channel closes and the process exits.
        setTimeout(() => process.disconnect?.(), 0);
        return build(dbPath, asOf, progress);
      },
    },
  },
});
