import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../src-shared/domain/actions';

interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  env_id: string;
  env_name: string;
  action: string;
  targets_json: string;
  preview: string | null;
  result: AuditEntry['result'];
  message: string;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  osUser: r.os_user,
  envId: r.env_id,
  envName: r.env_name,
  action: r.action,
  targets: JSON.parse(r.targets_json) as string[],
  preview: r.preview,
  result: r.result,
  message: r.message,
});

const csvCell = (value: string): string => {
  // Neutralise spreadsheet formulas as well as quoting: text from Airflow is untrusted.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** Who did what, where and with which result; append-only (the table's triggers refuse changes). */
export class AuditLog {
  private readonly insert;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, os_user, env_id, env_name, action, targets_json, preview, result, message)
       VALUES (@at, @osUser, @envId, @envName, @action, @targets, @preview, @result, @message)`,
    );
  }

  record(entry: Omit<AuditEntry, 'id' | 'at' | 'osUser'>): number {
    const info = this.insert.run({
      at: new Date().toISOString(),
      osUser: osUser(),
      envId: entry.envId,
      envName: entry.envName,
      action: entry.action,
      targets: JSON.stringify(entry.targets),
      preview: entry.preview,
      result: entry.result,
      message: entry.message,
    });
    return Number(info.lastInsertRowid);
  }

  list(envId: string | undefined, limit: number): AuditEntry[] {
    const rows = (
      envId === undefined
        ? this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM audit_log WHERE env_id = ? ORDER BY id DESC LIMIT ?').all(envId, limit)
    ) as AuditRow[];
    return rows.map(toEntry);
  }

  export(envId: string | undefined, format: 'csv' | 'json'): string {
    const entries = this.list(envId, 1_000_000);
    if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
    const header = ['id', 'at', 'os_user', 'env_id', 'env_name', 'action', 'targets', 'result', 'message', 'preview'];
    const lines = entries.map((e) =>
      [String(e.id), e.at, e.osUser, e.envId, e.envName, e.action, e.targets.join(' | '), e.result, e.message, e.preview ?? '']
        .map(csvCell)
        .join(','),
    );
    return `${[header.join(','), ...lines].join('\n')}\n`;
  }
}
