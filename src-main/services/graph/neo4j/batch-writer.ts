import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';

export class Neo4jSyncCancelled extends Error {
  constructor() {
    super('The Neo4j sync was cancelled.');
    this.name = 'Neo4jSyncCancelled';
  }
}

/** One fixed statement and the rows it takes as `$rows`, cut into batches by the writer. */
export interface WriteStep {
  text: string;
  rows: readonly unknown[];
  message: string;
  /** Receives the records each batch returns. */
  onRecords?: (records: readonly Neo4jRecord[]) => void;
}

export interface WriterOptions {
  database: string;
  batchSize: number;
  /** Sessions writing at once. */
  concurrency: number;
  signal?: AbortSignal;
  onBatch?: (rows: number, message: string) => void;
}

/**
 * Writes steps in batches of `batchSize` rows, one transaction each, on up to
 * `concurrency` sessions at once (the caller only puts batches together that
 * touch disjoint data or tolerate a retried deadlock: `executeWrite` retries
 * transient errors). Checks for cancellation before every batch; on the
 * first failure the other sessions stop at their next batch.
 */
export class BatchWriter {
  counterUpdates = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: WriterOptions,
  ) {}

  async write(steps: readonly WriteStep[]): Promise<void> {
    const queue: { step: WriteStep; rows: readonly unknown[] }[] = [];
    for (const step of steps) {
      for (let i = 0; i < step.rows.length; i += this.options.batchSize)
        queue.push({ step, rows: step.rows.slice(i, i + this.options.batchSize) });
    }
    let failed = false;
    const worker = async (): Promise<void> => {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        for (let next = queue.shift(); next !== undefined && !failed; next = queue.shift()) {
          if (this.options.signal?.aborted) throw new Neo4jSyncCancelled();
          const { step, rows } = next;
          const result = await session.executeWrite((tx) => tx.run(step.text, { rows }));
          step.onRecords?.(result.records);
          this.counterUpdates += Object.values(result.summary.counters.updates()).reduce((a, b) => a + b, 0);
          this.options.onBatch?.(rows.length, step.message);
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        await session.close();
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency, queue.length));
    const outcomes = await Promise.allSettled(Array.from({ length: workers }, worker));
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (rejected) throw rejected.reason;
  }
}
