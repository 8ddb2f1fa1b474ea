import type Database from 'better-sqlite3';
import type { PaletteHit } from '../../../src-shared/api/requests/palette';
import { RUN_TIME_SQL } from '../history/run-time';
import { allWordsIn, queryWords, rankById, wordParams } from './query-words';

interface Row {
  env_id: string;
  dag_id: string;
  label: string;
  detail: string | null;
  extra: string | null;
}

/** Candidates fetched per kind before ranking (the palette shows at most 50 hits). */
const PER_KIND = 50;

/**
 * The palette's search over the cache: DAGs, tasks, error patterns, assets and runs whose ids (or a pattern's text)
 * hold every word of the query, across environments or in one. All SQL fixed here; the words are bound.
 */
export class PaletteSearch {
  private readonly statements;

  constructor(db: Database.Database) {
    const env = '(@envId IS NULL OR env_id = @envId)';
    this.statements = {
      dag: db.prepare(`SELECT env_id, dag_id, dag_id AS label, description AS detail, NULL AS extra FROM dags
        WHERE ${env} AND deleted_at IS NULL AND ${allWordsIn('dag_id')} LIMIT ${PER_KIND}`),
      task: db.prepare(`SELECT env_id, dag_id, task_id AS label, operator AS detail, NULL AS extra FROM tasks
        WHERE ${env} AND ${allWordsIn("dag_id || ' ' || task_id")} LIMIT ${PER_KIND}`),
      pattern: db.prepare(`SELECT env_id, '' AS dag_id, exception AS label, template AS detail, pattern_id AS extra FROM error_patterns
        WHERE ${env} AND ${allWordsIn("exception || ' ' || template")} ORDER BY last_seen DESC LIMIT ${PER_KIND}`),
      asset: db.prepare(`SELECT env_id, '' AS dag_id, uri AS label, name AS detail, NULL AS extra FROM assets
        WHERE ${env} AND ${allWordsIn("uri || ' ' || COALESCE(name, '')")} LIMIT ${PER_KIND}`),
      run: db.prepare(`SELECT env_id, dag_id, run_id AS label, state AS detail, NULL AS extra FROM dag_runs
        WHERE ${env} AND deleted_upstream = 0 AND ${allWordsIn('run_id')} ORDER BY ${RUN_TIME_SQL} DESC LIMIT ${PER_KIND}`),
    };
  }

  search(query: string, envId: string | undefined, limit: number): PaletteHit[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const params = { envId: envId ?? null, ...wordParams(words) };
    const rows = (kind: keyof PaletteSearch['statements']): Row[] => this.statements[kind].all(params) as Row[];
    const byId = (items: Row[]): Row[] => rankById(items, (r) => r.label, query, words);
    const hits: PaletteHit[] = [
      ...byId(rows('dag')).map(
        (r): PaletteHit => ({ kind: 'dag', envId: r.env_id, dagId: r.dag_id, runId: null, label: r.label, detail: r.detail ?? 'DAG' }),
      ),
      ...byId(rows('task')).map(
        (r): PaletteHit => ({
          kind: 'task',
          envId: r.env_id,
          dagId: r.dag_id,
          runId: null,
          taskId: r.label,
          label: r.label,
          detail: `task of ${r.dag_id}${r.detail ? ` · ${r.detail}` : ''}`,
        }),
      ),
      ...rows('pattern').map(
        (r): PaletteHit => ({
          kind: 'pattern',
          envId: r.env_id,
          dagId: '',
          runId: null,
          patternId: r.extra ?? '',
          label: r.label || 'Error',
          detail: (r.detail ?? '').slice(0, 160),
        }),
      ),
      ...byId(rows('asset')).map(
        (r): PaletteHit => ({
          kind: 'asset',
          envId: r.env_id,
          dagId: '',
          runId: null,
          uri: r.label,
          label: r.label,
          detail: r.detail ? `asset · ${r.detail}` : 'asset',
        }),
      ),
      ...rows('run').map(
        (r): PaletteHit => ({
          kind: 'run',
          envId: r.env_id,
          dagId: r.dag_id,
          runId: r.label,
          label: r.label,
          detail: `${r.dag_id} · ${r.detail ?? ''}`,
        }),
      ),
    ];
    return hits.slice(0, limit);
  }
}
