import type Database from 'better-sqlite3';
import type { AppNotification, RuleAction, RuleFiring } from '../../../src-shared/domain/rules';

type FiringRow = {
  env_id: string;
  rule_id: string;
  subject: string;
  window_key: string;
  rule_version: number;
  rule_name: string;
  dag_id: string;
  task_id: string | null;
  run_id: string | null;
  at: string;
  title: string;
  detail: string;
  action: string;
};
type NotificationRow = FiringRow & { id: number; created_at: string; read: number; desktop: number };

const COLUMNS = 'env_id, rule_id, subject, window_key, rule_version, rule_name, dag_id, task_id, run_id, at, title, detail, action';

function toFiring(r: FiringRow): RuleFiring {
  return {
    envId: r.env_id,
    ruleId: r.rule_id,
    subject: r.subject,
    window: r.window_key,
    ruleVersion: r.rule_version,
    ruleName: r.rule_name,
    dagId: r.dag_id,
    taskId: r.task_id,
    runId: r.run_id,
    at: r.at,
    title: r.title,
    detail: r.detail,
    action: r.action as RuleAction,
  };
}

const values = (f: RuleFiring): unknown[] => [
  f.envId,
  f.ruleId,
  f.subject,
  f.window,
  f.ruleVersion,
  f.ruleName,
  f.dagId,
  f.taskId,
  f.runId,
  f.at,
  f.title,
  f.detail,
  f.action,
];

/** Stored firings (one per rule, subject and window), in-app notifications, and how far each environment was evaluated. */
export class FiringStore {
  constructor(private readonly db: Database.Database) {}

  /** Stores the firings not stored before; returns only those (the dedupe is the primary key). One transaction. */
  record(firings: readonly RuleFiring[], now = new Date()): RuleFiring[] {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO rule_firings (${COLUMNS}, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const fresh: RuleFiring[] = [];
    this.db.transaction(() => {
      for (const f of firings) if (insert.run(...values(f), now.toISOString()).changes > 0) fresh.push(f);
    })();
    return fresh;
  }

  firings(envId: string, limit: number, ruleId?: string): RuleFiring[] {
    const rows =
      ruleId === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM rule_firings WHERE env_id = ? ORDER BY at DESC LIMIT ?`).all(envId, limit)
        : this.db
            .prepare(`SELECT ${COLUMNS} FROM rule_firings WHERE env_id = ? AND rule_id = ? ORDER BY at DESC LIMIT ?`)
            .all(envId, ruleId, limit);
    return (rows as FiringRow[]).map(toFiring);
  }

  notify(f: RuleFiring, desktop: boolean, now = new Date()): AppNotification {
    const info = this.db
      .prepare(`INSERT INTO notifications (${COLUMNS}, desktop, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...values(f), desktop ? 1 : 0, now.toISOString());
    return { ...f, id: Number(info.lastInsertRowid), createdAt: now.toISOString(), read: false, desktop };
  }

  notifications(limit: number): AppNotification[] {
    const rows = this.db
      .prepare(`SELECT id, ${COLUMNS}, desktop, created_at, read FROM notifications ORDER BY id DESC LIMIT ?`)
      .all(limit) as NotificationRow[];
    return rows.map((r) => ({ ...toFiring(r), id: r.id, createdAt: r.created_at, read: r.read === 1, desktop: r.desktop === 1 }));
  }

  markRead(ids: readonly number[] | null): number {
    if (ids === null) return this.db.prepare('UPDATE notifications SET read = 1 WHERE read = 0').run().changes;
    const update = this.db.prepare('UPDATE notifications SET read = 1 WHERE id = ? AND read = 0');
    let n = 0;
    this.db.transaction(() => {
      for (const id of ids) n += update.run(id).changes;
    })();
    return n;
  }

  evaluatedTo(envId: string): string | null {
    const row = this.db.prepare('SELECT evaluated_to FROM rule_evaluations WHERE env_id = ?').get(envId) as
      | { evaluated_to: string }
      | undefined;
    return row?.evaluated_to ?? null;
  }

  setEvaluatedTo(envId: string, asOf: string): void {
    this.db
      .prepare(
        'INSERT INTO rule_evaluations (env_id, evaluated_to) VALUES (?, ?) ON CONFLICT (env_id) DO UPDATE SET evaluated_to = excluded.evaluated_to',
      )
      .run(envId, asOf);
  }
}
