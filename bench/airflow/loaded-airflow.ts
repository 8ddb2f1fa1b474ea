import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAirflow, type AirflowPeer } from '../../test/env/airflow';
import { REPO_ROOT } from '../../test/env/proc';
import { BENCH_ENV_ID, createSyncedCache, type SyncedCache } from './synced-cache';

/** Fixture DAGs the generated history is spread over (see test/fixtures/dags/README.md). */
export const HISTORY_DAG_IDS = ['orc_linear_etl', 'orc_always_fails', 'orc_flaky_retry', 'orc_mapped', 'orc_branching'] as const;
export const HISTORY_RUNS = 10_000;
export const HISTORY_DAYS = 30;

/** What bench/airflow/load-history.py printed. */
export interface LoadSummary {
  runs: number;
  failed_runs: number;
  task_instances: number;
  history: number;
  log_files: number;
  seconds: number;
  from: string;
  to: string;
}

export interface LoadedAirflow {
  readonly peer: AirflowPeer;
  readonly load: LoadSummary;
  /** The first (full) sync into a temp cache, done once and shared by the entries. */
  readonly synced: () => Promise<SyncedCache>;
}

const USERS = ['airflow-sync', 'airflow-questions'] as const;
type User = (typeof USERS)[number];

/** The entries of this process that use the peer (from `--only`, like bench/run.ts), so the last one stops it. */
function expectedUsers(argv: readonly string[]): Set<User> {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return new Set(USERS);
  const arg = argv[i] ?? '';
  const names = (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[i + 1] ?? '')).split(',');
  return new Set(USERS.filter((u) => names.includes(u)));
}

function pythonEnv(peer: AirflowPeer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AIRFLOW')) env[k] = v;
  return { ...env, ...peer.env, PYTHONWARNINGS: 'ignore', PYTHONDONTWRITEBYTECODE: '1' };
}

async function loadHistory(peer: AirflowPeer, runs: number): Promise<LoadSummary> {
  const { stdout } = await promisify(execFile)(
    join(peer.venv, 'bin', 'python'),
    [
      join(REPO_ROOT, 'bench', 'airflow', 'load-history.py'),
      '--runs',
      String(runs),
      '--days',
      String(HISTORY_DAYS),
      '--dags',
      HISTORY_DAG_IDS.join(','),
    ],
    { env: pythonEnv(peer), timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as LoadSummary;
}

let shared: Promise<LoadedAirflow> | null = null;
let stopPeer: (() => Promise<void>) | null = null;
const released = new Set<User>();

async function setUp(): Promise<LoadedAirflow> {
  process.stderr.write(`bench: starting Airflow 3 and loading ${HISTORY_RUNS} runs ...\n`);
  const t0 = performance.now();
  const peer = await startAirflow(3, { waitForDagIds: HISTORY_DAG_IDS });
  process.stderr.write(`bench: Airflow ${peer.version} up in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const dir = mkdtempSync(join(tmpdir(), 'orc-bench-airflow-'));
  let sync: Promise<SyncedCache> | null = null;
  stopPeer = async () => {
    try {
      await (await sync?.catch(() => null))?.close();
    } finally {
      await peer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const load = await loadHistory(peer, HISTORY_RUNS);
  process.stderr.write(`bench: loaded ${load.runs} runs, ${load.task_instances} task instances in ${load.seconds} s\n`);
  const synced = (): Promise<SyncedCache> => (sync ??= createSyncedCache(peer, join(dir, 'cache.sqlite'), BENCH_ENV_ID));
  return { peer, load, synced };
}

/** Starts (once) a real Airflow 3 with {@link HISTORY_RUNS} generated runs; pair with {@link releaseLoadedAirflow}. */
export function acquireLoadedAirflow(): Promise<LoadedAirflow> {
  shared ??= setUp();
  return shared;
}

/** Stops the peer once every entry of this process that uses it has finished, or at once after a failure. */
export async function releaseLoadedAirflow(user: User, failed: boolean): Promise<void> {
  released.add(user);
  const expected = expectedUsers(process.argv.slice(2));
  if (!failed && ![...expected].every((u) => released.has(u))) return;
  const stop = stopPeer;
  stopPeer = null;
  shared = null;
  await stop?.();
}
