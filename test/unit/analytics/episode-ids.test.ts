import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsStore } from '../../../src-main/services/analytics/analytics-store';
import type { Finding } from '../../../src-main/services/analytics/finding';
import { minePatterns } from '../../../src-main/services/analytics/patterns/pattern-miner';
import { handHistory, quietDays, type HandHistory } from './hand-history';

function finding(taskId: string, startsMs: number, endsMs: number, severity: Finding['severity']): Finding {
  return {
    kind: 'failure_burst',
    dagId: 'orders_daily',
    taskId,
    runId: null,
    severity,
    score: 5,
    startsMs,
    endsMs,
    detectedMs: endsMs,
    title: taskId,
    expected: '',
    observed: '',
    why: '',
    unit: '',
    series: [],
    causes: [],
    runIds: [],
  };
}

const DAY = 86_400_000;
const T = Date.parse('2026-11-01T00:00:00.000Z');

describe('the anomalies list', () => {
  let h: HandHistory;
  let store: AnalyticsStore;
  const save = (fs: readonly Finding[]): void =>
    store.replace('prod', T + 30 * DAY, fs, minePatterns([], 0), [], { fingerprint: 'x', tiCount: 0, modelJson: '{}' });
  beforeAll(() => {
    h = handHistory([{ taskId: 'load', retries: 0, downstream: [] }], quietDays(1));
    store = new AnalyticsStore(h.db);
  });
  afterAll(() => h.dispose());

  it("keeps an episode's id while it is updated and the other findings change around it", () => {
    save([finding('a', T, T + DAY, 'low'), finding('load', T + 2 * DAY, T + 3 * DAY, 'high')]);
    const before = store.list({ envId: 'prod', limit: 10 }).items.find((a) => a.taskId === 'load')?.anomalyId;
    save([finding('load', T + 2 * DAY, T + 5 * DAY, 'critical'), finding('b', T, T + DAY, 'low'), finding('a', T, T + DAY, 'low')]);
    const after = store.list({ envId: 'prod', limit: 10 }).items.find((a) => a.taskId === 'load');
    expect(after?.anomalyId).toBe(before);
    expect(after?.severity).toBe('critical');
  });

  it("puts today's medium finding above a month-old critical one, and severity first within a day", () => {
    save([
      finding('old', T - 30 * DAY, T - 29 * DAY, 'critical'),
      finding('today', T + 29 * DAY, T + 29 * DAY + 3_600_000, 'medium'),
      finding('today_high', T + 29 * DAY, T + 29 * DAY + 60_000, 'high'),
    ]);
    expect(store.list({ envId: 'prod', limit: 10 }).items.map((a) => a.taskId)).toEqual(['today_high', 'today', 'old']);
  });
});
