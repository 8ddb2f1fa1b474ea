import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SynthLabel, TiKey, TryKey } from '../../../src-main/services/synth/label-types';
import { LABEL_KINDS } from '../../../src-main/services/synth/incident-types';
import { generate, median, type Generated } from './synth-fixture';

type LabelOf<K extends SynthLabel['kind']> = Extract<SynthLabel, { kind: K }>;

interface TiRow {
  state: string;
  try_number: number;
  start_date: string | null;
  end_date: string | null;
  duration_s: number | null;
}

/** Text only the logs of each reserved new-error cause contain. */
const SIGNATURE: Readonly<Record<string, string>> = {
  api_rate_limited: '429 Client Error: Too Many Requests',
  decode_error: "UnicodeDecodeError: 'utf-8' codec",
  certificate_expired: 'CERTIFICATE_VERIFY_FAILED',
  missing_config_key: "KeyError: '",
};

let g: Generated;

beforeAll(() => {
  g = generate({ dags: 25, days: 60, seed: 7 });
});
afterAll(() => g.dispose());

function labels<K extends SynthLabel['kind']>(kind: K): LabelOf<K>[] {
  return g.summary.labels.filter((l): l is LabelOf<K> => l.kind === kind);
}

function ti(dagId: string, key: TiKey): TiRow | undefined {
  return g.db
    .prepare(
      'SELECT state, try_number, start_date, end_date, duration_s FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?',
    )
    .get('demo', dagId, key.runId, key.taskId, key.mapIndex) as TiRow | undefined;
}

/** A failed try is either an earlier try (task_tries) or the task instance's current one, and has a log. */
function expectFailedTry(dagId: string, t: TryKey): void {
  const row = ti(dagId, t);
  expect(row, `${dagId} ${t.runId} ${t.taskId}`).toBeDefined();
  if (row && row.try_number === t.tryNumber) {
    expect(row.state).toBe(t.state);
  } else {
    const hist = g.db
      .prepare(
        'SELECT state, end_date FROM task_tries WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
      )
      .get('demo', dagId, t.runId, t.taskId, t.mapIndex, t.tryNumber) as { state: string; end_date: string } | undefined;
    expect(hist?.state).toBe(t.state);
    expect(hist?.end_date).toBe(t.endedAt);
  }
  const log = g.db
    .prepare(
      'SELECT content FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
    )
    .get('demo', dagId, t.runId, t.taskId, t.mapIndex, t.tryNumber) as { content: string } | undefined;
  expect(log?.content).toContain(`Starting attempt ${t.tryNumber} of`);
}

