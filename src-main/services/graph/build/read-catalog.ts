import type Database from 'better-sqlite3';

export interface EnvRow { id: string; name: string; kind: string; synthetic: number; as_of: string | null }
export interface DagRow { dag_id: string; description: string | null; schedule: string | null; is_paused: number; owners_json: string; tags_json: string }
export interface TaskRow {
  dag_id: string;
  task_id: string;
  operator: string | null;
  pool: string | null;
  is_mapped: number;
  task_group: string | null;
  downstream_json: string;
}
export interface AssetRow { uri: string; name: string | null; last_event_at: string | null }
export interface AssetLinkRow { uri: string; dag_id: string; task_id: string; role: 'producer' | 'consumer' }
export interface PoolRow { name: string; slots: number }

/** The static shape of one environment: DAGs, tasks, assets and pools (fixed SQL, bound values). */
export class CatalogReader {
  private readonly dagsStmt;
  private readonly tasksStmt;
  private readonly assetsStmt;
  private readonly linksStmt;
  private readonly poolsStmt;

  constructor(private readonly db: Database.Database) {
    this.dagsStmt = db.prepare(
      `SELECT dag_id, description, schedule, is_paused, owners_json, tags_json FROM dags
       WHERE env_id = ? AND deleted_at IS NULL ORDER BY dag_id`,
    );
    this.tasksStmt = db.prepare(
      `SELECT t.dag_id, t.task_id, t.operator, t.pool, t.is_mapped, t.task_group, t.downstream_json FROM tasks t
       JOIN dags d ON d.env_id = t.env_id AND d.dag_id = t.dag_id AND d.deleted_at IS NULL
       WHERE t.env_id = ? ORDER BY t.dag_id, t.task_id`,
    );
    this.assetsStmt = db.prepare(
      `SELECT a.uri, a.name, (SELECT MAX(e.timestamp) FROM asset_events e WHERE e.env_id = a.env_id AND e.uri = a.uri) AS last_event_at
       FROM assets a WHERE a.env_id = ? ORDER BY a.uri`,
    );
    this.linksStmt = db.prepare('SELECT uri, dag_id, task_id, role FROM asset_links WHERE env_id = ? ORDER BY uri, dag_id, task_id, role');
    this.poolsStmt = db.prepare('SELECT name, slots FROM pools WHERE env_id = ? ORDER BY name');
  }

  environments(): EnvRow[] {
    return this.db.prepare('SELECT id, name, kind, synthetic, as_of FROM environments ORDER BY id').all() as EnvRow[];
  }

  dags(envId: string): DagRow[] {
    return this.dagsStmt.all(envId) as DagRow[];
  }

  tasks(envId: string): TaskRow[] {
    return this.tasksStmt.all(envId) as TaskRow[];
  }

  assets(envId: string): AssetRow[] {
    return this.assetsStmt.all(envId) as AssetRow[];
  }

  assetLinks(envId: string): AssetLinkRow[] {
    return this.linksStmt.all(envId) as AssetLinkRow[];
  }

  pools(envId: string): PoolRow[] {
    return this.poolsStmt.all(envId) as PoolRow[];
  }
}
