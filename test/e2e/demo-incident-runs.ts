import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DemoLabel } from './demo-labels';

/** Every run id a label names (its failed tries, task instances, affected or delayed runs), whatever the kind. */
export function labelRunIds(label: DemoLabel): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value !== null && typeof value === 'object') {
      const runId = (value as { runId?: unknown }).runId;
      if (typeof runId === 'string') ids.add(runId);
      for (const v of Object.values(value)) if (typeof v === 'object') visit(v);
    }
  };
  for (const [key, value] of Object.entries(label.detail)) {
    if (typeof value === 'string' && /RunId$/.test(key)) ids.add(value);
    else if (Array.isArray(value) && /RunIds$/.test(key)) {
      for (const v of value) if (typeof v === 'string') ids.add(v);
    } else visit(value);
  }
  return ids;
}

/** The DAGs fed by a DAG's assets in the served Demo, transitively, from the cache's asset links (not from the graph). */
export function assetConsumersOf(dataDir: string, dagId: string): Set<string> {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const consumers = db
      .prepare(
        `SELECT DISTINCT c.dag_id FROM asset_links p JOIN asset_links c ON c.env_id = p.env_id AND c.uri = p.uri AND c.role = 'consumer'
       WHERE p.env_id = 'demo' AND p.dag_id = ? AND p.role = 'producer' AND c.dag_id <> p.dag_id`,
      )
      .pluck();
    const found = new Set<string>();
    const queue = [dagId];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const d of consumers.all(next) as string[]) {
        if (found.has(d) || d === dagId) continue;
        found.add(d);
        queue.push(d);
      }
    }
    return found;
  } finally {
    db.close();
  }
}