describe('incident labels match the generated rows exactly', () => {
  it('covers every incident kind and stores the labels in synth_labels', () => {
    const kinds = new Set(g.summary.labels.map((l) => l.kind));
    expect([...kinds].sort()).toEqual([...LABEL_KINDS].sort());
    const rows = g.db
      .prepare(
        'SELECT label_id, kind, dag_id, task_id, starts_at, ends_at, detail_json FROM synth_labels WHERE env_id = ? ORDER BY label_id',
      )
      .all('demo') as {
      label_id: string;
      kind: string;
      dag_id: string;
      task_id: string | null;
      starts_at: string;
      ends_at: string;
      detail_json: string;
    }[];
    expect(rows).toHaveLength(g.summary.labels.length);
    for (const l of g.summary.labels) {
      const row = rows.find((r) => r.label_id === l.labelId);
      expect(row).toEqual({
        label_id: l.labelId,
        kind: l.kind,
        dag_id: l.dagId,
        task_id: l.taskId,
        starts_at: l.startsAt,
        ends_at: l.endsAt,
        detail_json: JSON.stringify(l.detail),
      });
      expect(l.startsAt <= l.endsAt).toBe(true);
    }
  });

  it('duration spikes: the listed task instances ran far longer than the task usually does', () => {
    for (const l of labels('duration_spike')) {
      expect(l.detail.taskInstances.length).toBeGreaterThan(0);
      const spiked = new Set(l.detail.taskInstances.map((k) => k.runId));
      const others = (
        g.db
          .prepare(
            "SELECT run_id, duration_s FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND task_id = ? AND state = 'success'",
          )
          .all(l.dagId, l.taskId) as { run_id: string; duration_s: number }[]
      )
        .filter((r) => !spiked.has(r.run_id))
        .map((r) => r.duration_s);
      const usual = median(others);
      for (const k of l.detail.taskInstances) {
        const row = ti(l.dagId, k);
        expect(row?.state).toBe('success');
        expect(row?.duration_s).toBe(k.durationS);
        expect(k.durationS).toBeGreaterThan(3 * usual);
      }
      expect(new Set(l.detail.runIds)).toEqual(spiked);
    }
  });

  it('gradual slowdowns: counted task instances match, late durations exceed early ones', () => {
    for (const l of labels('gradual_slowdown')) {
      const rows = g.db
        .prepare(
          "SELECT start_date, duration_s FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND task_id = ? AND state = 'success' ORDER BY start_date",
        )
        .all(l.dagId, l.taskId) as { start_date: string; duration_s: number }[];
      const after = rows.filter((r) => r.start_date >= l.detail.driftStart);
      expect(after.length).toBe(l.detail.affectedTaskInstances);
      const drift = Date.parse(l.detail.driftStart);
      const late = rows.filter((r) => Date.parse(r.start_date) >= drift + 0.6 * (Date.parse(l.endsAt) - drift)).map((r) => r.duration_s);
      const before = rows.filter((r) => r.start_date < l.detail.driftStart).map((r) => r.duration_s);
      if (late.length >= 5 && before.length >= 5) expect(median(late)).toBeGreaterThan(1.3 * median(before));
    }
  });

  it('failure bursts: the root task failed and every downstream task of those runs is upstream_failed', () => {
    for (const l of labels('failure_burst')) {
      expect(l.detail.affectedRunIds.length).toBeGreaterThan(0);
      for (const runId of l.detail.affectedRunIds) {
        const run = g.db.prepare("SELECT state FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ?").get(l.dagId, runId) as {
          state: string;
        };
        expect(run.state).toBe('failed');
        expect(ti(l.dagId, { runId, taskId: l.taskId ?? '', mapIndex: -1 })?.state).toBe('failed');
        const upstreamFailed = g.db
          .prepare(
            "SELECT task_id, map_index FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND state = 'upstream_failed'",
          )
          .all(l.dagId, runId) as { task_id: string; map_index: number }[];
        expect(upstreamFailed.length).toBeGreaterThan(0);
        const listed = l.detail.upstreamFailed
          .filter((k) => k.runId === runId)
          .map((k) => `${k.taskId}/${k.mapIndex}`)
          .sort();
        expect(listed).toEqual(upstreamFailed.map((r) => `${r.task_id}/${r.map_index}`).sort());
      }
      for (const t of l.detail.failedTries) {
        expectFailedTry(l.dagId, t);
        expect(t.endedAt >= l.startsAt).toBe(true);
        const log = g.db
          .prepare("SELECT content FROM task_logs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND try_number = ?")
          .get(l.dagId, t.runId, t.taskId, t.tryNumber) as { content: string };
        expect(log.content).toContain(`connection to server at "${l.detail.resource}"`);
      }
    }
  });

  it('flaky tasks: every listed failed try exists with its log, inside the labelled window, at about the labelled rate', () => {
    for (const l of labels('flaky_task')) {
      for (const t of l.detail.failedTries) expectFailedTry(l.dagId, t);
      for (const k of l.detail.failedTaskInstances) expect(ti(l.dagId, k)?.state).toBe('failed');
      for (const t of l.detail.failedTries) expect(t.endedAt >= l.startsAt).toBe(true);
      const tries = g.db
        .prepare(
          "SELECT COALESCE(SUM(try_number), 0) AS n FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND task_id = ? AND state IN ('success', 'failed') AND start_date >= ?",
        )
        .get(l.dagId, l.taskId, l.startsAt) as { n: number };
      if (tries.n > 100) {
        const rate = l.detail.failedTries.length / tries.n;
        expect(rate).toBeGreaterThan(l.detail.failureProbability / 2.5);
        expect(rate).toBeLessThan(l.detail.failureProbability * 2.5);
      }
    }
  });

  it('bad deploys: exactly the runs on the bad version fail, in the broken tasks', () => {
    for (const l of labels('bad_deploy')) {
      const onBad = g.db
        .prepare("SELECT run_id, state FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND dag_version = ?")
        .all(l.dagId, l.detail.badVersion) as { run_id: string; state: string }[];
      expect(onBad.length).toBeGreaterThan(0);
      expect(onBad.map((r) => r.run_id).sort()).toEqual([...l.detail.affectedRunIds].sort());
      for (const r of onBad) {
        expect(r.state).toBe('failed');
        const failed = l.detail.failedTaskInstances.filter((k) => k.runId === r.run_id);
        expect(failed.length).toBeGreaterThan(0);
        for (const k of failed) {
          expect(l.detail.taskIds).toContain(k.taskId);
          expect(ti(l.dagId, k)?.state).toBe('failed');
        }
      }
      const versions = g.db
        .prepare("SELECT DISTINCT dag_version FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND queued_at >= ? AND queued_at < ?")
        .all(l.dagId, l.startsAt, l.endsAt) as { dag_version: string }[];
      expect(versions.map((v) => v.dag_version)).toEqual([l.detail.badVersion]);
      expect(Number(l.detail.fixVersion)).toBe(Number(l.detail.badVersion) + 1);
    }
  });

  it('late schedules: the listed runs were created late by the stated minutes, the others on time', () => {
    for (const l of labels('late_schedule')) {
      expect(l.detail.delayedRuns.length).toBeGreaterThan(0);
      const runs = g.db
        .prepare("SELECT run_id, run_after, queued_at FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_type = 'scheduled'")
        .all(l.dagId) as { run_id: string; run_after: string; queued_at: string }[];
      const late = new Map(l.detail.delayedRuns.map((d) => [d.runId, d]));
      for (const r of runs) {
        const minutes = (Date.parse(r.queued_at) - Date.parse(r.run_after)) / 60_000;
        const d = late.get(r.run_id);
        if (d) {
          expect(d.queuedAt).toBe(r.queued_at);
          expect(Math.abs(minutes - d.lateByMinutes)).toBeLessThan(0.1);
          expect(minutes).toBeGreaterThan(5);
          expect(r.run_after >= l.startsAt && r.run_after < l.endsAt).toBe(true);
        } else {
          expect(minutes).toBeLessThan(1);
        }
      }
    }
  });

  it('missed schedules: no run exists for a missed slot, but runs exist around it', () => {
    for (const l of labels('missed_schedule')) {
      expect(l.detail.missedRuns.length).toBeGreaterThan(0);
      for (const m of l.detail.missedRuns) {
        const hit = g.db
          .prepare("SELECT COUNT(*) AS n FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND (run_id = ? OR logical_date = ?)")
          .get(l.dagId, m.runId, m.logicalDate) as { n: number };
        expect(hit.n).toBe(0);
      }
      const around = g.db
        .prepare(
          "SELECT SUM(logical_date < ?) AS before, SUM(logical_date > ?) AS after FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_type = 'scheduled'",
        )
        .get(l.detail.missedRuns[0]?.logicalDate, l.detail.missedRuns.at(-1)?.logicalDate, l.dagId) as { before: number; after: number };
      expect(around.before).toBeGreaterThan(0);
      expect(around.after).toBeGreaterThan(0);
    }
  });

  it('new error patterns: the error never appears before its first occurrence, and every occurrence is listed', () => {
    for (const l of labels('new_error_pattern')) {
      const signature = SIGNATURE[l.detail.cause] ?? '';
      expect(signature).not.toBe('');
      expect(l.detail.firstOccurrence).toEqual(l.detail.occurrences[0]);
      expect(l.startsAt).toBe(l.detail.firstOccurrence?.endedAt);
      const logs = g.db
        .prepare("SELECT dag_id, run_id, task_id, map_index, try_number FROM task_logs WHERE env_id = 'demo' AND instr(content, ?) > 0")
        .all(signature) as { dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number }[];
      expect(logs.every((r) => r.dag_id === l.dagId)).toBe(true);
      const listed = l.detail.occurrences.map((o) => `${o.runId}/${o.taskId}/${o.mapIndex}/${o.tryNumber}`).sort();
      expect(logs.map((r) => `${r.run_id}/${r.task_id}/${r.map_index}/${r.try_number}`).sort()).toEqual(listed);
      for (const t of l.detail.occurrences) expectFailedTry(l.dagId, t);
    }
  });
});
