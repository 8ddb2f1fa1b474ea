import type Database from 'better-sqlite3';
import type { AirflowSource, LogExcerpt, TaskInstanceKey } from '../airflow/airflow-source';
import { HistoryWriter } from '../cache/history-writer';
import type { DagRunRow, TaskInstanceRow } from '../cache/rows';
import { CursorStore } from './cursor-store';
import { throwIfCancelled, walkPages } from './page-walker';
import { walkWindow } from './window-walker';
import { reconcileRuns } from './reconcile-runs';
import { emptyWritten, type SyncProgress, type SyncReport, type SyncStep } from './sync-progress';

export interface SyncOptions {
  /** History window to fetch on a first sync and to keep (days). */
  windowDays: number;
  /** Keep only the last N bytes of each failed try's log. */
  logMaxBytes: number;
  /** Re-ask for changes this far before the last cursor, for late updates. */
  overlapMs: number;
  /** Requests in flight at once for this environment. */
  parallel: number;
  /** Also detect runs deleted upstream and drop history older than the window. */
  reconcile: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
}

export const defaultSyncOptions: SyncOptions = {
  windowDays: 90,
  logMaxBytes: 256 * 1024,
  overlapMs: 5 * 60_000,
  parallel: 4,
  reconcile: false,
};

const NEEDS_LOG = new Set(['failed', 'up_for_retry']);

async function inBatches<T>(items: readonly T[], size: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    throwIfCancelled(signal);
    await Promise.all(items.slice(i, i + size).map(work));
  }
}

/**
 * One incremental sync of one environment into the cache. Each page is
 * written in its own transaction with idempotent upserts, and a cursor
 * advances only after its whole listing landed, so an interrupted sync
 * (crash, cancel, network loss) converges on the next run without
 * duplicates or gaps.
 */
