import type Database from 'better-sqlite3';
import type { TriageItem } from '../../../src-shared/domain/investigate';
import { failedRunInWindow, type FigureWindow } from '../history/figures/figure-window';
import { runTimeOf } from '../history/run-time';

interface TriageRow {
  dag_id: string;
  run_id: string;
  at: string | null;
  duration_s: number | null;
  seen_at: string | null;
  note: string | null;
}

const FAILED_TASKS_SHOWN = 5;

/** The local triage queue: failed runs, and whether someone has seen them (table run_triage). */
export class TriageStore {
  private readonly failed;
  private readonly failedTasks;
  private readonly upsert;
  private readonly read;

  constructor(db: Database.Database) {
    // The failed runs of the window (the figure every page counts), with their triage state; `+` keeps the sort off
    // dag_runs_by_run_time, which would walk every run of the environment.
    this.failed = db.prepare(
      `SELECT r.dag_id, r.run_id, COALESCE(r.end_date, r.start_date, r.queued_at) AS at, r.duration_s, t.seen_at, t.note
       FROM dag_runs r LEFT JOIN run_triage t ON t.env_id = r.env_id AND t.dag_id = r.dag_id AND t.run_id = r.run_id
       WHERE ${failedRunInWindow('r')}
       ORDER BY +${runTimeOf('r')} DESC`,
    );
    // `+start_date`: without it SQLite orders by walking task_instances_by_time (every task instance of the
    // environment, ~0.8 s a run on the Demo) instead of reading the run's few rows by primary key and sorting them.
    this.failedTasks = db.prepare(
      `SELECT task_id, map_index FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND state = 'failed'
       ORDER BY +start_date LIMIT ${FAILED_TASKS_SHOWN}`,
    );
    this.upsert = db.prepare(
      `INSERT INTO run_triage (env_id, dag_id, run_id, seen_at, note, updated_at) VALUES (@envId, @dagId, @runId, @seenAt, @note, @now)
       ON CONFLICT (env_id, dag_id, run_id) DO UPDATE SET seen_at = excluded.seen_at, note = excluded.note, updated_at = excluded.updated_at`,
    );
    this.read = db.prepare('SELECT seen_at, note FROM run_triage WHERE env_id = ? AND dag_id = ? AND run_id = ?');
  }

  /** Failed runs of the window, newest first; `unseen` counts the whole window, `items` stops at `limit`. */
  list(envId: string, w: FigureWindow, includeSeen: boolean, limit: number): { items: TriageItem[]; unseen: number } {
    const rows = this.failed.all({ envId, from: w.from, to: w.to }) as TriageRow[];
    const unseen = rows.filter((r) => r.seen_at === null).length;
    const items = rows
      .filter((r) => includeSeen || r.seen_at === null)
      .slice(0, limit)
      .map(
        (r): TriageItem => ({
          envId,
          dagId: r.dag_id,
          runId: r.run_id,
          failedAt: r.at,
          durationS: r.duration_s,
          failedTasks: (this.failedTasks.all(envId, r.dag_id, r.run_id) as { task_id: string; map_index: number }[]).map((t) =>
            t.map_index >= 0 ? `${t.task_id}[${t.map_index}]` : t.task_id,
          ),
          seenAt: r.seen_at,
          note: r.note,
        }),
      );
    return { items, unseen };
  }

  /** Records seen (at `now`) or unseen; a note of undefined keeps the stored one. */
  mark(
    key: { envId: string; dagId: string; runId: string },
    seen: boolean,
    note: string | null | undefined,
    now: string,
  ): { seenAt: string | null; note: string | null } {
    const current = this.read.get(key.envId, key.dagId, key.runId) as { seen_at: string | null; note: string | null } | undefined;
    const nextNote = note === undefined ? (current?.note ?? null) : note === null || note.trim() === '' ? null : note;
    const seenAt = seen ? (current?.seen_at ?? now) : null;
    this.upsert.run({ ...key, seenAt, note: nextNote, now });
    return { seenAt, note: nextNote };
  }

  get(envId: string, dagId: string, runId: string): { seenAt: string | null; note: string | null } | null {
    const row = this.read.get(envId, dagId, runId) as { seen_at: string | null; note: string | null } | undefined;
    return row ? { seenAt: row.seen_at, note: row.note } : null;
  }
}
