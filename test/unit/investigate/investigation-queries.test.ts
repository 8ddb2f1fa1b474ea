import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import type { FailureBurstDetail, SynthLabel } from '../../../src-main/services/synth/label-types';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

type Burst = Extract<SynthLabel, { kind: 'failure_burst' }>;

describe('investigation queries on a synthetic cache', () => {
  let g: Generated;
  let inv: InvestigationService;
  let burst: Burst | undefined;

  beforeAll(() => {
    g = generate({ dags: 12, days: 30, seed: 11 });
    inv = new InvestigationService(g.db);
    burst = g.summary.labels.find((l): l is Burst => l.kind === 'failure_burst');
  });
  afterAll(() => g.dispose());

  const sinceDays = (days: number): string => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();

  it('grid cells carry the cached state and highest try of every task instance', () => {
    const dagId = g.db
      .prepare("SELECT dag_id FROM dag_runs WHERE env_id = 'demo' GROUP BY dag_id ORDER BY COUNT(*) DESC LIMIT 1")
      .pluck()
      .get() as string;
    const grid = inv.grid.grid('demo', dagId, sinceDays(30), AS_OF, 10_000);
    expect(grid.runs.length).toBeGreaterThan(20);
    const tis = g.db.prepare(
      "SELECT task_id, state, try_number FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND map_index = -1",
    );
    for (const run of grid.runs.slice(1, 40)) {
      for (const row of tis.all(dagId, run.runId) as { task_id: string; state: string; try_number: number }[]) {
        const col = grid.tasks.findIndex((t) => t.taskId === row.task_id);
        expect(run.cells[col]).toBe(row.state);
        expect(run.tries[col]).toBe(row.try_number);
      }
    }
    const times = grid.runs.map((r) => r.at ?? '');
    expect(times).toEqual([...times].sort().reverse());
  });

  it('marks runs where the DAG version changed', () => {
    const dagId = g.db
      .prepare("SELECT dag_id FROM dag_runs WHERE env_id = 'demo' GROUP BY dag_id HAVING COUNT(DISTINCT dag_version) > 1 LIMIT 1")
      .pluck()
      .get() as string | undefined;
    if (dagId === undefined) return;
    // Runs sit at their logical date: a weekly DAG's run that started in the month has data from the week before.
    const grid = inv.grid.grid('demo', dagId, sinceDays(40), AS_OF, 10_000);
    const changed = grid.runs.filter((r) => r.versionChanged);
    expect(changed.length).toBeGreaterThan(0);
    for (const run of changed) {
      const older = grid.runs[grid.runs.indexOf(run) + 1];
      expect(older?.version).not.toBe(run.version);
    }
  });

  it('the triage queue lists failed runs newest first, and seen runs leave it with their note kept', () => {
    const { items, unseen } = inv.triage.list('demo', { from: sinceDays(30), to: AS_OF }, false, 500);
    const failed = g.db
      .prepare("SELECT COUNT(*) FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' AND start_date >= ?")
      .pluck()
      .get(sinceDays(30)) as number;
    expect(unseen).toBe(failed);
    expect(items.map((i) => i.failedAt ?? '')).toEqual(
      items
        .map((i) => i.failedAt ?? '')
        .sort()
        .reverse(),
    );
    for (const runId of burst?.detail.affectedRunIds ?? [])
      expect(items.some((i) => i.runId === runId && i.dagId === burst?.dagId)).toBe(true);
    const first = items[0];
    if (!first) throw new Error('no failed run');
    expect(inv.triage.mark(first, true, 'looked at it', '2026-11-21T11:00:00.000Z')).toEqual({
      seenAt: '2026-11-21T11:00:00.000Z',
      note: 'looked at it',
    });
    const after = inv.triage.list('demo', { from: sinceDays(30), to: AS_OF }, false, 500);
    expect(after.unseen).toBe(unseen - 1);
    expect(after.items.some((i) => i.runId === first.runId && i.dagId === first.dagId)).toBe(false);
    const seen = inv.triage
      .list('demo', { from: sinceDays(30), to: AS_OF }, true, 500)
      .items.find((i) => i.runId === first.runId && i.dagId === first.dagId);
    expect(seen?.note).toBe('looked at it');
    expect(inv.triage.mark(first, false, undefined, '2026-11-21T12:00:00.000Z')).toEqual({ seenAt: null, note: 'looked at it' });
  });

  it('a run of the failure burst shows queue time, failed tries, retry waits and a critical path', () => {
    if (!burst) return;
    const detail: FailureBurstDetail = burst.detail;
    const runId = detail.affectedRunIds[0] ?? '';
    const run = inv.runs.investigate('demo', burst.dagId, runId, AS_OF);
    if (!run) throw new Error('run missing');
    const root = run.tasks.find((t) => t.taskId === burst?.taskId);
    const kinds = root?.segments.map((s) => s.kind) ?? [];
    expect(kinds.filter((k) => k === 'retry').length).toBe((root?.tryNumber ?? 1) - 1);
    expect(kinds).toContain('wait');
    expect(run.tasks.some((t) => t.segments.some((s) => s.kind === 'queued'))).toBe(true);
    expect(run.tasks.filter((t) => t.critical).length).toBeGreaterThan(0);
    for (const t of run.tasks) for (const s of t.segments) expect(s.start <= s.end).toBe(true);
  });

  it('fleet counts failed runs per DAG over 24 h and 7 d and lists import errors', () => {
    const fleet = inv.fleet.forEnvironment('demo', 'Demo', AS_OF, 3);
    const failed7d = g.db
      .prepare("SELECT COUNT(*) FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' AND start_date >= ?")
      .pluck()
      .get(sinceDays(7)) as number;
    expect(fleet.failed7d.reduce((s, d) => s + d.count, 0)).toBe(failed7d);
    expect(fleet.failed24h.reduce((s, d) => s + d.count, 0)).toBeLessThanOrEqual(failed7d);
    expect(fleet.importErrors.length).toBe(2);
  });

  it('compares a good and a bad run task by task', () => {
    const deploy = g.summary.labels.find((l) => l.kind === 'bad_deploy');
    if (!deploy || deploy.kind !== 'bad_deploy') return;
    const bad = deploy.detail.affectedRunIds[0] ?? '';
    const good = g.db
      .prepare(
        "SELECT run_id FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND state = 'success' AND start_date < (SELECT start_date FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ?) ORDER BY start_date DESC LIMIT 1",
      )
      .pluck()
      .get(deploy.dagId, deploy.dagId, bad) as string;
    const result = inv.compare.compare('demo', deploy.dagId, good, bad);
    if ('missing' in result) throw new Error('missing run');
    expect(result.tasks.filter((t) => t.stateChanged).map((t) => t.taskId)).toContain(deploy.taskId);
    expect(result.good.version).not.toBe(result.bad.version);
  });

  it('durations come with a median and a p10–p90 band that holds it', () => {
    const dagId = g.db
      .prepare("SELECT dag_id FROM dag_runs WHERE env_id = 'demo' GROUP BY dag_id ORDER BY COUNT(*) DESC LIMIT 1")
      .pluck()
      .get() as string;
    const history = inv.durations.history('demo', dagId, undefined, sinceDays(30), AS_OF);
    expect(history.points.length).toBeGreaterThan(20);
    expect(history.median).not.toBeNull();
    for (const b of history.band) expect(b.p10 <= b.median && b.median <= b.p90).toBe(true);
  });
});
