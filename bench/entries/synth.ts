import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCache } from '../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { totalRows } from '../../src-main/services/synth/row-counts';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const GOAL_TI_PER_S = 150_000;

/** Raw positional inserts of `count` task-instance-shaped rows into a bare table (no key, no index): the ceiling. */
function baselineRowsPerSecond(file: string, count: number): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE ti_bare (env_id TEXT, dag_id TEXT, run_id TEXT, task_id TEXT, map_index INTEGER, state TEXT,
      try_number INTEGER, max_tries INTEGER, start_date TEXT, end_date TEXT, duration_s REAL, queued_at TEXT, hostname TEXT,
      operator TEXT, pool TEXT, queue TEXT, executor TEXT, note TEXT)`);
    const insert = db.prepare('INSERT INTO ti_bare VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const base = Date.parse(AS_OF) - count * 1000;
    const started = performance.now();
    const batch = 50_000;
    for (let from = 0; from < count; from += batch) {
      db.transaction(() => {
        for (let i = from; i < Math.min(count, from + batch); i++) {
          const t = new Date(base + i * 1000).toISOString();
          insert.run(
            'demo',
            `dag_${i % 100}`,
            `scheduled__${t}`,
            `task_${i % 7}`,
            -1,
            'success',
            1,
            2,
            t,
            t,
            12.5,
            t,
            'worker-3',
            'PythonOperator',
            'default_pool',
            'default',
            'CeleryExecutor',
            null,
          );
        }
      })();
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

async function measure(dags: number, days: number): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orc-bench-synth-'));
  try {
    const { db } = openCache(join(dir, 'cache.sqlite'));
    const started = performance.now();
    const summary = generateSyntheticHistory(db, { envId: 'bench', dags, days, seed: 7, asOf: AS_OF });
    const seconds = (performance.now() - started) / 1000;
    db.close();
    const tiPerS = summary.counts.task_instances / seconds;
    const baseline = baselineRowsPerSecond(join(dir, 'bare.sqlite'), summary.counts.task_instances);
    const size = `${dags}x${days}`;
    return [
      figure(`synth ${size} task instances/s`, Math.round(tiPerS), 'TI/s', { baseline: Math.round(baseline), goal: GOAL_TI_PER_S }),
      figure(`synth ${size} task instances`, summary.counts.task_instances, 'rows'),
      figure(`synth ${size} total rows`, totalRows(summary.counts), 'rows'),
      figure(`synth ${size} rows/s`, Math.round(totalRows(summary.counts) / seconds), 'rows/s'),
      figure(`synth ${size} wall time`, Math.round(seconds * 100) / 100, 's'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entry: BenchEntry = {
  name: 'synth',
  async run() {
    const figures = await measure(100, 90);
    if (process.env.BENCH_FULL === '1') figures.push(...(await measure(500, 365)));
    return figures;
  },
};

export default entry;
