import type Database from 'better-sqlite3';
import type { AnomalyMark } from '../../../src-shared/domain/analytics';

type MarkRow = { dag_id: string; task_id: string; mark: AnomalyMark['mark']; marked_at: string };

/** Acknowledge / mute per task, stored in the local cache so rescoring keeps them. */
export class AnomalyMarks {
  constructor(private readonly db: Database.Database) {}

  list(envId: string): AnomalyMark[] {
    const rows = this.db
      .prepare('SELECT dag_id, task_id, mark, marked_at FROM anomaly_marks WHERE env_id = ? ORDER BY dag_id, task_id')
      .all(envId) as MarkRow[];
    return rows.map((r) => ({ dagId: r.dag_id, taskId: r.task_id, mark: r.mark, markedAt: r.marked_at }));
  }

  set(envId: string, dagId: string, taskId: string, mark: AnomalyMark['mark'] | null, now = new Date()): AnomalyMark[] {
    if (mark === null)
      this.db.prepare('DELETE FROM anomaly_marks WHERE env_id = ? AND dag_id = ? AND task_id = ?').run(envId, dagId, taskId);
    else {
      this.db
        .prepare(
          `INSERT INTO anomaly_marks (env_id, dag_id, task_id, mark, marked_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (env_id, dag_id, task_id) DO UPDATE SET mark = excluded.mark, marked_at = excluded.marked_at`,
        )
        .run(envId, dagId, taskId, mark, now.toISOString());
    }
    return this.list(envId);
  }
}
