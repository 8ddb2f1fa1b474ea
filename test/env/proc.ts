/**
 * Process helpers for the integration-test peers (Airflow 3, Airflow 2, Neo4j).
 *
 * Every peer process is spawned detached (its own process group) with stdout/stderr going to a log
 * file. Groups are killed with SIGTERM, then SIGKILL after a grace period. Peers never outlive the
 * test run: a process 'exit' handler SIGKILLs every live group synchronously, and a tiny watchdog
 * (`bash` reading its stdin, a pipe held by this Node process) kills the groups if Node dies
 * without running exit handlers (SIGKILL, crash).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENV_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(ENV_DIR, '..', '..');

export function peersCacheDir(): string {
  const home = process.env.HOME ?? '/tmp';
  return process.env.ORC_PEERS_CACHE ?? path.join(home, '.cache', 'orc-ai-desk', 'peers');
}

/** A directory for one peer run: `${ORC_PEERS_RUN_DIR:-<cache>/runs}/<prefix>-<time>-<pid>-<rand>`. */
export function makeRunDir(prefix: string): string {
  const base = process.env.ORC_PEERS_RUN_DIR ?? path.join(peersCacheDir(), 'runs');
  fs.mkdirSync(base, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const dir = path.join(base, `${prefix}-${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 7)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; there is a small race until the peer binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** Several distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
  const out = new Set<number>();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tailFile(file: string, lines = 60): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch (e) {
    return `<cannot read ${file}: ${(e as Error).message}>`;
  }
}

export function formatLogTails(logs: Record<string, string>, lines = 60): string {
  return Object.entries(logs)
    .map(([name, file]) => `----- ${name} (${file}), last ${lines} lines -----\n${tailFile(file, lines)}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Process-group bookkeeping
// ---------------------------------------------------------------------------------------------

const liveGroups = new Set<number>();
let exitHandlerInstalled = false;

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
    liveGroups.clear();
  });
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves with the exit code/signal once the direct child exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** 'pipe' keeps a stdin pipe open (e.g. for a child that stops when stdin closes). Default 'ignore'. */
  stdin?: 'ignore' | 'pipe';
}

export function spawnManaged(opts: SpawnOptions): ManagedProcess {
  installExitHandler();
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const fd = fs.openSync(opts.logFile, 'a');
  fs.writeSync(fd, `# ${new Date().toISOString()} $ ${opts.command} ${opts.args.join(' ')}\n`);
  let child: ChildProcess;
  try {
    child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: [opts.stdin ?? 'ignore', fd, fd],
    });
  } finally {
    fs.closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`failed to spawn ${opts.name}: ${opts.command}`);
  const pid = child.pid;
  liveGroups.add(pid);
  child.unref();
  if (child.stdin) (child.stdin as unknown as { unref?: () => void }).unref?.();
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
    child.on('error', () => {
      done = true;
      resolve({ code: -1, signal: null });
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    if (!liveGroups.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    // Wait for the whole group to go away (not only the direct child).
    while (Date.now() < deadline && groupAlive(pid)) await sleep(100);
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    const hardDeadline = Date.now() + 3000;
    while (Date.now() < hardDeadline && groupAlive(pid)) await sleep(50);
    liveGroups.delete(pid);
  };
  return { name: opts.name, child, pid, logFile: opts.logFile, exited, hasExited: () => done, stop };
}

/**
 * A watchdog that kills the given process groups when this Node process goes away without running
 * its 'exit' handlers. It reads a stdin pipe held by Node; EOF means Node is gone.
 * Returns a function that dismisses the watchdog (call it after a normal stop).
 */
export function startWatchdog(pgids: number[], graceSeconds = 5): () => void {
  const list = pgids.map((p) => `-${p}`).join(' ');
  const script = `read -r _ ; kill -TERM -- ${list} 2>/dev/null; sleep ${graceSeconds}; kill -KILL -- ${list} 2>/dev/null; exit 0`;
  const w = spawn('/bin/bash', ['-c', script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  w.unref();
  (w.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  w.stdin?.on('error', () => undefined);
  return () => {
    try {
      if (w.pid) process.kill(w.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
}

/** Runs a command to completion (output appended to logFile); throws with the log tail on failure. */
export async function runToCompletion(opts: Omit<SpawnOptions, 'stdin'> & { timeoutMs?: number }): Promise<void> {
  const p = spawnManaged(opts);
  const timeoutMs = opts.timeoutMs ?? 600_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  const res = await Promise.race([p.exited, timeout]);
  clearTimeout(timer);
  if (res === 'timeout') {
    await p.stop(2000);
    throw new Error(
      `${opts.name} timed out after ${timeoutMs} ms: ${opts.command} ${opts.args.join(' ')}\n${formatLogTails({ [opts.name]: opts.logFile })}`,
    );
  }
  await p.stop(1000); // reap anything left in the group
  if (res.code !== 0) {
    throw new Error(
      `${opts.name} failed (exit ${res.code ?? res.signal}): ${opts.command} ${opts.args.join(' ')}\n${formatLogTails({ [opts.name]: opts.logFile })}`,
    );
  }
}

/** Synchronous best-effort check that a command exists on PATH. */
export function haveCommand(cmd: string): boolean {
  return spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Polls `fn` until it returns a non-undefined value, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; abortIf?: () => string | undefined },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastErr = '';
  for (;;) {
    const abort = opts.abortIf?.();
    if (abort) throw new Error(`${what}: ${abort}`);
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      lastErr = (e as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr})` : ''}`);
    }
    await sleep(opts.intervalMs ?? 1000);
  }
}

/** Serialises concurrent callers of an expensive one-time step (within this Node process). */
const onceMap = new Map<string, Promise<unknown>>();
export function once<T>(key: string, fn: () => Promise<T>): Promise<T> {
  let p = onceMap.get(key) as Promise<T> | undefined;
  if (!p) {
    p = fn();
    onceMap.set(key, p);
    p.catch(() => onceMap.delete(key));
  }
  return p;
}