export async function syncEnvironment(source: AirflowSource, db: Database.Database, options: SyncOptions): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const writer = new HistoryWriter(db);
  const cursors = new CursorStore(db);
  const envId = source.envId;
  const written = emptyWritten();
  const requestsBefore = source.requestCount();
  const { signal, parallel } = options;
  const progress = (step: SyncStep, done: number, total: number | null): void => options.onProgress?.({ step, done, total });
  const walk = { parallel, signal };
  const windowStart = new Date(startedAt.getTime() - options.windowDays * 86_400_000).toISOString();
  // A first sync reads the whole window; the end is a little ahead of now so runs created meanwhile are kept.
  const firstWindow = { since: windowStart, before: new Date(startedAt.getTime() + 3_600_000).toISOString() };

  await walkPages((p) => source.listPools(p), (items, done, total) => {
    writer.transaction(() => items.forEach((row) => (written.pools += writer.pool.run(row))));
    progress('pools', done, total);
  }, walk);

  const changedDags: string[] = [];
  const seenDags = new Set<string>();
  const hasTasks = db.prepare('SELECT 1 FROM tasks WHERE env_id = ? AND dag_id = ? LIMIT 1');
  await walkPages((p) => source.listDags(p), (items, done, total) => {
    writer.transaction(() => {
      for (const dag of items) {
        seenDags.add(dag.dagId);
        const changed = writer.dag.run(dag);
        written.dags += changed;
        writer.touchDag(dag);
        if (changed > 0 || hasTasks.get(envId, dag.dagId) === undefined) changedDags.push(dag.dagId);
      }
    });
    progress('dags', done, total);
  }, walk);
  writer.transaction(() => {
    const active = db.prepare('SELECT dag_id FROM dags WHERE env_id = ? AND deleted_at IS NULL').pluck().all(envId) as string[];
    const mark = db.prepare('UPDATE dags SET deleted_at = ? WHERE env_id = ? AND dag_id = ?');
    for (const dagId of active) if (!seenDags.has(dagId)) written.dags += mark.run(startedAt.toISOString(), envId, dagId).changes;
  });

  let tasksDone = 0;
  await inBatches(changedDags, parallel, signal, async (dagId) => {
    const [tasks, details] = await Promise.all([source.listTasks(dagId), source.getDagDetails(dagId)]);
    writer.transaction(() => {
      written.dags += writer.setDagDetails(envId, dagId, details);
      const keep = new Set(tasks.map((t) => t.taskId));
      for (const task of tasks) written.tasks += writer.task.run(task);
      const existing = db.prepare('SELECT task_id FROM tasks WHERE env_id = ? AND dag_id = ?').pluck().all(envId, dagId) as string[];
      const drop = db.prepare('DELETE FROM tasks WHERE env_id = ? AND dag_id = ? AND task_id = ?');
      for (const taskId of existing) if (!keep.has(taskId)) written.tasks += drop.run(envId, dagId, taskId).changes;
    });
    progress('tasks', ++tasksDone, changedDags.length);
  });

  const overlapCursor = new Date(startedAt.getTime() - options.overlapMs).toISOString();
  const runCursor = cursors.get(envId, 'runs');
  const onRuns = (items: DagRunRow[], done: number, total: number): void => {
    writer.transaction(() => items.forEach((row) => (written.runs += writer.run.run(row))));
    progress('runs', done, total);
  };
  if (runCursor) await walkPages((p) => source.listRuns({ ...p, updatedSince: runCursor }), onRuns, walk);
  else await walkWindow((p, w) => source.listRuns({ ...p, ...w }), onRuns, firstWindow, walk);
  cursors.set(envId, 'runs', overlapCursor);

  const needLogs: TaskInstanceRow[] = [];
  const tiCursor = cursors.get(envId, 'task_instances');
  const onTaskInstances = (items: TaskInstanceRow[], done: number, total: number): void => {
    writer.transaction(() => {
      for (const row of items) {
        const changed = writer.taskInstance.run(row);
        written.task_instances += changed;
        if (changed > 0 && (NEEDS_LOG.has(row.state) || row.tryNumber > 1)) needLogs.push(row);
      }
    });
    progress('task_instances', done, total);
  };
  if (tiCursor) await walkPages((p) => source.listTaskInstances({ ...p, updatedSince: tiCursor }), onTaskInstances, walk);
  else await walkWindow((p, w) => source.listTaskInstances({ ...p, ...w }), onTaskInstances, firstWindow, walk);

  const hasLog = db.prepare(
    'SELECT 1 FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
  );
  let logsDone = 0;
  await inBatches(needLogs, parallel, signal, async (ti) => {
    const key: TaskInstanceKey = { dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, mapIndex: ti.mapIndex };
    const tries = await source.listTries(key);
    const failedTries = new Set(tries.filter((t) => NEEDS_LOG.has(t.state)).map((t) => t.tryNumber));
    if (ti.state === 'failed' && ti.tryNumber > 0) failedTries.add(ti.tryNumber);
    const logs: { tryNumber: number; excerpt: LogExcerpt }[] = [];
    for (const tryNumber of failedTries) {
      if (hasLog.get(envId, ti.dagId, ti.runId, ti.taskId, ti.mapIndex, tryNumber) !== undefined) continue;
      logs.push({ tryNumber, excerpt: await source.getLog(key, tryNumber, options.logMaxBytes) });
    }
    writer.transaction(() => {
      for (const t of tries) written.tries_and_logs += writer.taskTry.run(t);
      for (const { tryNumber, excerpt } of logs) {
        written.tries_and_logs += writer.taskLog.run({ envId, ...key, tryNumber, content: excerpt.content, truncated: excerpt.truncated });
      }
    });
    progress('tries_and_logs', ++logsDone, needLogs.length);
  });
  cursors.set(envId, 'task_instances', overlapCursor);

  const importErrorIds = new Set<string>();
  await walkPages((p) => source.listImportErrors(p), (items, done, total) => {
    writer.transaction(() => items.forEach((row) => {
      importErrorIds.add(row.errorId);
      written.import_errors += writer.importError.run(row);
    }));
    progress('import_errors', done, total);
  }, walk);
  writer.transaction(() => {
    const existing = db.prepare('SELECT error_id FROM import_errors WHERE env_id = ?').pluck().all(envId) as string[];
    const drop = db.prepare('DELETE FROM import_errors WHERE env_id = ? AND error_id = ?');
    for (const id of existing) if (!importErrorIds.has(id)) written.import_errors += drop.run(envId, id).changes;
  });

  const eventCursor = cursors.get(envId, 'event_logs') ?? windowStart;
  let lastEvent = eventCursor;
  await walkPages((p) => source.listEventLogs({ ...p, after: eventCursor }), (items, done, total) => {
    writer.transaction(() => items.forEach((row) => {
      written.event_logs += writer.eventLog.run(row);
      if (row.when > lastEvent) lastEvent = row.when;
    }));
    progress('event_logs', done, total);
  }, walk);
  cursors.set(envId, 'event_logs', lastEvent);

  await walkPages((p) => source.listAssets(p), (items, done, total) => {
    writer.transaction(() => {
      for (const { asset, links } of items) {
        written.assets += writer.asset.run(asset);
        for (const link of links) written.assets += writer.assetLink.run(link);
      }
    });
    progress('assets', done, total);
  }, walk);

  const assetCursor = cursors.get(envId, 'asset_events') ?? windowStart;
  let lastAssetEvent = assetCursor;
  await walkPages((p) => source.listAssetEvents({ ...p, after: assetCursor }), (items, done, total) => {
    writer.transaction(() => items.forEach((row) => {
      written.asset_events += writer.assetEvent.run(row);
      if (row.timestamp > lastAssetEvent) lastAssetEvent = row.timestamp;
    }));
    progress('asset_events', done, total);
  }, walk);
  cursors.set(envId, 'asset_events', lastAssetEvent);

  let markedDeleted = 0;
  if (options.reconcile) {
    markedDeleted = await reconcileRuns(source, db, { envId, windowStart, parallel, signal, onProgress: (d, t) => progress('reconcile', d, t) });
    written.reconcile = markedDeleted;
    cursors.set(envId, 'reconciled', startedAt.toISOString());
  }

  return {
    envId,
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    written,
    requests: source.requestCount() - requestsBefore,
    markedDeleted,
  };
}
