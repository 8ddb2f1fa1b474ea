import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectRpc, type RpcPeer } from '../../../platform/rpc/rpc-peer';
import { childProcessPort } from '../../../platform/rpc/rpc-port';
import type { ScoringBackend } from './scoring-backend';
import { scoringRpc } from './scoring-rpc';

/** The built `scoring-host.js` next to the engine bundle (the app), else the TypeScript source through tsx (served mode, tests); null if neither is there. */
export function scoringHostEntry(): { script: string; execArgv: string[] } | null {
  const built = join(__dirname, 'scoring-host.js');
  if (existsSync(built)) return { script: built, execArgv: [] };
  const source = join(__dirname, 'scoring-host-main.ts');
  if (existsSync(source)) return { script: source, execArgv: ['--import', 'tsx'] };
  return null;
}

/**
 * Runs scoring passes in a child process (started on first use, restarted
 * after a crash) that reads the cache file read-only; the results come back
 * by structured clone for the engine to store.
 */
export function scoringHost(dbPath: string, entry: { script: string; execArgv: string[] }): ScoringBackend {
  let child: { proc: ChildProcess; rpc: RpcPeer<typeof scoringRpc> } | null = null;

  const start = (): { proc: ChildProcess; rpc: RpcPeer<typeof scoringRpc> } => {
    const proc = fork(entry.script, [], {
      execArgv: entry.execArgv,
      env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const rpc = connectRpc(childProcessPort(proc), { remote: scoringRpc });
    const started = { proc, rpc };
    proc.once('exit', (code, signal) => {
      if (child === started) child = null;
      rpc.close(new Error(`The scoring process stopped (${signal ?? `exit ${code}`}); the next scoring starts a new one.`));
    });
    proc.once('error', (error) => rpc.failPending(error));
    return started;
  };

  return {
    score(envId, asOf, force, progress) {
      child ??= start();
      return child.rpc.call('score', { dbPath, envId, asOf, force }, { onProgress: (p) => progress(p.done, p.total, p.message) });
    },
    forget(envId) {
      child?.rpc.notify('forget', { envId });
    },
    close() {
      const running = child;
      child = null;
      running?.rpc.close(new Error('The engine is closing.'));
      running?.proc.kill();
    },
  };
}
