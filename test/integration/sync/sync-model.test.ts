/**
 * Model-based test of sync against the real Airflows: a seeded, reproducible
 * sequence of Airflow-side changes (new runs, runs with old logical dates, an
 * `@once` DAG with a 2021 start date, clears and re-runs, mark success/failed,
 * notes, pause/unpause, deleted runs and DAGs, `airflow db clean`) interleaved
 * with first, incremental, full, cancelled and killed syncs. After each sync
 * the whole cache is compared with Airflow's API read without filters (see
 * airflow-oracle.ts); runs Airflow no longer has must be exactly those the
 * cache had seen, marked deleted upstream. A difference fails with the seed
 * and the sequence. Replay one with ORC_SYNC_MODEL_SEED=<seed>.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAirflowSource } from '../../../src-main/services/airflow/create-airflow-source';
import type { AirflowSource } from '../../../src-main/services/airflow/airflow-source';
import { SyncCancelled } from '../../../src-main/services/sync/page-walker';
import type { AirflowPeerInfo } from '../../env/airflow';
import { diffTables, readAirflow, readCache, runStateCounts, type TableRows } from './airflow-oracle';
import { integrityCheck } from './cache-snapshot';
import { mulberry32 } from './fault-proxy';
import { killMidSync } from './kill-mid-sync';
import { ONCE_DAG, PeerAdmin, type RawRun } from './peer-admin';
import { ENV_ID, SYNC_WINDOW_DAYS, syncIntoCache, type SyncRequest } from './sync-into-cache';

const peers = inject('peers');
const targets = (['af3', 'af2'] as const).flatMap((name) => (peers[name] ? [{ name, info: peers[name] }] : []));

const STEP_DAG = 'orc_model_step';
const AIRFLOW_CHANGES = 7;
const QUIET_MS = 120_000;

type Outcome = 'success' | 'fail' | 'flaky';
type Change =
  | { op: 'trigger'; outcome: Outcome }
  | { op: 'trigger_old'; outcome: Outcome }
  | { op: 'once' }
  | { op: 'clear'; pick: number }
  | { op: 'mark'; pick: number; state: 'success' | 'failed' }
  | { op: 'note'; pick: number; note: string }
  | { op: 'pause' }
  | { op: 'unpause' }
  | { op: 'delete_run'; pick: number }
  | { op: 'prune'; pick: number };
type SyncKind = 'sync' | 'full' | 'first' | 'kill' | 'cancel';
type Step = Change | { op: SyncKind };

/** The sequence a seed stands for: a first sync, then Airflow changes with syncs of every kind between them, then an incremental and a full sync. */
export function sequenceFor(seed: number): Step[] {
  const random = mulberry32(seed);
  const pickOf = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const outcomes: Outcome[] = ['success', 'fail', 'flaky'];
  const pick = (): number => Math.floor(random() * 1000);
  const changes: Array<() => Change> = [
    () => ({ op: 'trigger', outcome: pickOf(outcomes) }),
    () => ({ op: 'trigger_old', outcome: pickOf(outcomes) }),
    () => ({ op: 'once' }),
    () => ({ op: 'clear', pick: pick() }),
    () => ({ op: 'mark', pick: pick(), state: pickOf(['success', 'failed'] as const) }),
    () => ({ op: 'note', pick: pick(), note: `note ${Math.floor(random() * 1e6)}` }),
    () => ({ op: random() < 0.5 ? 'pause' : 'unpause' }),
    () => ({ op: 'delete_run', pick: pick() }),
    () => ({ op: 'prune', pick: pick() }),
  ];
  const syncs: SyncKind[] = ['sync', 'sync', 'full', 'full', 'cancel', 'kill', 'first'];
  const steps: Step[] = [{ op: 'first' }, { op: 'trigger_old', outcome: pickOf(outcomes) }, { op: 'sync' }];
  for (let i = 0; i < AIRFLOW_CHANGES; i++) {
    steps.push((changes[Math.floor(random() * changes.length)] as () => Change)());
    if (random() < 0.7) steps.push({ op: pickOf(syncs) });
  }
  steps.push({ op: 'unpause' }, { op: 'sync' }, { op: 'full' });
  return steps;
}

const seedFor = (peer: string): number =>
  process.env.ORC_SYNC_MODEL_SEED !== undefined
    ? Number(process.env.ORC_SYNC_MODEL_SEED)
    : (Date.now() ^ (peer === 'af3' ? 0x3 : 0x2)) % 1_000_000;

