import type Database from 'better-sqlite3';
import type { ErrorPatternRow } from '../../analytics/error-pattern-row';

export type PatternRow = Pick<ErrorPatternRow, 'pattern_id' | 'template' | 'exception' | 'count' | 'first_seen' | 'last_seen' | 'is_new'>;
export interface PatternHitRow { dag_id: string; run_id: string; task_id: string; map_index: number; pattern_id: string }

/** The log error patterns the analytics miner wrote (`error_patterns`), and which task instance each failure log belongs to. */
export class PatternReader {
  private readonly patternsStmt;
  private readonly hitsStmt;

  constructor(db: Database.Database) {
    this.patternsStmt = db.prepare(
      'SELECT pattern_id, template, exception, count, first_seen, last_seen, is_new FROM error_patterns WHERE env_id = ? ORDER BY pattern_id',
    );
    this.hitsStmt = db.prepare(
      `SELECT DISTINCT dag_id, run_id, task_id, map_index, pattern_id FROM error_pattern_hits
       WHERE env_id = ? ORDER BY dag_id, run_id, task_id, map_index, pattern_id`,
    );
  }

  patterns(envId: string): PatternRow[] {
    return this.patternsStmt.all(envId) as PatternRow[];
  }

  hits(envId: string): PatternHitRow[] {
    return this.hitsStmt.all(envId) as PatternHitRow[];
  }
}
