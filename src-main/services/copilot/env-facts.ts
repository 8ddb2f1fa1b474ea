import type Database from 'better-sqlite3';
import type { Narrowing } from './agent/grammar-schema';

const MAX_ENUM = 400;

export interface EnvFacts {
  readonly name: string;
  readonly readOnly: boolean;
}

export function envFacts(db: Database.Database, envId: string): EnvFacts | null {
  const row = db.prepare('SELECT name, read_only FROM environments WHERE id = ?').get(envId) as
    | { name: string; read_only: number }
    | undefined;
  return row ? { name: row.name, readOnly: row.read_only === 1 } : null;
}

/** DAG and task ids (and asset URIs) the grammar may choose from, so a small model cannot misspell them (skipped when there are too many). */
export function narrowingFor(db: Database.Database, envId: string): Narrowing {
  const dags = (
    db.prepare('SELECT dag_id FROM dags WHERE env_id = ? AND deleted_at IS NULL ORDER BY dag_id LIMIT ?').all(envId, MAX_ENUM + 1) as {
      dag_id: string;
    }[]
  ).map((r) => r.dag_id);
  const tasks = (
    db.prepare('SELECT DISTINCT task_id FROM tasks WHERE env_id = ? ORDER BY task_id LIMIT ?').all(envId, MAX_ENUM + 1) as {
      task_id: string;
    }[]
  ).map((r) => r.task_id);
  const assets = (
    db.prepare('SELECT DISTINCT uri FROM assets WHERE env_id = ? ORDER BY uri LIMIT ?').all(envId, MAX_ENUM + 1) as { uri: string }[]
  ).map((r) => r.uri);
  return {
    ...(assets.length > 0 && assets.length <= MAX_ENUM ? { asset: assets } : {}),
    ...(dags.length > 0 && dags.length <= MAX_ENUM ? { dagId: dags } : {}),
    ...(tasks.length > 0 && tasks.length <= MAX_ENUM ? { taskId: tasks } : {}),
  };
}
