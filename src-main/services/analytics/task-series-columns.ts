import { compareBinary } from './binary-order';
import type { TaskSeries } from './history-types';

/** What the tasks table says of one task: its configured retries and direct downstream tasks. */
export interface TaskFacts {
  readonly retries: number | null;
  readonly downstream: readonly string[];
}

/** One loaded task instance, as the loader hands it over (reused between rows). */
export interface SeriesRow {
  runId: string;
  mapIndex: number;
  startMs: number;
  /** The start's text where it does not order as its milliseconds do (null: it does). */
  start: string | null;
  endMs: number;
  queuedMs: number;
  durationS: number;
  failed: number;
  tryNumber: number;
  earlierFailed: number;
  earlierExhausted: number;
  hostname: string | null;
  /** The table's rowid (NaN: a WITHOUT ROWID table). */
  rowid: number;
}

const NUMERIC = [
  'mapIndex',
  'startMs',
  'endMs',
  'queuedMs',
  'durationS',
  'failed',
  'tryNumber',
  'earlierFailed',
  'earlierExhausted',
  'rowid',
] as const;
type Numeric = (typeof NUMERIC)[number];

/** One task's rows as they arrive, in growable typed columns; `build` puts them in the order the detectors read. */
export class SeriesColumns {
  private length = 0;
  private numbers: Record<Numeric, Float64Array>;
  private readonly runIds: string[] = [];
  private readonly hostnames: (string | null)[] = [];
  /** Starts kept as text (row index → text), for the rare start that does not order as its milliseconds. */
  private readonly starts = new Map<number, string>();

  constructor(
    readonly dagId: string,
    readonly taskId: string,
  ) {
    this.numbers = columns(64);
  }

  push(row: SeriesRow): void {
    const i = this.length++;
    if (i === this.numbers.startMs.length) {
      const grown = columns(i * 2);
      for (const k of NUMERIC) grown[k].set(this.numbers[k]);
      this.numbers = grown;
    }
    const c = this.numbers;
    c.mapIndex[i] = row.mapIndex;
    c.startMs[i] = row.startMs;
    c.endMs[i] = row.endMs;
    c.queuedMs[i] = row.queuedMs;
    c.durationS[i] = row.durationS;
    c.failed[i] = row.failed;
    c.tryNumber[i] = row.tryNumber;
    c.earlierFailed[i] = row.earlierFailed;
    c.earlierExhausted[i] = row.earlierExhausted;
    c.rowid[i] = row.rowid;
    this.runIds.push(row.runId);
    this.hostnames.push(row.hostname);
    if (row.start !== null) this.starts.set(i, row.start);
  }

  /** The series; its pool is its first instance's (`poolOf`), as it was when the series was one ordered query. */
  build(facts: TaskFacts, poolOf: (runId: string, mapIndex: number) => string | null): TaskSeries {
    const order = this.order();
    const n = order.length;
    const c = this.numbers;
    const first = order[0] as number;
    const s: TaskSeries = {
      retries: facts.retries,
      downstream: facts.downstream,
      dagId: this.dagId,
      taskId: this.taskId,
      pool: poolOf(this.runIds[first] as string, c.mapIndex[first] as number),
      runIds: new Array<string>(n),
      mapIndexes: new Int32Array(n),
      startMs: new Float64Array(n),
      endMs: new Float64Array(n),
      queuedMs: new Float64Array(n),
      durationS: new Float64Array(n),
      exhausted: new Uint8Array(n),
      succeeded: new Uint8Array(n),
      failedTries: new Uint8Array(n),
      tries: new Uint8Array(n),
      hostnames: new Array<string | null>(n),
      length: n,
    };
    for (let i = 0; i < n; i++) {
      const j = order[i] as number;
      const failed = c.failed[j] as number;
      s.runIds[i] = this.runIds[j] as string;
      s.mapIndexes[i] = c.mapIndex[j] as number;
      s.startMs[i] = c.startMs[j] as number;
      s.endMs[i] = c.endMs[j] as number;
      s.queuedMs[i] = c.queuedMs[j] as number;
      s.durationS[i] = c.durationS[j] as number;
      s.succeeded[i] = 1 - failed;
      s.exhausted[i] = failed === 1 || c.earlierExhausted[j] === 1 ? 1 : 0;
      s.failedTries[i] = Math.min(255, (c.earlierFailed[j] as number) + failed);
      s.tries[i] = Math.min(255, Math.max(1, c.tryNumber[j] as number));
      s.hostnames[i] = this.hostnames[j] as string | null;
    }
    return s;
  }

  /**
   * Row indexes in the by-task-time index's order (the order the ordered query gave): start, then the table's key
   * (its rowid, or in a WITHOUT ROWID table run id and map index).
   */
  private order(): number[] {
    const n = this.length;
    const order = new Array<number>(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      if (sorted && i > 0 && this.compare(i - 1, i) > 0) sorted = false;
    }
    return sorted ? order : order.sort((a, b) => this.compare(a, b));
  }

  private compare(a: number, b: number): number {
    const c = this.numbers;
    const byStart =
      this.starts.size > 0 && (this.starts.has(a) || this.starts.has(b))
        ? compareBinary(this.startText(a), this.startText(b))
        : (c.startMs[a] as number) - (c.startMs[b] as number);
    if (byStart !== 0) return byStart;
    const rowA = c.rowid[a] as number;
    const rowB = c.rowid[b] as number;
    if (!Number.isNaN(rowA) && !Number.isNaN(rowB)) return rowA - rowB;
    return compareBinary(this.runIds[a] as string, this.runIds[b] as string) || (c.mapIndex[a] as number) - (c.mapIndex[b] as number);
  }

  /** A canonical start is exactly the ISO text of its milliseconds. */
  private startText(i: number): string {
    return this.starts.get(i) ?? new Date(this.numbers.startMs[i] as number).toISOString();
  }
}

function columns(capacity: number): Record<Numeric, Float64Array> {
  return Object.fromEntries(NUMERIC.map((k) => [k, new Float64Array(capacity)])) as Record<Numeric, Float64Array>;
}
