import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HistoryWriter } from '../../src-main/services/cache/history-writer';

export const HOSTILE = {
  dagId: '<img src=x onerror="window.__pwned=1">dag',
  taskId: '<img src=x onerror=window.__pwned=2>task',
  runId: 'manual__<script>window.__pwned=3</script>',
  note: '<img src=x onerror=window.__pwned=4> see javascript:window.__pwned=5',
  confLink: 'javascript:window.__pwned=6',
  logLine: 'ERROR - <img src=x onerror=window.__pwned=7> open javascript:window.__pwned=8',
} as const;

/** Writes a failed run whose every Airflow string is an XSS payload into the served app's cache, through HistoryWriter. */
export function writeHostileRun(dataDir: string, at: string): void {
  const db = new Database(join(dataDir, 'cache.sqlite'));
  try {
    const writer = new HistoryWriter(db);
    const start = new Date(Date.parse(at) - 3_600_000).toISOString();
    const end = new Date(Date.parse(at) - 3_000_000).toISOString();
    const queued = new Date(Date.parse(start) - 20_000).toISOString();
    writer.transaction(() => {
      writer.dag.run({
        envId: 'demo',
        dagId: HOSTILE.dagId,
        description: HOSTILE.note,
        schedule: null,
        isPaused: false,
        owners: ['<b>x</b>'],
        tags: ['<i>t</i>'],
        fileloc: null,
        paramsJson: null,
        lastParsed: null,
        maxActiveRuns: null,
        timetableDescription: null,
        timezone: null,
        nextDagrunLogical: null,
        nextDagrunRunAfter: null,
      });
      writer.task.run({
        envId: 'demo',
        dagId: HOSTILE.dagId,
        taskId: HOSTILE.taskId,
        operator: 'PythonOperator',
        pool: null,
        queue: null,
        retries: 0,
        triggerRule: null,
        isMapped: false,
        taskGroup: null,
        downstream: [],
      });
      writer.run.run({
        envId: 'demo',
        dagId: HOSTILE.dagId,
        runId: HOSTILE.runId,
        state: 'failed',
        runType: 'manual',
        logicalDate: start,
        runAfter: start,
        queuedAt: queued,
        startDate: start,
        endDate: end,
        durationS: 600,
        confJson: JSON.stringify({ link: HOSTILE.confLink }),
        note: HOSTILE.note,
        dagVersion: '1',
        triggeredBy: 'ui',
      });
      writer.taskInstance.run({
        envId: 'demo',
        dagId: HOSTILE.dagId,
        runId: HOSTILE.runId,
        taskId: HOSTILE.taskId,
        mapIndex: -1,
        state: 'failed',
        tryNumber: 1,
        maxTries: 1,
        startDate: start,
        endDate: end,
        durationS: 600,
        queuedAt: queued,
        hostname: '<img src=x>',
        operator: 'PythonOperator',
        pool: null,
        queue: null,
        executor: null,
        note: null,
      });
      writer.taskLog.run({
        envId: 'demo',
        dagId: HOSTILE.dagId,
        runId: HOSTILE.runId,
        taskId: HOSTILE.taskId,
        mapIndex: -1,
        tryNumber: 1,
        content: `INFO start\n${HOSTILE.logLine}\nTraceback (most recent call last):\nValueError: <svg onload=window.__pwned=9>`,
        truncated: false,
      });
    });
  } finally {
    db.close();
  }
}
