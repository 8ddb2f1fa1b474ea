import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { narrowingFor } from '../../../src-main/services/copilot/env-facts';
import type { Generated } from '../synth/synth-fixture';
import { callTool, DEMO_AS_OF, demoCache, labelsOf } from './demo-copilot-fixture';

let demo: Generated;
beforeAll(() => {
  demo = demoCache();
}, 120_000);
afterAll(() => demo.dispose());

describe('analytics and graph tools over the Demo cache', () => {
  it('say plainly that nothing is scored before the analytics ran', () => {
    expect(callTool(demo.db, 'anomalies_and_risks', {}).summary).toBe('not scored yet');
    expect(callTool(demo.db, 'error_patterns', {}).summary).toBe('no patterns');
  });

  describe('once the Demo is scored', () => {
    beforeAll(async () => {
      await new AnalyticsService(demo.db, new JobRegistry(() => undefined), () => undefined).rescore('demo', DEMO_AS_OF);
    }, 240_000);

    it('anomalies_and_risks names the gradual slowdown of a labelled task, with a citation', () => {
      const detected = labelsOf(demo.db, 'gradual_slowdown').find(
        (l) =>
          demo.db
            .prepare("SELECT 1 FROM anomalies WHERE env_id = 'demo' AND dag_id = ? AND task_id = ? AND kind = 'gradual_slowdown'")
            .get(l.dagId, l.taskId) !== undefined,
      );
      if (!detected?.taskId) throw new Error('the analytics detect a labelled gradual slowdown');
      const out = callTool(demo.db, 'anomalies_and_risks', { dagId: detected.dagId, taskId: detected.taskId, days: 90 });
      expect(out.text).toMatch(new RegExp(`\\[R\\d+\\] gradual_slowdown \\w+ \\(score [\\d.]+\\) ${detected.dagId}\\.${detected.taskId}`));
      expect(out.registry.list().some((c) => c.dagId === detected.dagId && c.taskId === detected.taskId)).toBe(true);
      // Asked about slowdowns only, the whole environment's list holds nothing else.
      const slow = callTool(demo.db, 'anomalies_and_risks', { days: 90, about: 'slowdown' }).text;
      const kinds = [...slow.matchAll(/\[R\d+\] (\w+) (low|medium|high|critical) /g)].map((m) => m[1]);
      expect(kinds.length).toBeGreaterThan(0);
      expect(new Set(kinds)).toEqual(new Set(kinds.filter((k) => k === 'gradual_slowdown' || k === 'duration_spike')));
    });

    it("anomalies_and_risks lists the Demo's queue stall as a queue-time spike in its pool, and lateness beside failure risk", () => {
      const stall = labelsOf(demo.db, 'queue_spike')[0];
      if (!stall) throw new Error('the Demo has a queue stall');
      const out = callTool(demo.db, 'anomalies_and_risks', { dagId: stall.dagId, days: 90 });
      expect(out.text).toMatch(
        new RegExp(
          `\\] queue_spike \\w+ \\(score [\\d.]+\\) \\S+ from \\S+ to \\S+: \\d+ tasks waited [^;]+ in the ${stall.detail.pool} queue`,
        ),
      );
      const risky = callTool(demo.db, 'anomalies_and_risks', { days: 1 }).text;
      if (!risky.includes('no task at elevated risk'))
        expect(risky).toMatch(/likely to fail or retry next run; reasons: .*; \d+% likely to finish later than usual/);
    });

    it('error_patterns marks the labelled new error as NEW, with a log to cite', () => {
      const fresh = labelsOf(demo.db, 'new_error_pattern')[0];
      if (!fresh) throw new Error('the Demo has a new error pattern');
      const out = callTool(demo.db, 'error_patterns', { dagId: fresh.dagId, taskId: fresh.taskId ?? undefined });
      expect(out.text).toMatch(new RegExp(`NEW pattern \\S+: [\\w.]*${fresh.detail.exceptionClass}`));
      expect(out.registry.list()[0]).toMatchObject({ kind: 'log', dagId: fresh.dagId });
    });

    it('similar_failures finds the other failures of the burst by their error pattern', () => {
      const burst = labelsOf(demo.db, 'failure_burst')[0];
      const [first, ...others] = burst?.detail.failedTaskInstances ?? [];
      if (!burst || !first || others.length === 0) throw new Error('the burst failed twice');
      const out = callTool(demo.db, 'similar_failures', { dagId: burst.dagId, runId: first.runId, taskId: first.taskId });
      const listed = [...out.text.matchAll(/task=(\S+) run=(\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.filter((l) => others.some((o) => l === `${o.taskId} ${o.runId}`)).length).toBeGreaterThanOrEqual(
        Math.min(others.length, 5),
      );
      expect(out.registry.list().every((c) => c.kind === 'log')).toBe(true);
      expect(callTool(demo.db, 'similar_failures', { dagId: 'nope', runId: 'r', taskId: 't' }).summary).toBe('no pattern');
    });
  });

  it('upstream_candidates points an upstream_failed task at the failed task before it (failures of the last 30 days)', () => {
    const pair = demo.db
      .prepare(
        `SELECT u.dag_id, u.run_id, u.task_id AS victim, f.task_id AS failed FROM task_instances u
         JOIN task_instances f ON f.env_id = u.env_id AND f.dag_id = u.dag_id AND f.run_id = u.run_id AND f.state = 'failed'
         WHERE u.env_id = 'demo' AND u.state = 'upstream_failed' AND u.start_date >= ? ORDER BY u.start_date DESC LIMIT 1`,
      )
      .get('2025-05-10T00:00:00Z') as { dag_id: string; run_id: string; victim: string; failed: string } | undefined;
    if (!pair) throw new Error('the Demo has a recent upstream_failed task');
    const out = callTool(demo.db, 'upstream_candidates', { dagId: pair.dag_id, taskId: pair.victim, runId: pair.run_id });
    expect(out.text).toMatch(new RegExp(`\\[R\\d+\\] upstream task ${pair.dag_id}\\.${pair.failed}: \\d+ failed tries`));
    expect(out.registry.list()[0]).toMatchObject({ kind: 'task', dagId: pair.dag_id, taskId: pair.failed });
    expect(callTool(demo.db, 'upstream_candidates', { dagId: pair.dag_id, taskId: 'no_such_task' }).summary).toBe('not in the graph');
  });

  it('downstream_impact of an asset lists the DAGs that consume it, and assets are a grammar choice', () => {
    const link = demo.db.prepare("SELECT uri FROM asset_links WHERE env_id = 'demo' AND role = 'consumer' ORDER BY uri LIMIT 1").get() as
      | { uri: string }
      | undefined;
    if (!link) throw new Error('the Demo has an asset with a consumer');
    const uri = link.uri;
    const consumers = (
      demo.db.prepare("SELECT DISTINCT dag_id FROM asset_links WHERE env_id = 'demo' AND uri = ? AND role = 'consumer'").all(uri) as {
        dag_id: string;
      }[]
    ).map((r) => r.dag_id);
    expect(consumers.length).toBeGreaterThan(0);
    const out = callTool(demo.db, 'downstream_impact', { asset: uri });
    for (const dagId of consumers) expect(out.text).toMatch(new RegExp(`\\[R\\d+\\] dag ${dagId}\\b`));
    expect(
      out.registry
        .list()
        .filter((c) => c.kind === 'dag')
        .map((c) => c.dagId),
    ).toEqual(expect.arrayContaining(consumers));
    expect(narrowingFor(demo.db, 'demo').asset).toContain(uri);
    expect(callTool(demo.db, 'downstream_impact', { asset: 's3://nowhere' }).summary).toBe('not in the graph');
  });
});
