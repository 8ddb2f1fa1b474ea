import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import { scoreEnvironment } from '../../../src-main/services/analytics/score-environment';
import { HistoryEvents } from '../../../src-main/services/incidents/history-events';
import { DAG, ENV, handHistory, quietDays, type HandHistory, type HandInstance } from './hand-history';

const FAILED_TWICE: HandInstance = { state: 'failed', tries: ['up_for_retry', 'failed'] };

/** Airflow 3's /tries answers the final try too: a task with 2 failed runs × 2 tries has 4 failed tries, not 6. */
describe('one definition of tries (the final try is the task instance; earlier ones are task_tries below its number)', () => {
  let h: HandHistory;
  beforeAll(() => {
    h = handHistory(
      [
        { taskId: 'load', retries: 1, downstream: ['report'] },
        { taskId: 'report', retries: 0, downstream: [] },
      ],
      [
        ...quietDays(20),
        { load: FAILED_TWICE, report: { state: 'upstream_failed', tries: [] } },
        { load: FAILED_TWICE, report: { state: 'upstream_failed', tries: [] } },
      ],
    );
  });
  afterAll(() => h.dispose());

  it('scoring reads 4 failed tries and says so', () => {
    const history = loadEnvHistory(h.db, ENV, h.asOf);
    const load = history.series.find((s) => s.taskId === 'load');
    expect(load).toBeDefined();
    const failedTries = Array.from(load?.failedTries ?? []).reduce((a, b) => a + b, 0);
    expect(failedTries).toBe(4);
    const burst = scoreEnvironment(history).findings.find((f) => f.kind === 'failure_burst');
    expect(burst?.title).toBe('load failed 2 runs in a row (4 failed tries)');
    expect(burst?.observed).toMatch(/^4 failed tries across 2 runs/);
  });

  it('the incident timeline says "was retried" only of tries that were', () => {
    const retries = new HistoryEvents(h.db).forDag(ENV, DAG, '2026-10-01T00:00:00.000Z', h.asOf).filter((e) => e.kind === 'retry');
    expect(retries).toHaveLength(2);
    expect(retries.every((e) => e.text.startsWith('Try 1 of'))).toBe(true);
  });
});
