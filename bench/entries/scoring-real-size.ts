import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvHistory } from '../../src-main/services/analytics/history-load';
import { scoreEnvironment } from '../../src-main/services/analytics/score-environment';
import { openCache } from '../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { BENCH_AS_OF, BENCH_ENV, benchCacheRoot } from '../cached-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

/** About 1,000,000 task instances: 100 DAGs over a year (REAL_SIZE_DAGS / REAL_SIZE_DAYS override). */
const DAGS = Number(process.env.REAL_SIZE_DAGS ?? 100);
const DAYS = Number(process.env.REAL_SIZE_DAYS ?? 365);
const SEED = 7;

/** The synthetic cache file (DAGs, tasks, runs, task instances, tries, logs), built once and kept under the bench cache. */
function cacheFile(): string {
  const dir = join(benchCacheRoot(), `scoring-${DAGS}x${DAYS}-seed${SEED}-${BENCH_AS_OF.slice(0, 10)}`);
  const file = join(dir, 'cache.sqlite');
  if (existsSync(file)) return file;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  process.stderr.write(`bench: building ${dir} (once; kept for later runs) ...\n`);
  const { db } = openCache(join(building, 'cache.sqlite'));
  try {
    generateSyntheticHistory(db, { envId: BENCH_ENV, envName: 'Bench', dags: DAGS, days: DAYS, seed: SEED, asOf: BENCH_AS_OF });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return file;
}

const cpuS = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The whole scoring pass at real size through the app's path: load the
 * history from SQLite (DAGs, runs, task instances, tries, logs), then every
 * detector and the log miner. Best of 3 of each part, CPU time of the process.
 */
const entry: BenchEntry = {
  name: 'scoring-real-size',
  async run(): Promise<BenchFigure[]> {
    const { db } = openCache(cacheFile());
    try {
      let load = { wall: Infinity, cpu: Infinity };
      let score = { wall: Infinity, cpu: Infinity };
      let rows = 0;
      let runs = 0;
      let logs = 0;
      let findings = 0;
      for (let k = 0; k < 3; k++) {
        let c = process.cpuUsage();
        let t = performance.now();
        const history = loadEnvHistory(db, BENCH_ENV, BENCH_AS_OF);
        load = { wall: Math.min(load.wall, (performance.now() - t) / 1000), cpu: Math.min(load.cpu, cpuS(c)) };
        c = process.cpuUsage();
        t = performance.now();
        findings = scoreEnvironment(history).findings.length;
        score = { wall: Math.min(score.wall, (performance.now() - t) / 1000), cpu: Math.min(score.cpu, cpuS(c)) };
        rows = history.taskInstanceCount;
        runs = [...history.runsByDag.values()].reduce((a, r) => a + r.length, 0);
        logs = history.logs.length;
      }
      const size = `${DAGS} DAGs × ${DAYS} days`;
      return [
        figure(`${size}: task instances`, rows, 'rows'),
        figure(`${size}: DAG runs`, runs, 'rows'),
        figure(`${size}: failure logs`, logs, 'rows'),
        figure(`${size}: findings`, findings, 'findings'),
        figure(`${size}: load from SQLite, CPU`, r3(load.cpu), 's'),
        figure(`${size}: load task instances/s (CPU)`, Math.round(rows / load.cpu), 'rows/s', { goal: 1_000_000 }),
        figure(`${size}: scoring (every detector, log miner), CPU`, r3(score.cpu), 's'),
        figure(`${size}: whole pass (load + scoring), CPU`, r3(load.cpu + score.cpu), 's', { goal: 1, lowerIsBetter: true }),
        figure(`${size}: whole pass, wall`, r3(load.wall + score.wall), 's'),
      ];
    } finally {
      db.close();
    }
  },
};

export default entry;
