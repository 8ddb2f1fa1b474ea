import type Database from 'better-sqlite3';
import type { TimelineEntry } from '../../../src-shared/domain/incidents';
import { DagTroubleEvents, TROUBLE_EVENT_LIMIT } from '../history/dag-trouble-events';
import { appRoute } from './app-route';

/**
 * Events of the synced history around an incident, per DAG and time window:
 * first failure, failed runs, retries, and asset events from upstream DAGs.
 * Reads through the time indexes; all SQL fixed, values bound.
 */
export class HistoryEvents {
  private readonly trouble;
  private readonly assetEvents;

  constructor(db: Database.Database) {
    this.trouble = new DagTroubleEvents(db);
    this.assetEvents = db.prepare(
      `SELECT e.uri, e.timestamp AS at, e.source_dag_id, e.source_task_id FROM asset_events e
       WHERE e.env_id = @envId AND e.timestamp >= @from AND e.timestamp < @to
         AND e.uri IN (SELECT uri FROM asset_links WHERE env_id = @envId AND dag_id = @dagId AND role = 'consumer')
         AND COALESCE(e.source_dag_id, '') <> @dagId
       ORDER BY e.timestamp LIMIT ${TROUBLE_EVENT_LIMIT}`,
    );
  }

  forDag(envId: string, dagId: string, from: string, to: string): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    const first = this.trouble.firstFailedInstance(envId, dagId, from, to);
    if (first) {
      entries.push({
        at: first.at,
        kind: 'first_failure',
        text: `First failure in the window: ${dagId} › ${first.task_id} (run ${first.run_id})`,
        dagId,
        route: appRoute('task', {
          env: envId,
          dag: dagId,
          run: first.run_id,
          task: first.task_id,
          map: first.map_index >= 0 ? first.map_index : undefined,
        }),
        source: 'history',
      });
    }
    for (const r of this.trouble.failedRunsOf(envId, dagId, from, to)) {
      if (r.at === null) continue;
      entries.push({
        at: r.at,
        kind: 'failure',
        text: `Run failed: ${dagId} (run ${r.run_id})`,
        dagId,
        route: appRoute('run', { env: envId, dag: dagId, run: r.run_id }),
        source: 'history',
      });
    }
    for (const t of this.trouble.retriedTriesOf(envId, dagId, from, to)) {
      if (t.at === null) continue;
      entries.push({
        at: t.at,
        kind: 'retry',
        text: `Try ${t.try_number} of ${dagId} › ${t.task_id} ended ${t.state.replace(/_/g, ' ')} and was retried (run ${t.run_id})`,
        dagId,
        route: appRoute('task', {
          env: envId,
          dag: dagId,
          run: t.run_id,
          task: t.task_id,
          map: t.map_index >= 0 ? t.map_index : undefined,
          try: t.try_number,
        }),
        source: 'history',
      });
    }
    for (const e of this.assetEvents.all({ envId, dagId, from, to }) as {
      uri: string;
      at: string;
      source_dag_id: string | null;
      source_task_id: string | null;
    }[]) {
      const by = e.source_dag_id === null ? 'outside Airflow' : `${e.source_dag_id}${e.source_task_id ? ` › ${e.source_task_id}` : ''}`;
      entries.push({
        at: e.at,
        kind: 'asset_event',
        text: `Upstream asset ${e.uri} updated by ${by}`,
        dagId,
        route: appRoute('lineage', { env: envId, dag: dagId }),
        source: 'history',
      });
    }
    return entries;
  }
}
