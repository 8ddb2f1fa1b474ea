import type Database from 'better-sqlite3';
import type { Citation } from '../../src-shared/domain/copilot';

/** Whether what a citation points at exists in the cache: the link in the app would open something. */
export function citationResolves(db: Database.Database, envId: string, c: Citation): boolean {
  switch (c.kind) {
    case 'run':
      return db.prepare('SELECT 1 FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?').get(envId, c.dagId, c.runId) !== undefined;
    case 'task':
      return c.runId === null
        ? db.prepare('SELECT 1 FROM tasks WHERE env_id = ? AND dag_id = ? AND task_id = ?').get(envId, c.dagId, c.taskId) !== undefined
        : db
            .prepare('SELECT 1 FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ?')
            .get(envId, c.dagId, c.runId, c.taskId) !== undefined;
    case 'log':
      return (
        db
          .prepare(
            'SELECT 1 FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND (? IS NULL OR try_number = ?)',
          )
          .get(envId, c.dagId, c.runId, c.taskId, c.tryNumber, c.tryNumber) !== undefined
      );
    case 'dag':
      return db.prepare('SELECT 1 FROM dags WHERE env_id = ? AND dag_id = ?').get(envId, c.dagId) !== undefined;
    case 'asset':
      return db.prepare('SELECT 1 FROM assets WHERE env_id = ? AND uri = ?').get(envId, c.uri ?? '') !== undefined;
  }
}

/** The [R3] references an answer mentions, and how many of them resolve. */
export function citationScore(
  db: Database.Database,
  envId: string,
  text: string,
  citations: readonly Citation[],
): { mentioned: number; resolved: number } {
  const refs = [...new Set([...text.matchAll(/\[(R\d{1,4})\]/g)].map((m) => m[1]))];
  const byRef = new Map(citations.map((c) => [c.ref, c]));
  const resolved = refs.filter((r) => {
    const c = r === undefined ? undefined : byRef.get(r);
    return c !== undefined && citationResolves(db, envId, c);
  });
  return { mentioned: refs.length, resolved: resolved.length };
}
