import type Database from 'better-sqlite3';
import type { FailedTry } from '../../../../src-shared/domain/similar-failures';
import type { IndexedVector } from './vector-index';

/** A failed try, as Airflow identifies it, in one environment. */
export type FailureKey = FailedTry;

/** A cached failure log not yet embedded with the current model. */
export interface PendingLog extends FailureKey {
  readonly endedAt: string | null;
  readonly content: string;
}

export interface StoredEmbedding extends FailureKey {
  readonly endedAt: string | null;
  readonly excerpt: string;
  readonly vector: Float32Array | null;
}

type PendingRow = [string, string, string, number, number, string | null, string];
type VectorRow = [string, string, string, string, number, number, Buffer];
type EmbeddingRow = [string | null, string, Buffer];

const PENDING_FROM = `
FROM task_logs l
LEFT JOIN task_tries tt ON tt.env_id = l.env_id AND tt.dag_id = l.dag_id AND tt.run_id = l.run_id AND tt.task_id = l.task_id
  AND tt.map_index = l.map_index AND tt.try_number = l.try_number
LEFT JOIN task_instances ti ON ti.env_id = l.env_id AND ti.dag_id = l.dag_id AND ti.run_id = l.run_id AND ti.task_id = l.task_id
  AND ti.map_index = l.map_index AND ti.try_number = l.try_number
WHERE l.env_id = @envId AND NOT EXISTS (
  SELECT 1 FROM failure_embeddings e WHERE e.model_id = @modelId AND e.env_id = l.env_id AND e.dag_id = l.dag_id
    AND e.run_id = l.run_id AND e.task_id = l.task_id AND e.map_index = l.map_index AND e.try_number = l.try_number)`;
const PENDING_SQL = `SELECT l.dag_id, l.run_id, l.task_id, l.map_index, l.try_number,
  COALESCE(tt.end_date, ti.end_date, l.fetched_at) AS ended, l.content ${PENDING_FROM} ORDER BY ended LIMIT @limit`;
const PENDING_COUNT_SQL = `SELECT COUNT(*) AS n ${PENDING_FROM}`;

const DROP_ORPHANS_SQL = `
DELETE FROM failure_embeddings WHERE env_id = @envId AND NOT EXISTS (
  SELECT 1 FROM task_logs l WHERE l.env_id = failure_embeddings.env_id AND l.dag_id = failure_embeddings.dag_id
    AND l.run_id = failure_embeddings.run_id AND l.task_id = failure_embeddings.task_id
    AND l.map_index = failure_embeddings.map_index AND l.try_number = failure_embeddings.try_number)`;

const INSERT_SQL = `
INSERT INTO failure_embeddings (model_id, env_id, dag_id, run_id, task_id, map_index, try_number, ended_at, excerpt, vector)
VALUES (@modelId, @envId, @dagId, @runId, @taskId, @mapIndex, @tryNumber, @endedAt, @excerpt, @vector)
ON CONFLICT DO UPDATE SET ended_at = excluded.ended_at, excerpt = excluded.excerpt, vector = excluded.vector`;

const VECTORS_SQL = `SELECT env_id, dag_id, run_id, task_id, map_index, try_number, vector FROM failure_embeddings
  WHERE model_id = ? AND length(vector) > 0`;

const ONE_SQL = `SELECT ended_at, excerpt, vector FROM failure_embeddings
  WHERE model_id = ? AND env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?`;

const LATEST_TRY_SQL = `SELECT MAX(try_number) AS try_number FROM failure_embeddings
  WHERE model_id = ? AND env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND length(vector) > 0`;

function toBlob(vector: Float32Array | null): Buffer {
  return vector === null ? Buffer.alloc(0) : Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function fromBlob(blob: Buffer): Float32Array | null {
  if (blob.length === 0) return null;
  const copy = new Uint8Array(blob);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

/** Failure embeddings in the cache: vectors as Float32 BLOBs keyed by the failed try and the model. */
export class EmbeddingStore {
  constructor(private readonly db: Database.Database) {}

  /** Cached failure logs of one environment that the model has not embedded yet, oldest first. */
  pending(envId: string, modelId: string, limit: number): PendingLog[] {
    return (this.db.prepare(PENDING_SQL).raw().all({ envId, modelId, limit }) as PendingRow[]).map(
      ([dagId, runId, taskId, mapIndex, tryNumber, endedAt, content]) => ({
        envId,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        endedAt,
        content,
      }),
    );
  }

  pendingCount(envId: string, modelId: string): number {
    return (this.db.prepare(PENDING_COUNT_SQL).get({ envId, modelId }) as { n: number }).n;
  }

  /** Drops embeddings whose log left the cache (history outside the window). */
  dropOrphans(envId: string): number {
    return this.db.prepare(DROP_ORPHANS_SQL).run({ envId }).changes;
  }

  /** Stores a batch in one transaction; a null vector records a log with nothing to embed, so it is not tried again. */
  put(modelId: string, rows: readonly StoredEmbedding[]): void {
    const insert = this.db.prepare(INSERT_SQL);
    this.db.transaction(() => {
      for (const r of rows)
        insert.run({
          modelId,
          envId: r.envId,
          dagId: r.dagId,
          runId: r.runId,
          taskId: r.taskId,
          mapIndex: r.mapIndex,
          tryNumber: r.tryNumber,
          endedAt: r.endedAt,
          excerpt: r.excerpt,
          vector: toBlob(r.vector),
        });
    })();
  }

  /** Every stored vector of one model, across environments. */
  vectors(modelId: string): IndexedVector<FailureKey>[] {
    return (this.db.prepare(VECTORS_SQL).raw().all(modelId) as VectorRow[]).flatMap(
      ([envId, dagId, runId, taskId, mapIndex, tryNumber, blob]) => {
        const vector = fromBlob(blob);
        return vector === null ? [] : [{ key: { envId, dagId, runId, taskId, mapIndex, tryNumber }, vector }];
      },
    );
  }

  get(modelId: string, key: FailureKey): StoredEmbedding | null {
    const row = this.db.prepare(ONE_SQL).raw().get(modelId, key.envId, key.dagId, key.runId, key.taskId, key.mapIndex, key.tryNumber) as
      | EmbeddingRow
      | undefined;
    return row === undefined ? null : { ...key, endedAt: row[0], excerpt: row[1], vector: fromBlob(row[2]) };
  }

  /** The last embedded try of a task instance (the one a task view shows by default). */
  latestTry(modelId: string, key: Omit<FailureKey, 'tryNumber'>): number | null {
    const row = this.db.prepare(LATEST_TRY_SQL).get(modelId, key.envId, key.dagId, key.runId, key.taskId, key.mapIndex) as
      | { try_number: number | null }
      | undefined;
    return row?.try_number ?? null;
  }

  count(modelId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM failure_embeddings WHERE model_id = ? AND length(vector) > 0').get(modelId) as {
        n: number;
      }
    ).n;
  }
}
