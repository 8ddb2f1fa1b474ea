import type Database from 'better-sqlite3';
import type { AirflowSource, TaskInstanceKey } from '../airflow/airflow-source';
import { HistoryWriter } from '../cache/history-writer';
import type { DagRunRow, TaskInstanceRow } from '../cache/rows';
import { CursorStore } from './cursor-store';
import { inOrder } from './ordered-fetches';
import { SyncCancelled, throwIfCancelled, walkPages } from './page-walker';
import { NEEDS_LOG, readTriesAndLogs, type TriesAndLogs } from './tries-and-logs';
import { walkWindow } from './window-walker';
import { countKeptRuns, walkKeptRuns, type RunOrigin } from './kept-run-listings';
import { findGoneRuns, runKey } from './reconcile-runs';
import { KEPT_RUN_SQL, keepsRun, retentionStart } from './retention';
import { pruneOutsideRetention } from './retention-prune';
import { UpstreamMarks, type RunKey } from './upstream-marks';
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
  /** List every run the retention rule keeps (not only those changed), mark those Airflow no longer has, drop what the rule no longer keeps. */
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

async function inBatches<T>(
  items: readonly T[],
  size: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
): Promise<void> {
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
  const windowStart = retentionStart(startedAt, options.windowDays);

  await walkPages(
    (p) => source.listPools(p),
    (items, done, total) => {
      writer.transaction(() => items.forEach((row) => (written.pools += writer.pool.run(row))));
      progress('pools', done, total);
    },
    walk,
  );

  const changedDags: string[] = [];
  const seenDags = new Set<string>();
  const hasTasks = db.prepare('SELECT 1 FROM tasks WHERE env_id = ? AND dag_id = ? LIMIT 1');
  const reviveDag = db.prepare('UPDATE dags SET deleted_at = NULL WHERE env_id = ? AND dag_id = ? AND deleted_at IS NOT NULL');
  await walkPages(
    (p) => source.listDags(p),
    (items, done, total) => {
      writer.transaction(() => {
        for (const dag of items) {
          seenDags.add(dag.dagId);
          const changed = writer.dag.run(dag) + reviveDag.run(envId, dag.dagId).changes;
          written.dags += changed;
          writer.touchDag(dag);
          if (changed > 0 || hasTasks.get(envId, dag.dagId) === undefined) changedDags.push(dag.dagId);
        }
      });
      progress('dags', done, total);
    },
    walk,
  );
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
  const tiCursor = cursors.get(envId, 'task_instances');
  const marks = new UpstreamMarks(db, envId);
  const reviving = marks.hasMarked();
  const cachedRun = db.prepare('SELECT 1 FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?');
  const listed = new Set<string>();
  /** Runs whose task instances the TI listing of this sync does not cover: read run by run. */
  const tisByRun: RunKey[] = [];
  const writeRuns = (items: DagRunRow[], origin: RunOrigin | 'updated'): void => {
    writer.transaction(() => {
      for (const row of items) {
        const known = cachedRun.get(envId, row.dagId, row.runId) !== undefined;
        if (!known && !keepsRun(row, windowStart)) continue;
        written.runs += writer.run.run(row);
        if (reviving) written.runs += marks.revive(row);
        listed.add(runKey(row.dagId, row.runId));
        if (!known && origin !== 'updated' && (origin === 'late' || tiCursor !== null))
          tisByRun.push({ dagId: row.dagId, runId: row.runId });
      }
    });
  };
  let fullListing = runCursor === null || options.reconcile;
  if (!fullListing) {
    await walkPages(
      (p) => source.listRuns({ ...p, updatedSince: runCursor ?? undefined }),
      (items, done, total) => {
        writeRuns(items, 'updated');
        progress('runs', done, total);
      },
      walk,
    );
    // Deletions and missed runs leave no trace in `updated_at`: a differing count asks for the full listing.
    const cachedKept = db
      .prepare(`SELECT COUNT(*) FROM dag_runs WHERE env_id = @envId AND deleted_upstream = 0 AND ${KEPT_RUN_SQL}`)
      .pluck();
    fullListing = (await countKeptRuns(source, windowStart)) !== cachedKept.get({ envId, windowStart });
  }
  let markedDeleted = 0;
  if (fullListing) {
    await walkKeptRuns(
      source,
      { windowStart, now: startedAt },
      (items, origin, done, total) => {
        writeRuns(items, origin);
        progress('runs', done, total);
      },
      walk,
    );
    const { gone, stillThere } = await findGoneRuns(source, db, { envId, windowStart, listed, parallel, signal });
    writeRuns(stillThere, 'updated');
    writer.transaction(() => {
      markedDeleted = marks.markGone(gone);
      written.reconcile += markedDeleted;
    });
  }
  cursors.set(envId, 'runs', overlapCursor);
  if (tiCursor === null) {
    // A first sync that stopped before its task-instance listing landed left late runs whose task
    // instances the window listing below does not cover (due before the window): read them run by run.
    const queued = new Set(tisByRun.map((r) => runKey(r.dagId, r.runId)));
    const late = db
      .prepare(
        'SELECT dag_id AS dagId, run_id AS runId FROM dag_runs WHERE env_id = ? AND deleted_upstream = 0 AND (run_after < ? OR logical_date < ?)',
      )
      .all(envId, windowStart, windowStart) as RunKey[];
    for (const run of late) if (!queued.has(runKey(run.dagId, run.runId))) tisByRun.push(run);
  }

  const needLogs: TaskInstanceRow[] = [];
  // Tries once read are re-read when their task instance changes (a failed try marked success is no longer failed).
  const hasTries = db.prepare(
    'SELECT 1 FROM task_tries WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? LIMIT 1',
  );
  const needsTries = (row: TaskInstanceRow): boolean =>
    NEEDS_LOG.has(row.state) || row.tryNumber > 1 || hasTries.get(envId, row.dagId, row.runId, row.taskId, row.mapIndex) !== undefined;
  const runInCache = new Map<string, boolean>();
  const onTaskInstances = (items: TaskInstanceRow[], done: number, total: number | null): void => {
    writer.transaction(() => {
      for (const row of items) {
        const run = runKey(row.dagId, row.runId);
        let kept = runInCache.get(run);
        if (kept === undefined) runInCache.set(run, (kept = listed.has(run) || cachedRun.get(envId, row.dagId, row.runId) !== undefined));
        if (!kept) continue;
        const changed = writer.taskInstance.run(row);
        written.task_instances += changed;
        if (changed > 0 && needsTries(row)) needLogs.push(row);
      }
    });
    progress('task_instances', done, total);
  };
  if (tiCursor) await walkPages((p) => source.listTaskInstances({ ...p, updatedSince: tiCursor }), onTaskInstances, walk);
  else {
    const horizon = new Date(startedAt.getTime() + 3_600_000).toISOString();
    await walkWindow((p, w) => source.listTaskInstances({ ...p, ...w }), onTaskInstances, { since: windowStart, before: horizon }, walk);
    await walkPages((p) => source.listTaskInstances({ ...p, since: horizon }), onTaskInstances, walk);
  }
  let tisRead = 0;
  await inBatches(tisByRun, parallel, signal, async (run) => {
    await walkPages(
      (p) => source.listTaskInstances({ ...p, ...run }),
      (items) => onTaskInstances(items, ++tisRead, tisByRun.length),
      { parallel: 1, signal },
    );
  });

  const hasLog = db.prepare(
    'SELECT 1 FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
  );
  let logsDone = 0;
  const triesOf = (ti: TaskInstanceRow): Promise<TriesAndLogs> =>
    readTriesAndLogs(source, ti, {
      storedTries: hasTries.get(envId, ti.dagId, ti.runId, ti.taskId, ti.mapIndex) !== undefined,
      hasLog: (tryNumber) => hasLog.get(envId, ti.dagId, ti.runId, ti.taskId, ti.mapIndex, tryNumber) !== undefined,
      logMaxBytes: options.logMaxBytes,
    });
  await inOrder(
    needLogs.map((ti) => () => triesOf(ti)),
    { parallel, signal, cancelled: () => new SyncCancelled() },
    ({ instance: ti, tries, logs }) => {
      const key: TaskInstanceKey = { dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, mapIndex: ti.mapIndex };
      writer.transaction(() => {
        for (const t of tries) written.tries_and_logs += writer.taskTry.run(t);
        for (const { tryNumber, excerpt } of logs) {
          written.tries_and_logs += writer.taskLog.run({
            envId,
            ...key,
            tryNumber,
            content: excerpt.content,
            truncated: excerpt.truncated,
          });
        }
      });
      progress('tries_and_logs', ++logsDone, needLogs.length);
    },
  );
  cursors.set(envId, 'task_instances', overlapCursor);

  const importErrorIds = new Set<string>();
  await walkPages(
    (p) => source.listImportErrors(p),
    (items, done, total) => {
      writer.transaction(() =>
        items.forEach((row) => {
          importErrorIds.add(row.errorId);
          written.import_errors += writer.importError.run(row);
        }),
      );
      progress('import_errors', done, total);
    },
    walk,
  );
  writer.transaction(() => {
    const existing = db.prepare('SELECT error_id FROM import_errors WHERE env_id = ?').pluck().all(envId) as string[];
    const drop = db.prepare('DELETE FROM import_errors WHERE env_id = ? AND error_id = ?');
    for (const id of existing) if (!importErrorIds.has(id)) written.import_errors += drop.run(envId, id).changes;
  });

  const eventCursor = cursors.get(envId, 'event_logs') ?? windowStart;
  let lastEvent = eventCursor;
  await walkPages(
    (p) => source.listEventLogs({ ...p, after: eventCursor }),
    (items, done, total) => {
      writer.transaction(() =>
        items.forEach((row) => {
          written.event_logs += writer.eventLog.run(row);
          if (row.when > lastEvent) lastEvent = row.when;
        }),
      );
      progress('event_logs', done, total);
    },
    walk,
  );
  cursors.set(envId, 'event_logs', lastEvent);

  await walkPages(
    (p) => source.listAssets(p),
    (items, done, total) => {
      writer.transaction(() => {
        for (const { asset, links } of items) {
          written.assets += writer.asset.run(asset);
          for (const link of links) written.assets += writer.assetLink.run(link);
        }
      });
      progress('assets', done, total);
    },
    walk,
  );

  const assetCursor = cursors.get(envId, 'asset_events') ?? windowStart;
  let lastAssetEvent = assetCursor;
  await walkPages(
    (p) => source.listAssetEvents({ ...p, after: assetCursor }),
    (items, done, total) => {
      writer.transaction(() =>
        items.forEach((row) => {
          written.asset_events += writer.assetEvent.run(row);
          if (row.timestamp > lastAssetEvent) lastAssetEvent = row.timestamp;
        }),
      );
      progress('asset_events', done, total);
    },
    walk,
  );
  cursors.set(envId, 'asset_events', lastAssetEvent);

  if (fullListing) {
    writer.transaction(() => (written.reconcile += pruneOutsideRetention(db, envId, windowStart)));
    cursors.set(envId, 'reconciled', startedAt.toISOString());
  }

  const { event_logs: _audit, ...history } = written;
  if (Object.values(history).some((n) => n > 0)) cursors.set(envId, 'history_changed', startedAt.toISOString());

  return {
    envId,
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    written,
    requests: source.requestCount() - requestsBefore,
    markedDeleted,
  };
}
