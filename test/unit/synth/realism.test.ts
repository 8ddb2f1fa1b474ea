import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Generated } from './synth-fixture';

let g: Generated;

beforeAll(() => {
  g = generate({ dags: 30, days: 45, seed: 3 });
});
afterAll(() => g.dispose());

function all<T>(sql: string, ...params: unknown[]): T[] {
  return g.db.prepare(sql).all(...params) as T[];
}

function one<T>(sql: string, ...params: unknown[]): T {
  return g.db.prepare(sql).get(...params) as T;
}

describe('synthetic history looks like Airflow', () => {
  it('expands mapped tasks into several map indexes', () => {
    const mapped = all<{ dag_id: string; task_id: string }>("SELECT dag_id, task_id FROM tasks WHERE env_id = 'demo' AND is_mapped = 1");
    expect(mapped.length).toBeGreaterThan(0);
    for (const t of mapped) {
      const widest = one<{ n: number }>(
        "SELECT MAX(c) AS n FROM (SELECT COUNT(*) AS c FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND task_id = ? AND map_index >= 0 GROUP BY run_id)",
        t.dag_id,
        t.task_id,
      );
      expect(widest.n).toBeGreaterThanOrEqual(3);
    }
  });

  it('skips the branch not taken', () => {
    const branching = all<{ dag_id: string }>(
      "SELECT DISTINCT dag_id FROM tasks WHERE env_id = 'demo' AND operator = 'BranchPythonOperator'",
    );
    expect(branching.length).toBeGreaterThan(0);
    for (const d of branching) {
      expect(
        one<{ n: number }>("SELECT COUNT(*) AS n FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND state = 'skipped'", d.dag_id)
          .n,
      ).toBeGreaterThan(0);
    }
  });

  it('keeps a task_tries row for every earlier try of a retried task instance', () => {
    const retried = all<{ dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number }>(
      "SELECT dag_id, run_id, task_id, map_index, try_number FROM task_instances WHERE env_id = 'demo' AND try_number > 1",
    );
    expect(retried.length).toBeGreaterThan(10);
    for (const r of retried) {
      const tries = all<{ try_number: number; state: string }>(
        "SELECT try_number, state FROM task_tries WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? ORDER BY try_number",
        r.dag_id,
        r.run_id,
        r.task_id,
        r.map_index,
      );
      expect(tries.map((t) => t.try_number)).toEqual(Array.from({ length: r.try_number - 1 }, (_, i) => i + 1));
      expect(tries.every((t) => t.state === 'up_for_retry' || t.state === 'failed')).toBe(true);
    }
    expect(
      one<{ n: number }>("SELECT COUNT(*) AS n FROM task_instances WHERE env_id = 'demo' AND try_number > 1 AND state = 'success'").n,
    ).toBeGreaterThan(0);
  });

  it('has a log with a traceback (or the kernel kill) for every failed task instance', () => {
    const failed = all<{ dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number }>(
      "SELECT dag_id, run_id, task_id, map_index, try_number FROM task_instances WHERE env_id = 'demo' AND state = 'failed'",
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      const log = one<{ content: string } | undefined>(
        "SELECT content FROM task_logs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?",
        f.dag_id,
        f.run_id,
        f.task_id,
        f.map_index,
        f.try_number,
      );
      expect(log?.content).toMatch(/Traceback \(most recent call last\):|Negsignal\.SIGKILL/);
      expect(log?.content).toContain('Marking task as FAILED');
    }
    const causes = all<{ content: string }>("SELECT content FROM task_logs WHERE env_id = 'demo'").map((r) => r.content);
    for (const needle of ['psycopg2.OperationalError', 'AirflowTaskTimeout', 'FileNotFoundError', 'AccessDenied']) {
      expect(
        causes.some((c) => c.includes(needle)),
        needle,
      ).toBe(true);
    }
  });

  it('starts asset-triggered runs right after their producers update the assets', () => {
    const runs = all<{ dag_id: string; run_id: string; run_after: string }>(
      "SELECT dag_id, run_id, run_after FROM dag_runs WHERE env_id = 'demo' AND run_type = 'asset_triggered'",
    );
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      const uris = all<{ uri: string }>("SELECT uri FROM asset_links WHERE env_id = 'demo' AND dag_id = ? AND role = 'consumer'", r.dag_id);
      expect(uris.length).toBeGreaterThan(0);
      const latest = uris.map(
        (u) =>
          one<{ t: string | null }>(
            "SELECT MAX(timestamp) AS t FROM asset_events WHERE env_id = 'demo' AND uri = ? AND timestamp <= ?",
            u.uri,
            r.run_after,
          ).t,
      );
      expect(latest.every((t) => t !== null)).toBe(true);
      expect(latest).toContain(r.run_after);
    }
    const producers = one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM asset_events e JOIN task_instances t ON t.env_id = e.env_id AND t.dag_id = e.source_dag_id AND t.run_id = e.source_run_id AND t.task_id = e.source_task_id AND t.state = 'success' AND t.end_date = e.timestamp WHERE e.env_id = 'demo'",
    );
    expect(producers.n).toBe(one<{ n: number }>("SELECT COUNT(*) AS n FROM asset_events WHERE env_id = 'demo'").n);
  });

  it('runs TriggerDagRunOperator children at the moment the parent task finished', () => {
    const children = all<{ dag_id: string; run_after: string; conf_json: string; run_type: string }>(
      "SELECT dag_id, run_after, conf_json, run_type FROM dag_runs WHERE env_id = 'demo' AND triggered_by = 'operator'",
    );
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) {
      expect(c.run_type).toBe('manual');
      const conf = JSON.parse(c.conf_json) as { parent_dag_id: string; parent_run_id: string };
      const trigger = one<{ end_date: string; state: string }>(
        "SELECT end_date, state FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ?",
        conf.parent_dag_id,
        conf.parent_run_id,
        `trigger_${c.dag_id}`,
      );
      expect(trigger.state).toBe('success');
      expect(trigger.end_date).toBe(c.run_after);
    }
  });

  it('keeps time consistent: queued before start before end, durations match', () => {
    const bad = one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM task_instances WHERE env_id = 'demo' AND state IN ('success','failed') AND NOT (queued_at <= start_date AND start_date <= end_date AND abs((julianday(end_date) - julianday(start_date)) * 86400 - duration_s) < 0.01)",
    );
    expect(bad.n).toBe(0);
    const runs = one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM dag_runs WHERE env_id = 'demo' AND state IN ('success','failed') AND NOT (run_after <= queued_at AND queued_at <= start_date AND start_date <= end_date)",
    );
    expect(runs.n).toBe(0);
    const asOf = g.summary.asOf;
    expect(one<{ t: string }>("SELECT MAX(queued_at) AS t FROM dag_runs WHERE env_id = 'demo'").t <= asOf).toBe(true);
    expect(one<{ t: string }>("SELECT MAX(end_date) AS t FROM task_instances WHERE env_id = 'demo'").t <= asOf).toBe(true);
  });

  it('ends at "now" with runs still queued or running', () => {
    const live = all<{ state: string }>("SELECT state FROM dag_runs WHERE env_id = 'demo' AND state IN ('queued', 'running')");
    expect(live.map((r) => r.state)).toContain('running');
    expect(live.map((r) => r.state)).toContain('queued');
    const env = one<{ as_of: string; synthetic: number; kind: string }>(
      "SELECT as_of, synthetic, kind FROM environments WHERE id = 'demo'",
    );
    expect(env).toEqual({ as_of: g.summary.asOf, synthetic: 1, kind: 'demo' });
  });

  it('has the operational side: pools, paused DAGs, versions, event log, import errors, varied schedules', () => {
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM pools WHERE env_id = 'demo'").n).toBeGreaterThanOrEqual(5);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM import_errors WHERE env_id = 'demo'").n).toBe(2);
    const paused = all<{ dag_id: string }>("SELECT dag_id FROM dags WHERE env_id = 'demo' AND is_paused = 1");
    expect(paused.length).toBeGreaterThan(0);
    for (const p of paused) {
      const at = one<{ when_ts: string }>(
        "SELECT when_ts FROM event_logs WHERE env_id = 'demo' AND dag_id = ? AND event = 'pause'",
        p.dag_id,
      ).when_ts;
      expect(
        one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_type = 'scheduled' AND run_after > ?",
          p.dag_id,
          at,
        ).n,
      ).toBe(0);
    }
    const events = new Set(all<{ event: string }>("SELECT DISTINCT event FROM event_logs WHERE env_id = 'demo'").map((r) => r.event));
    expect(events.has('pause') && events.has('trigger')).toBe(true);
    for (const e of events) expect(['clear', 'pause', 'trigger']).toContain(e);
    const clears = all<{ dag_id: string; run_id: string; task_id: string; when_ts: string; extra: string }>(
      "SELECT dag_id, run_id, task_id, when_ts, extra FROM event_logs WHERE env_id = 'demo' AND event = 'clear'",
    );
    for (const c of clears) {
      const mapIndex = (JSON.parse(c.extra) as { map_index: number }).map_index;
      const failedTry = one<{ end_date: string } | undefined>(
        "SELECT end_date FROM task_tries WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND state = 'failed'",
        c.dag_id,
        c.run_id,
        c.task_id,
        mapIndex,
      );
      expect(failedTry && failedTry.end_date < c.when_ts).toBe(true);
    }
    expect(one<{ n: number }>("SELECT COUNT(DISTINCT dag_version) AS n FROM dag_runs WHERE env_id = 'demo'").n).toBeGreaterThan(2);
    const schedules = all<{ schedule: string | null }>("SELECT schedule FROM dags WHERE env_id = 'demo'").map((r) => r.schedule ?? 'none');
    expect(schedules.some((s) => s.includes('*/6') || s === '@hourly' || /^\d+ \* \* \* \*$/.test(s))).toBe(true);
    expect(schedules.some((s) => s.startsWith('Asset('))).toBe(true);
    expect(schedules).toContain('none');
    const types = new Set(all<{ run_type: string }>("SELECT DISTINCT run_type FROM dag_runs WHERE env_id = 'demo'").map((r) => r.run_type));
    for (const t of ['scheduled', 'manual', 'asset_triggered']) expect(types.has(t), t).toBe(true);
    const queueWait = one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM task_instances WHERE env_id = 'demo' AND operator = 'S3KeySensor' AND start_date > queued_at",
    );
    expect(queueWait.n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT COUNT(DISTINCT hostname) AS n FROM task_instances WHERE env_id = 'demo'").n).toBeGreaterThanOrEqual(
      4,
    );
  });
});
