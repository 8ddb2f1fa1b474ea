import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PassProgress, ScoringOutput } from '../scoring-pass';
import type { ScoringBackend } from './scoring-backend';
import type { FromScoringHost, ToScoringHost } from './scoring-protocol';

interface Pending {
  resolve(output: ScoringOutput): void;
  reject(error: Error): void;
  progress: PassProgress;
}

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
  let child: ChildProcess | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): ChildProcess => {
    const proc = fork(entry.script, [], {
      execArgv: entry.execArgv,
      env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    proc.on('message', (raw: unknown) => {
      const message = raw as FromScoringHost;
      const p = pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress') p.progress(message.done, message.total, message.message);
      else {
        pending.delete(message.id);
        if (message.type === 'result') p.resolve(message.output);
        else p.reject(new Error(message.message));
      }
    });
    proc.once('exit', (code, signal) => {
      if (child === proc) child = null;
      failAll(new Error(`The scoring process stopped (${signal ?? `exit ${code}`}); the next scoring starts a new one.`));
    });
    proc.once('error', (error) => failAll(error));
    return proc;
  };

  const send = (message: ToScoringHost): void => {
    child ??= start();
    child.send(message);
  };

  return {
    score(envId, asOf, force, progress) {
      const id = nextId++;
      return new Promise<ScoringOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject, progress });
        send({ type: 'score', id, dbPath, envId, asOf, force });
      });
    },
    forget(envId) {
      if (child) child.send({ type: 'forget', envId } satisfies ToScoringHost);
    },
    close() {
      const proc = child;
      child = null;
      failAll(new Error('The engine is closing.'));
      proc?.kill();
    },
  };
}
