import type Database from 'better-sqlite3';
import type { RunLink } from '../../../src-shared/domain/investigate';
import { RunState } from '../../../src-shared/domain/states';

export interface LinkedRunKey {
  envId: string;
  dagId: string;
  runId: string;
  runType: string;
  confJson: string | null;
  queuedAt: string | null;
  startDate: string | null;
  endDate: string | null;
}

interface LinkRow {
  dag_id: string;
  run_id: string;
  state: string;
}

/** How long after a run ends a run it triggered may still start. */
const TRIGGER_SLACK_MS = 6 * 3_600_000;

function parent(confJson: string | null): { dagId: string; runId: string } | null {
  if (confJson === null) return null;
  try {
    const conf: unknown = JSON.parse(confJson);
    if (typeof conf !== 'object' || conf === null) return null;
    const { parent_dag_id: dagId, parent_run_id: runId } = conf as Record<string, unknown>;
    return typeof dagId === 'string' && typeof runId === 'string' ? { dagId, runId } : null;
  } catch {
    return null;
  }
}

const state = (s: string): RunState => (RunState.safeParse(s).success ? (s as RunState) : 'queued');

/** Runs that fed a run (asset events it consumed, the run that triggered it) and runs it fed. */
export class RunLinks {
  private readonly runByKey;
  private readonly triggeredAfter;
  private readonly consumedUris;
  private readonly producedUris;
  private readonly latestEventBefore;
  private readonly eventsOfRun;
  private readonly consumers;
  private readonly firstAssetRunAfter;

  constructor(db: Database.Database) {
    this.runByKey = db.prepare('SELECT dag_id, run_id, state FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?');
    this.triggeredAfter = db.prepare(
      `SELECT dag_id, run_id, state FROM dag_runs WHERE env_id = @envId AND start_date >= @from AND start_date <= @to
         AND triggered_by = 'operator' AND json_valid(conf_json)
         AND json_extract(conf_json, '$.parent_dag_id') = @dagId AND json_extract(conf_json, '$.parent_run_id') = @runId
       ORDER BY start_date LIMIT 20`,
    );
    this.consumedUris = db.prepare(`SELECT DISTINCT uri FROM asset_links WHERE env_id = ? AND dag_id = ? AND role = 'consumer'`);
    this.producedUris = db.prepare(`SELECT DISTINCT uri FROM asset_links WHERE env_id = ? AND dag_id = ? AND role = 'producer'`);
    this.latestEventBefore = db.prepare(
      `SELECT source_dag_id, source_run_id, timestamp FROM asset_events WHERE env_id = ? AND uri = ? AND timestamp <= ?
         AND source_run_id IS NOT NULL ORDER BY timestamp DESC LIMIT 1`,
    );
    this.eventsOfRun = db.prepare(
      `SELECT timestamp FROM asset_events WHERE env_id = @envId AND uri = @uri AND timestamp >= @from AND timestamp <= @to
         AND source_dag_id = @dagId AND source_run_id = @runId ORDER BY timestamp LIMIT 1`,
    );
    this.consumers = db.prepare(`SELECT DISTINCT dag_id FROM asset_links WHERE env_id = ? AND uri = ? AND role = 'consumer'`);
    this.firstAssetRunAfter = db.prepare(
      `SELECT dag_id, run_id, state FROM dag_runs WHERE env_id = ? AND dag_id = ? AND start_date >= ?
         AND run_type IN ('asset_triggered', 'dataset_triggered') ORDER BY start_date LIMIT 1`,
    );
  }

  upstream(run: LinkedRunKey): RunLink[] {
    const links: RunLink[] = [];
    const triggeredBy = parent(run.confJson);
    if (triggeredBy !== null) {
      const row = this.runByKey.get(run.envId, triggeredBy.dagId, triggeredBy.runId) as LinkRow | undefined;
      if (row)
        links.push({
          envId: run.envId,
          dagId: row.dag_id,
          runId: row.run_id,
          state: state(row.state),
          via: 'trigger',
          detail: 'triggered this run',
        });
    }
    const at = run.queuedAt ?? run.startDate;
    if (at !== null && (run.runType === 'asset_triggered' || run.runType === 'dataset_triggered')) {
      for (const { uri } of this.consumedUris.all(run.envId, run.dagId) as { uri: string }[]) {
        const event = this.latestEventBefore.get(run.envId, uri, at) as { source_dag_id: string; source_run_id: string } | undefined;
        if (!event) continue;
        const row = this.runByKey.get(run.envId, event.source_dag_id, event.source_run_id) as LinkRow | undefined;
        if (row) links.push({ envId: run.envId, dagId: row.dag_id, runId: row.run_id, state: state(row.state), via: 'asset', detail: uri });
      }
    }
    return links;
  }

  /** The assets the run's DAG produces, each with the DAGs that consume it (only assets some DAG consumes). */
  assetConsumers(run: Pick<LinkedRunKey, 'envId' | 'dagId'>): { uri: string; dagIds: string[] }[] {
    return (this.producedUris.all(run.envId, run.dagId) as { uri: string }[])
      .map(({ uri }) => ({ uri, dagIds: (this.consumers.all(run.envId, uri) as { dag_id: string }[]).map((c) => c.dag_id).sort() }))
      .filter((a) => a.dagIds.length > 0);
  }

  downstream(run: LinkedRunKey): RunLink[] {
    if (run.startDate === null) return [];
    const until = new Date(Date.parse(run.endDate ?? run.startDate) + TRIGGER_SLACK_MS).toISOString();
    const links: RunLink[] = (
      this.triggeredAfter.all({ envId: run.envId, from: run.startDate, to: until, dagId: run.dagId, runId: run.runId }) as LinkRow[]
    ).map((row) => ({
      envId: run.envId,
      dagId: row.dag_id,
      runId: row.run_id,
      state: state(row.state),
      via: 'trigger',
      detail: 'triggered by this run',
    }));
    for (const { uri } of this.producedUris.all(run.envId, run.dagId) as { uri: string }[]) {
      const event = this.eventsOfRun.get({ envId: run.envId, uri, from: run.startDate, to: until, dagId: run.dagId, runId: run.runId }) as
        | { timestamp: string }
        | undefined;
      if (!event) continue;
      for (const { dag_id: consumer } of this.consumers.all(run.envId, uri) as { dag_id: string }[]) {
        const row = this.firstAssetRunAfter.get(run.envId, consumer, event.timestamp) as LinkRow | undefined;
        if (row) links.push({ envId: run.envId, dagId: row.dag_id, runId: row.run_id, state: state(row.state), via: 'asset', detail: uri });
      }
    }
    return links;
  }
}
