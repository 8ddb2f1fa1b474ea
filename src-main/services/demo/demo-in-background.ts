import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { EnvironmentStore } from '../cache/environment-store';
import type { JobRegistry } from '../jobs/job-registry';
import { connectRpc } from '../../platform/rpc/rpc-peer';
import { childProcessPort } from '../../platform/rpc/rpc-port';
import { demoBuilderRpc } from './demo-builder-rpc';
import { DEMO_ENV_ID, ensureDemoEnvironment } from './demo-environment';

/** The built `demo-builder.js` next to the engine bundle (the app), else the TypeScript source through tsx (served mode, tests); null if neither. */
export function demoBuilderEntry(): { script: string; execArgv: string[] } | null {
  const built = join(__dirname, 'demo-builder.js');
  if (existsSync(built)) return { script: built, execArgv: [] };
  const source = join(__dirname, 'demo-builder-main.ts');
  if (existsSync(source)) return { script: source, execArgv: ['--import', 'tsx'] };
  return null;
}

export interface DemoBuild {
  /** Resolves true once the Demo is in the cache (false when it was not needed); rejects when the build failed. */
  readonly done: Promise<boolean>;
  /** Stops a build still running (the engine is closing); its transaction is rolled back with the process. */
  cancel(): void;
}

/**
 * With no environment configured, builds the Demo in a child process (see demo-builder-main.ts) as a job with
 * progress, so the engine answers at once; without a builder entry (a bundle that lacks it) it builds in process.
 */
export function buildDemoInBackground(
  db: Database.Database,
  dbPath: string,
  environments: EnvironmentStore,
  jobs: JobRegistry,
  asOf: string,
  entry = demoBuilderEntry(),
): DemoBuild {
  if (environments.list(() => false).length > 0) return { done: Promise.resolve(false), cancel: () => undefined };
  if (entry === null) return { done: Promise.resolve(ensureDemoEnvironment(db, environments, jobs, asOf)), cancel: () => undefined };
  const job = jobs.start('demo', DEMO_ENV_ID, 'Building the Demo environment');
  const child = fork(entry.script, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const rpc = connectRpc(childProcessPort(child), { remote: demoBuilderRpc });
  let settled = false;
  const done = new Promise<boolean>((resolve, reject) => {
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      job.fail(`The Demo environment could not be built: ${message}`);
      reject(new Error(message));
    };
    rpc.call('build', { dbPath, asOf }, { onProgress: (p) => job.progress(p.done, p.total) }).then(
      () => {
        if (settled) return;
        settled = true;
        job.succeed('Demo history ready');
        resolve(true);
      },
      (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
    );
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => {
      rpc.close(new Error(`the builder stopped (${signal ?? `exit ${String(code)}`}) before it finished`));
    });
  });
  return {
    done,
    cancel: () => {
      if (!settled) child.kill('SIGKILL');
    },
  };
}
