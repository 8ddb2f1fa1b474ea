import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

describe('AnalyticsService on a real SQLite cache', () => {
  let g: Generated;
  beforeAll(() => {
    g = generate({ dags: 12, days: 45, seed: 7 });
  }, 60_000);
  afterAll(() => g.dispose());

  it('scores, stores and answers the named questions; an unchanged history is not rescored', async () => {
    const scored: string[] = [];
    const service = new AnalyticsService(g.db, new JobRegistry(() => undefined), (envId) => scored.push(envId));
    const first = await service.rescore('demo', AS_OF);
    expect(first.rescored).toBe(true);
    expect(scored).toEqual(['demo']);
    const list = service.store.list({ envId: 'demo', limit: 50 });
    expect(list.total).toBeGreaterThan(0);
    // What needs attention now first: the day last seen (newest first), then severity.
    const rank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
    const keys = list.items.map((a) => `${a.endsAt.slice(0, 10)}|${3 - rank[a.severity]}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const top = list.items[0];
    expect(top).toBeDefined();
    const detail = service.store.get('demo', top?.anomalyId ?? '');
    expect(detail?.expected.length).toBeGreaterThan(0);
    expect(detail?.why.length).toBeGreaterThan(0);
    const late = service.store.list({ envId: 'demo', kinds: ['late_schedule'], limit: 50 });
    expect(late.items.every((a) => a.kind === 'late_schedule')).toBe(true);
    const patterns = service.store.patterns('demo');
    expect(patterns.length).toBeGreaterThan(0);
    expect(service.store.pattern('demo', patterns[0]?.patternId ?? '')?.samples.length).toBeGreaterThan(0);
    const risks = service.store.risks('demo', undefined, 20);
    expect(risks.every((r) => r.probability >= 0 && r.probability <= 1)).toBe(true);
    const withLateness = risks.filter((r) => r.lateProbability !== null);
    expect(withLateness.length).toBeGreaterThan(0);
    expect(
      withLateness.every(
        (r) => (r.lateProbability ?? -1) >= 0 && (r.lateProbability ?? 2) <= 1 && r.summary.includes('likely to finish later than usual'),
      ),
    ).toBe(true);
    expect(withLateness[0]?.lateReasons[0]?.text).toMatch(/usually done within/);
    expect((await service.rescore('demo', AS_OF)).rescored).toBe(false);
  });
});
