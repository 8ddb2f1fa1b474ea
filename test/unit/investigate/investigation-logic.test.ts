import { describe, expect, it } from 'vitest';
import { airflowTaskUrl } from '../../../src-main/services/investigate/airflow-links';
import { criticalPath } from '../../../src-main/services/investigate/critical-path';
import { ganttSegments } from '../../../src-main/services/investigate/gantt-segments';
import { scheduleIntervalSeconds } from '../../../src-main/services/investigate/schedule-interval';
import { topologicalOrder } from '../../../src-main/services/investigate/task-order';
import { readWindow } from '../../../src-renderer/features/links/date-window';
import { firstTraceback, logLines, searchLines, splitMatches } from '../../../src-renderer/features/task/log-lines';

describe('investigation logic', () => {
  it('reads schedule intervals from presets and crons, and nothing from asset schedules', () => {
    expect(scheduleIntervalSeconds('@hourly')).toBe(3600);
    expect(scheduleIntervalSeconds('45 * * * *')).toBe(3600);
    expect(scheduleIntervalSeconds('0 2 * * *')).toBe(86_400);
    expect(scheduleIntervalSeconds('0 */6 * * *')).toBe(6 * 3600);
    expect(scheduleIntervalSeconds('0 3 * * 1')).toBe(7 * 86_400);
    expect(scheduleIntervalSeconds('Asset("s3://lake/x")')).toBeNull();
    expect(scheduleIntervalSeconds(null)).toBeNull();
  });

  it('builds Gantt segments: earlier tries, the wait before a retry, queue time, the last try', () => {
    const segments = ganttSegments(
      {
        tryNumber: 2,
        state: 'success',
        queuedAt: '2025-01-01T00:05:00Z',
        startDate: '2025-01-01T00:05:10Z',
        endDate: '2025-01-01T00:06:00Z',
      },
      [{ tryNumber: 1, state: 'up_for_retry', startDate: '2025-01-01T00:00:00Z', endDate: '2025-01-01T00:01:00Z' }],
      '2025-01-02T00:00:00Z',
    );
    expect(segments.map((s) => [s.kind, s.start, s.end])).toEqual([
      ['retry', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z'],
      ['wait', '2025-01-01T00:01:00Z', '2025-01-01T00:05:00Z'],
      ['queued', '2025-01-01T00:05:00Z', '2025-01-01T00:05:10Z'],
      ['run', '2025-01-01T00:05:10Z', '2025-01-01T00:06:00Z'],
    ]);
    // upstream_failed: Airflow stamps start and end at once, but nothing ran: no bar (not a tick in a run colour).
    const never = { tryNumber: 0, queuedAt: null, startDate: '2025-01-01T00:06:00Z', endDate: '2025-01-01T00:06:00Z' };
    expect(ganttSegments({ ...never, state: 'upstream_failed' }, [], '2025-01-02T00:00:00Z')).toEqual([]);
    expect(ganttSegments({ ...never, state: 'skipped' }, [], '2025-01-02T00:00:00Z')).toEqual([]);
  });

  it('follows the latest-ending upstream from the last task for the critical path', () => {
    const path = criticalPath([
      { taskId: 'a', start: '01', end: '02', upstream: [] },
      { taskId: 'b', start: '02', end: '05', upstream: ['a'] },
      { taskId: 'c', start: '02', end: '03', upstream: ['a'] },
      { taskId: 'd', start: '05', end: '06', upstream: ['b', 'c'] },
    ]);
    expect(path).toEqual(['a', 'b', 'd']);
    expect(criticalPath([{ taskId: 'x', start: null, end: null, upstream: [] }])).toEqual([]);
    // A failed run: publish never started (upstream_failed, yet Airflow stamps its end), so the path ends at the failure.
    const failed = criticalPath([
      { taskId: 'extract', start: '01', end: '02', upstream: [] },
      { taskId: 'fetch', start: '02', end: '04', upstream: ['extract'] },
      { taskId: 'publish', start: null, end: '05', upstream: ['fetch'] },
    ]);
    expect(failed).toEqual(['extract', 'fetch']);
  });

  it('orders tasks upstream first', () => {
    expect(
      topologicalOrder([
        { taskId: 'load', downstream: [] },
        { taskId: 'extract', downstream: ['load'] },
      ]),
    ).toEqual(['extract', 'load']);
  });

  it('links into Airflow only over http(s), with ids encoded', () => {
    expect(airflowTaskUrl({ kind: 'airflow3', baseUrl: 'https://af.example.com/' }, 'd/x', 'r?1', 't', -1)).toBe(
      'https://af.example.com/dags/d%2Fx/runs/r%3F1/tasks/t',
    );
    expect(airflowTaskUrl({ kind: 'airflow3', baseUrl: 'javascript:alert(1)' }, 'd', 'r', 't', -1)).toBeNull();
    expect(airflowTaskUrl({ kind: 'demo', baseUrl: null }, 'd', 'r', 't', -1)).toBeNull();
  });

  it('finds error lines, the first traceback and search matches in a log, as text parts', () => {
    const lines = logLines('INFO start\n[x] ERROR - boom\nTraceback (most recent call last):\n  File "a.py"\nValueError: bad <img src=x>');
    expect(lines.filter((l) => l.error).map((l) => l.index)).toEqual([1, 2, 4]);
    expect(firstTraceback(lines)).toBe(2);
    expect(searchLines(lines, 'img')).toEqual([4]);
    expect(splitMatches('a <IMG> b', 'img')).toEqual([
      { text: 'a <', match: false },
      { text: 'IMG', match: true },
      { text: '> b', match: false },
    ]);
  });

  it('reads a date window from the route, defaulting to the last days before now', () => {
    const now = Date.parse('2025-06-02T12:00:00Z');
    expect(readWindow({}, now, 7)).toEqual({ from: '2025-05-27T00:00:00.000Z', to: '2025-06-03T00:00:00.000Z' });
    expect(readWindow({ from: '2025-05-01', to: '2025-05-02' }, now, 7)).toEqual({
      from: '2025-05-01T00:00:00.000Z',
      to: '2025-05-03T00:00:00.000Z',
    });
    expect(readWindow({ from: 'junk' }, now, 1).from).toBe('2025-06-02T00:00:00.000Z');
  });
});
