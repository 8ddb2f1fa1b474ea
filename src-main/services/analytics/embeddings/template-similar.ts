import type Database from 'better-sqlite3';
import type { SimilarFailure } from '../../../../src-shared/domain/similar-failures';
import type { FailureKey } from './embedding-store';

type Instance = Omit<FailureKey, 'tryNumber'> & { readonly tryNumber?: number | undefined };

const PATTERN_OF = `SELECT h.pattern_id FROM error_pattern_hits h
  WHERE h.env_id = @envId AND h.dag_id = @dagId AND h.run_id = @runId AND h.task_id = @taskId AND h.map_index = @mapIndex
    AND (@tryNumber IS NULL OR h.try_number = @tryNumber)
  ORDER BY h.try_number DESC LIMIT 1`;

const SAME_PATTERN = `SELECT h.dag_id, h.run_id, h.task_id, h.map_index, MAX(h.try_number) AS try_number, p.template,
    COALESCE(t.end_date, t.start_date) AS at
  FROM error_pattern_hits h
  JOIN error_patterns p ON p.env_id = h.env_id AND p.pattern_id = h.pattern_id
  LEFT JOIN task_instances t ON t.env_id = h.env_id AND t.dag_id = h.dag_id AND t.run_id = h.run_id AND t.task_id = h.task_id AND t.map_index = h.map_index
  WHERE h.env_id = @envId AND h.pattern_id = @patternId
    AND NOT (h.dag_id = @dagId AND h.run_id = @runId AND h.task_id = @taskId AND h.map_index = @mapIndex)
  GROUP BY h.dag_id, h.run_id, h.task_id, h.map_index
  ORDER BY at DESC LIMIT @limit`;

type Row = { dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number; template: string; at: string | null };

/**
 * Template similarity: the latest other failures of the environment whose
 * log matched the same mined error pattern. Null when no pattern is known
 * for the failure (its environment is not scored yet, or its log is not cached).
 */
export function templateSimilar(db: Database.Database, at: Instance, envName: string, limit: number): SimilarFailure[] | null {
  const instance = { envId: at.envId, dagId: at.dagId, runId: at.runId, taskId: at.taskId, mapIndex: at.mapIndex };
  const pattern = db.prepare(PATTERN_OF).get({ ...instance, tryNumber: at.tryNumber ?? null }) as { pattern_id: string } | undefined;
  if (pattern === undefined) return null;
  const rows = db.prepare(SAME_PATTERN).all({ ...instance, patternId: pattern.pattern_id, limit }) as Row[];
  return rows.map((r) => ({
    envId: at.envId,
    envName,
    dagId: r.dag_id,
    runId: r.run_id,
    taskId: r.task_id,
    mapIndex: r.map_index,
    tryNumber: r.try_number,
    score: 1,
    at: r.at,
    excerpt: r.template,
  }));
}
