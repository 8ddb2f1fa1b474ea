import { describe, expect, it } from 'vitest';
import type { AirflowSource, LogExcerpt, TaskInstanceKey } from '../../../src-main/services/airflow/airflow-source';
import type { TaskInstanceRow, TaskTryRow } from '../../../src-main/services/cache/rows';
import { readTriesAndLogs } from '../../../src-main/services/sync/tries-and-logs';

const ti = (over: Partial<TaskInstanceRow>): TaskInstanceRow => ({
  envId: 'e',
  dagId: 'd',
  runId: 'r',
  taskId: 't',
  mapIndex: -1,
  state: 'failed',
  tryNumber: 1,
  maxTries: 1,
  startDate: '2026-01-01T00:00:00.000Z',
  endDate: '2026-01-01T00:01:00.000Z',
  durationS: 60,
  queuedAt: null,
  hostname: 'worker-1',
  operator: 'BashOperator',
  pool: 'default_pool',
  queue: 'default',
  executor: null,
  note: null,
  ...over,
});

/** Records what a sync asks Airflow for; answers tries 1 (up_for_retry) and 2 (the instance). */
function recordingSource() {
  const asked: string[] = [];
  const source = {
    async listTries(key: TaskInstanceKey): Promise<TaskTryRow[]> {
      asked.push(`tries ${key.taskId}`);
      const base = {
        envId: 'e',
        dagId: key.dagId,
        runId: key.runId,
        taskId: key.taskId,
        mapIndex: key.mapIndex,
        startDate: null,
        endDate: null,
        durationS: null,
        hostname: null,
      };
      return [
        { ...base, tryNumber: 1, state: 'up_for_retry' },
        { ...base, tryNumber: 2, state: 'success' },
      ];
    },
    async getLog(key: TaskInstanceKey, tryNumber: number): Promise<LogExcerpt> {
      asked.push(`log ${key.taskId} ${tryNumber}`);
      return { content: `log of try ${tryNumber}`, truncated: false };
    },
  } as unknown as AirflowSource;
  return { source, asked };
}

const options = { storedTries: false, hasLog: () => false, logMaxBytes: 1024 };

describe('tries and logs of a changed task instance', () => {
  it('asks only for the log of a task instance that failed on its only try, and keeps that try from the instance', async () => {
    const { source, asked } = recordingSource();
    const read = await readTriesAndLogs(source, ti({}), options);
    expect(asked).toEqual(['log t 1']);
    expect(read.tries).toEqual([
      {
        envId: 'e',
        dagId: 'd',
        runId: 'r',
        taskId: 't',
        mapIndex: -1,
        tryNumber: 1,
        state: 'failed',
        startDate: '2026-01-01T00:00:00.000Z',
        endDate: '2026-01-01T00:01:00.000Z',
        durationS: 60,
        hostname: 'worker-1',
      },
    ]);
    expect(read.logs.map((l) => l.excerpt.content)).toEqual(['log of try 1']);
  });

  it('asks for the tries of a retried task instance and the log of its retried try only', async () => {
    const { source, asked } = recordingSource();
    const read = await readTriesAndLogs(source, ti({ state: 'success', tryNumber: 2 }), options);
    expect(asked).toEqual(['tries t', 'log t 1']);
    expect(read.tries.map((t) => [t.tryNumber, t.state])).toEqual([
      [1, 'up_for_retry'],
      [2, 'success'],
    ]);
  });

  it('asks for the tries again when tries were stored before (they may have changed), and no log already cached', async () => {
    const { source, asked } = recordingSource();
    await readTriesAndLogs(source, ti({ state: 'success', tryNumber: 1 }), { ...options, storedTries: true, hasLog: () => true });
    expect(asked).toEqual(['tries t']);
  });
});
