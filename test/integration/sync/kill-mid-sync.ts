import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT } from '../../env/proc';
import { startFaultProxy } from './fault-proxy';
import { ENV_ID, type SyncRequest } from './sync-into-cache';

/** Where a sync stood when it was killed: rows it had written and whether it had finished its listings. */
export interface KillPoint {
  runs: number;
  taskInstances: number;
  /** The task-instance cursor is written only once that whole listing landed. */
  tiCursor: string | null;
  /** The child's exit code: null when the kill ended it. */
  childExit: number | null;
}

function progressOf(file: string): KillPoint | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, timeout: 50 });
    try {
      const count = (table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE env_id = ?`).pluck().get(ENV_ID) as number;
      const cursor = db.prepare("SELECT cursor FROM sync_cursors WHERE env_id = ? AND resource = 'task_instances'").pluck().get(ENV_ID) as
        | string
        | undefined;
      return { runs: count('dag_runs'), taskInstances: count('task_instances'), tiCursor: cursor ?? null, childExit: null };
    } finally {
      db.close();
    }
  } catch {
    return null; // schema not created yet, or locked for a moment
  }
}

/**
 * Starts a first sync of `req.cacheFile` in a child process through a proxy that
 * stalls a third of the requests, and SIGKILLs it as soon as it has written runs
 * but before its task-instance listing has landed. Throws if the child ended
 * before that point was seen.
 */
export async function killMidSync(req: SyncRequest, timeoutMs = 60_000): Promise<KillPoint> {
  const proxy = await startFaultProxy({ target: req.baseUrl, seed: 7, rate: 0.3, faults: ['stall'], stallMs: 400 });
  const child = spawn(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(__dirname, 'sync-child.ts'), JSON.stringify({ ...req, baseUrl: proxy.url })],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && exitCode === null) {
      const point = progressOf(req.cacheFile);
      if (point && point.runs > 0 && point.tiCursor === null) {
        child.kill('SIGKILL');
        await exited;
        return { ...(progressOf(req.cacheFile) ?? point), childExit: exitCode };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    throw new Error(
      `the sync child ${exitCode === null ? 'never wrote runs' : `ended (exit ${String(exitCode)})`} before it could be killed mid-way${stderr ? `; its stderr:\n${stderr}` : ''}`,
    );
  } finally {
    await proxy.close();
  }
}
