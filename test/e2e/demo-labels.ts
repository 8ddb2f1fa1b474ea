import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface DemoLabel {
  kind: string;
  dagId: string;
  taskId: string | null;
  detail: Record<string, unknown>;
}

/** The exact incident labels of the served Demo (table synth_labels), read straight from its cache file. */
export function readDemoLabels(dataDir: string): DemoLabel[] {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT kind, dag_id, task_id, detail_json FROM synth_labels WHERE env_id = 'demo'").all() as {
      kind: string;
      dag_id: string;
      task_id: string | null;
      detail_json: string;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      dagId: r.dag_id,
      taskId: r.task_id,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

/** The DAG of the Demo with the most task instances, runs x tasks (the grid test's subject). */
export function largestDemoDag(dataDir: string): string {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare("SELECT dag_id FROM task_instances WHERE env_id = 'demo' GROUP BY dag_id ORDER BY COUNT(*) DESC, dag_id LIMIT 1")
      .get() as { dag_id: string };
    return row.dag_id;
  } finally {
    db.close();
  }
}
