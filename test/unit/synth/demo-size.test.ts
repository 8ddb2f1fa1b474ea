import { describe, expect, it } from 'vitest';
import { LABEL_KINDS } from '../../../src-main/services/synth/incident-types';
import { DEMO_DEFAULTS } from '../../../src-main/services/synth/synth-options';
import { generate } from './synth-fixture';

describe('the default Demo size', () => {
  it('lands in a sensible range', () => {
    const g = generate({ dags: DEMO_DEFAULTS.dags, days: DEMO_DEFAULTS.days, seed: DEMO_DEFAULTS.seed });
    try {
      const c = g.summary.counts;
      console.log('demo counts', JSON.stringify(c), 'labels', g.summary.labels.map((l) => l.kind).join(','));
      expect(c.dags).toBe(25);
      expect(c.dag_runs).toBeGreaterThan(3_000);
      expect(c.dag_runs).toBeLessThan(40_000);
      expect(c.task_instances).toBeGreaterThan(20_000);
      expect(c.task_instances).toBeLessThan(250_000);
      expect(c.task_logs).toBeGreaterThan(50);
      expect(c.task_logs).toBeLessThan(0.05 * c.task_instances);
      expect(new Set(g.summary.labels.map((l) => l.kind)).size).toBe(LABEL_KINDS.length);
      const failedRuns = g.db.prepare("SELECT COUNT(*) AS n FROM dag_runs WHERE env_id = 'demo' AND state = 'failed'").get() as {
        n: number;
      };
      expect(failedRuns.n / c.dag_runs).toBeLessThan(0.05);
      expect(failedRuns.n).toBeGreaterThan(10);
    } finally {
      g.dispose();
    }
  });
});