describe.each(targets)('sync model against real $name', ({ name, info }: { name: string; info: AirflowPeerInfo }) => {
  const dir = mkdtempSync(join(tmpdir(), 'orc-sync-model-'));
  const seed = seedFor(name);
  const admin = new PeerAdmin(info);
  let source: AirflowSource;

  beforeAll(async () => {
    source = createAirflowSource(ENV_ID, { baseUrl: info.baseUrl, auth: { kind: 'password', ...info.users.admin } }, info.apiVersion);
    await admin.setPaused(STEP_DAG, false);
    await admin.waitQuiet(QUIET_MS);
  }, QUIET_MS + 30_000);
  afterAll(async () => {
    await admin.close();
    await (source as { close?: () => Promise<void> } | undefined)?.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps the cache equal to Airflow through a seeded sequence of changes and syncs (seed ${seed})`, async () => {
    const steps = sequenceFor(seed);
    const done: string[] = [];
    const request = (cacheFile: string, extra: Partial<SyncRequest> = {}): SyncRequest => ({
      af: info,
      baseUrl: info.baseUrl,
      cacheFile,
      ...extra,
    });
    const main = join(dir, 'main.sqlite');
    /** Runs the main cache has seen (after a completed sync): those Airflow no longer has must be marked gone. */
    const seen = new Set<string>();
    let fresh = 0;
    let runNo = 0;
    const fail = (message: string): never => {
      throw new Error(
        `sync model on ${name}, seed ${seed} (replay: ORC_SYNC_MODEL_SEED=${seed})\nsteps:\n  ${done.join('\n  ')}\n${message}`,
      );
    };
    const stable = (t: TableRows): string =>
      JSON.stringify(['dags', 'dag_runs', 'task_instances'].map((k) => [...(t[k] ?? new Map()).entries()].sort()));
    const windowStart = (): string => new Date(Date.now() - SYNC_WINDOW_DAYS * 86_400_000).toISOString();

    /** Syncs (with `sync`), then compares the cache with Airflow read whole; retried when Airflow changed meanwhile. */
    const syncAndCompare = async (file: string, sync: () => Promise<void>, tracksGone: boolean): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        await admin.waitQuiet(QUIET_MS);
        const before = await readAirflow(source, { af: info, baseUrl: info.baseUrl }, windowStart(), readCache(file));
        await sync();
        const cache = readCache(file);
        const airflow = await readAirflow(source, { af: info, baseUrl: info.baseUrl }, windowStart(), cache);
        if (stable(before.tables) !== stable(airflow.tables) && attempt < 3) continue; // Airflow moved during the sync (a DAG re-parsed): again
        const diff = diffTables(airflow.tables, cache.tables);
        if (diff !== '') {
          fail(
            `cache differs from Airflow after ${done.at(-1) ?? ''}:\nruns by state, Airflow ${JSON.stringify(runStateCounts(airflow.tables))}\nruns by state, cache   ${JSON.stringify(runStateCounts(cache.tables))}\n${diff}`,
          );
        }
        const goneWanted = tracksGone ? [...seen].filter((k) => !airflow.runKeys.has(k)).sort() : [];
        const goneHeld = [...cache.gone].sort();
        if (JSON.stringify(goneHeld) !== JSON.stringify(goneWanted)) {
          fail(`runs marked deleted upstream: cache ${JSON.stringify(goneHeld)}, expected ${JSON.stringify(goneWanted)}`);
        }
        if (tracksGone) for (const k of airflow.runKeys) seen.add(k);
        expect(integrityCheck(file)).toBe('ok');
        return;
      }
    };

    const modelRuns = async (): Promise<RawRun[]> => (await admin.runs(STEP_DAG)).filter((r) => r.dag_run_id.startsWith('model_'));
    const pickRun = async (pick: number, where: (r: RawRun) => boolean = () => true): Promise<RawRun | undefined> => {
      const runs = (await modelRuns()).filter(where);
      return runs.length === 0 ? undefined : runs[pick % runs.length];
    };
    const newRunId = (): string => `model_${seed}_${++runNo}`;
    // Distinct old logical dates per seed and step, hours apart inside 2021 and 2022.
    const oldDate = (): string => new Date(Date.UTC(2021, 0, 1) + (((seed % 10_000) * 97 + runNo) % 17_000) * 3_600_000).toISOString();

    const change = async (step: Change): Promise<string> => {
      switch (step.op) {
        case 'trigger':
          await admin.trigger(STEP_DAG, newRunId(), { outcome: step.outcome });
          return `trigger ${step.outcome}`;
        case 'trigger_old': {
          const runId = newRunId();
          const at = oldDate();
          await admin.trigger(STEP_DAG, runId, { outcome: step.outcome }, at);
          return `trigger ${step.outcome} with logical date ${at}`;
        }
        case 'once': {
          if (!(await admin.dagExists(ONCE_DAG))) return `${ONCE_DAG}: not parsed again yet, nothing done`;
          if ((await admin.runs(ONCE_DAG)).length === 0) {
            await admin.setPaused(ONCE_DAG, false);
            return `${ONCE_DAG}: unpaused (its one run has a 2021 logical date)`;
          }
          await admin.deleteDag(ONCE_DAG);
          return `${ONCE_DAG}: DAG deleted with its runs`;
        }
        case 'clear': {
          const run = await pickRun(step.pick, (r) => r.state === 'success' || r.state === 'failed');
          if (!run) return 'clear: no finished run';
          await admin.clearRun(STEP_DAG, run.dag_run_id);
          return `clear ${run.dag_run_id}`;
        }
        case 'mark': {
          const run = await pickRun(step.pick, (r) => r.state !== step.state);
          if (!run) return `mark ${step.state}: no run`;
          await admin.markRun(STEP_DAG, run.dag_run_id, step.state);
          return `mark ${run.dag_run_id} ${step.state}`;
        }
        case 'note': {
          const run = await pickRun(step.pick);
          if (!run) return 'note: no run';
          await admin.setRunNote(STEP_DAG, run.dag_run_id, step.note);
          return `note on ${run.dag_run_id}`;
        }
        case 'pause':
        case 'unpause':
          await admin.setPaused(STEP_DAG, step.op === 'pause');
          return `${step.op} ${STEP_DAG}`;
        case 'delete_run': {
          const run = await pickRun(step.pick);
          if (!run) return 'delete run: no run';
          await admin.deleteRun(STEP_DAG, run.dag_run_id);
          return `delete ${run.dag_run_id}`;
        }
        case 'prune': {
          const run = await pickRun(step.pick, (r) => r.start_date !== null);
          if (!run?.start_date) return 'prune: no started run';
          const before = new Date(Date.parse(run.start_date) + 1000).toISOString();
          return `prune runs started before ${before} by ${await admin.pruneRuns(STEP_DAG, before)}`;
        }
      }
    };

    const syncStep = async (kind: SyncKind): Promise<string> => {
      switch (kind) {
        case 'sync':
          await syncAndCompare(main, async () => void (await syncIntoCache(request(main))), true);
          return 'incremental sync';
        case 'full':
          await syncAndCompare(main, async () => void (await syncIntoCache(request(main, { options: { reconcile: true } }))), true);
          return 'full sync';
        case 'first': {
          const file = join(dir, `fresh-${++fresh}.sqlite`);
          await syncAndCompare(file, async () => void (await syncIntoCache(request(file))), false);
          return `first sync into ${file}`;
        }
        case 'cancel': {
          const controller = new AbortController();
          const cancelled = await syncIntoCache(
            request(main, { options: { signal: controller.signal, onProgress: (p) => p.step === 'runs' && controller.abort() } }),
          ).then(
            () => false,
            (error: unknown) => error instanceof SyncCancelled,
          );
          if (!cancelled) fail('the cancelled sync did not stop with SyncCancelled');
          await syncAndCompare(main, async () => void (await syncIntoCache(request(main))), true);
          return 'sync cancelled during its runs step, then an incremental sync';
        }
        case 'kill': {
          const file = join(dir, `killed-${++fresh}.sqlite`);
          await admin.waitQuiet(QUIET_MS);
          const point = await killMidSync(request(file));
          if (point.runs === 0 || point.tiCursor !== null) fail(`the kill did not land mid-sync: ${JSON.stringify(point)}`);
          await syncAndCompare(file, async () => void (await syncIntoCache(request(file))), false);
          return `first sync killed mid-way (${point.runs} runs, ${point.taskInstances} task instances written), then resumed`;
        }
      }
    };

    for (const step of steps) {
      const isSync = ['sync', 'full', 'first', 'kill', 'cancel'].includes(step.op);
      const t0 = Date.now();
      done.push(`${step.op} ...`);
      const what = isSync ? await syncStep(step.op as SyncKind) : await change(step as Change);
      done[done.length - 1] = `${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
    }
    console.log(`[sync model] ${name} seed ${seed}:\n  ${done.join('\n  ')}`);
    expect(seen.size).toBeGreaterThan(0);
  }, 420_000);
});
