import type Database from 'better-sqlite3';
import type { CopilotContext } from '../../../../src-shared/domain/copilot';

/**
 * What a question names, resolved against the cache: the DAG, task, run,
 * asset and day it is about. Small models copy ids well but find them badly,
 * so the agent looks them up itself and offers them as drafted arguments.
 * Only ids that exist in the environment are returned.
 */
export interface QuestionEntities {
  readonly dagId: string | null;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly asset: string | null;
  /** A day the question names (YYYY-MM-DD), "today" and "yesterday" included. */
  readonly date: string | null;
  /** How many days back the question looks (covers `date`; 7 for "this week"). */
  readonly days: number | null;
  /** The run found from the DAG and the day rather than named: the failed one of that day, else the latest failed one. */
  readonly runFrom: 'question' | 'context' | 'date' | 'latest_failure' | null;
}

/** Run time as history/run-time's RUN_TIME_SQL computes it. */
const RUN_AT = 'COALESCE(start_date, queued_at, run_after, logical_date)';
const DAY_MS = 86_400_000;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `id` occurs in `text` as a whole token (not inside a longer id). */
function mentions(text: string, id: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.-])${escapeRe(id.toLowerCase())}($|[^A-Za-z0-9_-])`).test(text);
}

/** The longest candidate the text mentions: `orders_daily_v2` wins over `orders_daily`. */
function longestMentioned(text: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  for (const c of candidates) if (c.length >= 3 && mentions(text, c) && (best === null || c.length > best.length)) best = c;
  return best;
}

function dayOf(question: string, asOf: string): string | null {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(question);
  if (iso?.[1] !== undefined) return iso[1];
  if (/\byesterday\b/i.test(question)) return new Date(Date.parse(asOf) - DAY_MS).toISOString().slice(0, 10);
  if (/\btoday\b/i.test(question)) return asOf.slice(0, 10);
  return null;
}

function daysBack(question: string, date: string | null, asOf: string): number | null {
  if (date !== null) {
    const back = Math.ceil((Date.parse(asOf) - Date.parse(`${date}T00:00:00.000Z`)) / DAY_MS) + 1;
    return Math.min(90, Math.max(1, back));
  }
  if (/\b(this|last|past) week\b|\brecent(ly)?\b|\blately\b/i.test(question)) return 7;
  if (/\b(this|last|past) month\b/i.test(question)) return 30;
  return null;
}

function failedRunOn(db: Database.Database, envId: string, dagId: string, date: string): string | null {
  const row = db
    .prepare(
      `SELECT run_id FROM dag_runs WHERE env_id = ? AND dag_id = ? AND state = 'failed' AND substr(${RUN_AT}, 1, 10) = ?
       ORDER BY ${RUN_AT} LIMIT 1`,
    )
    .get(envId, dagId, date) as { run_id: string } | undefined;
  return row?.run_id ?? null;
}

export function latestFailedRun(db: Database.Database, envId: string, dagId: string, asOf: string): string | null {
  const row = db
    .prepare(
      `SELECT run_id FROM dag_runs WHERE env_id = ? AND dag_id = ? AND state = 'failed' AND ${RUN_AT} <= ? ORDER BY ${RUN_AT} DESC LIMIT 1`,
    )
    .get(envId, dagId, asOf) as { run_id: string } | undefined;
  return row?.run_id ?? null;
}

function firstFailedTask(db: Database.Database, envId: string, dagId: string, runId: string): string | null {
  const row = db
    .prepare(
      `SELECT task_id FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND state IN ('failed', 'upstream_failed')
              ORDER BY state = 'upstream_failed', COALESCE(end_date, start_date) LIMIT 1`,
    )
    .get(envId, dagId, runId) as { task_id: string } | undefined;
  return row?.task_id ?? null;
}

/** A run id the question quotes, with its DAG (run ids repeat across DAGs: the named DAG's one wins). */
function quotedRun(db: Database.Database, envId: string, text: string, dagId: string | null): { dagId: string; runId: string } | null {
  const tokens = [...new Set(text.match(/[A-Za-z0-9_.:+-]{8,}/g) ?? [])];
  for (const token of tokens) {
    const row = db
      .prepare('SELECT dag_id, run_id FROM dag_runs WHERE env_id = ? AND lower(run_id) = ? ORDER BY dag_id = ? DESC LIMIT 1')
      .get(envId, token, dagId ?? '') as { dag_id: string; run_id: string } | undefined;
    if (row) return { dagId: row.dag_id, runId: row.run_id };
  }
  return null;
}

export function resolveQuestion(
  db: Database.Database,
  envId: string,
  asOf: string,
  question: string,
  context: CopilotContext | null,
): QuestionEntities {
  const text = question.toLowerCase();
  const dagIds = (db.prepare('SELECT dag_id FROM dags WHERE env_id = ? AND deleted_at IS NULL').all(envId) as { dag_id: string }[]).map(
    (r) => r.dag_id,
  );
  const assets = (db.prepare('SELECT DISTINCT uri FROM assets WHERE env_id = ?').all(envId) as { uri: string }[]).map((r) => r.uri);
  const asset = assets.filter((uri) => text.includes(uri.toLowerCase())).sort((a, b) => b.length - a.length)[0] ?? null;
  const quoted = quotedRun(db, envId, text, longestMentioned(text, dagIds));
  const dagId = longestMentioned(text, dagIds) ?? quoted?.dagId ?? context?.dagId ?? null;
  const taskIds =
    dagId === null
      ? []
      : (db.prepare('SELECT task_id FROM tasks WHERE env_id = ? AND dag_id = ?').all(envId, dagId) as { task_id: string }[]).map(
          (r) => r.task_id,
        );
  const date = dayOf(question, asOf);
  const days = daysBack(question, date, asOf);

  let runId: string | null = null;
  let runFrom: QuestionEntities['runFrom'] = null;
  if (quoted !== null && quoted.dagId === dagId) [runId, runFrom] = [quoted.runId, 'question'];
  else if (context?.runId && context.dagId === dagId) [runId, runFrom] = [context.runId, 'context'];
  else if (dagId !== null && date !== null) {
    runId = failedRunOn(db, envId, dagId, date);
    runFrom = runId === null ? null : 'date';
  }
  if (runId === null && dagId !== null && /\bfail|\berror|\bbroke|\bcrash/i.test(question)) {
    runId = latestFailedRun(db, envId, dagId, asOf);
    runFrom = runId === null ? null : 'latest_failure';
  }
  const named = longestMentioned(text, taskIds) ?? (context?.dagId === dagId ? (context?.taskId ?? null) : null);
  const taskId = named ?? (dagId !== null && runId !== null ? firstFailedTask(db, envId, dagId, runId) : null);
  return { dagId, taskId, runId, asset, date, days, runFrom };
}
