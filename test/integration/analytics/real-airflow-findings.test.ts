/**
 * The real-Airflow scenario (issue 13): the DAGs of test/fixtures/dags/scenario/ run on the real
 * Airflow 3 and 2 peers (catch-up, a backfill, manual runs, a late unpause), the app syncs each peer
 * into a fresh cache and scores it, and the findings and views are compared with what Airflow's API
 * says happened: every injected incident found with the right task, counts and slot times; no finding
 * on the healthy DAGs; the same findings on both Airflows for the DAGs both run.
 *
 * A selected Airflow peer that is missing fails the suite; so does a run that selects no Airflow.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AirflowPeerInfo } from '../../env/airflow';
import type { AnomalyDetail } from '../../../src-shared/domain/analytics';
import { AirflowApi } from './airflow-api';
import { runScenario, type ScenarioPlan, type ScenarioRun } from './run-scenario';
import {
  CLEARLY_LATE_MS,
  CLEARLY_ON_TIME_MS,
  FAILURE_INCIDENTS,
  FAILURE_KINDS,
  HEALTHY_DAGS,
  LATE_KINDS,
  LATE_START,
  SLOWDOWN,
  SLOWDOWN_KINDS,
  type ScenarioDagId,
} from './scenario-dags';
import { claimedCounts, findingText, ofKinds, signature, slotLookup, viewCounts, viewTries } from './scenario-checks';
import { readTruth, type ScenarioTruth } from './scenario-truth';
import { describeFinding, syncAndScore, type ScoredPeer } from './score-peer';
import { scenarioBriefs } from './scenario-brief';
import { answerWithBriefAlone } from '../../../src-main/services/copilot/brief/brief-answer';
import { checkClaims } from '../../../src-main/services/copilot/claims/claim-check';

const peers = inject('peers');

/** Airflow 2 runs one task at a time (SequentialExecutor, ~5 s a task): it gets the DAGs that test what Airflow 2 schedules differently. */
const PLANS: Record<'af3' | 'af2', ScenarioPlan> = {
  af3: {
    unpause: [
      'orc_sc_weekday',
      'orc_sc_asset_sink',
      'orc_sc_business_hours',
      'orc_sc_berlin_weekly',
      'orc_sc_once',
      'orc_sc_every_6h',
      'orc_sc_mapped',
      'orc_sc_sensor',
      'orc_sc_slowdown',
      'orc_sc_failures',
    ],
    manualRuns: 2,
    lateStart: true,
  },
  af2: {
    unpause: ['orc_sc_weekday', 'orc_sc_business_hours', 'orc_sc_failures'],
    manualRuns: 0,
    lateStart: false,
  },
};
const SCENARIO_TIMEOUT_MS = { af3: 480_000, af2: 540_000 };

const airflows = peers.selected.filter((p): p is 'af3' | 'af2' => p === 'af3' || p === 'af2');
/** Signatures of the findings on each Airflow, by DAG, for the comparison at the end. */
const signatures = new Map<'af3' | 'af2', Map<string, string[]>>();

function signaturesByDag(findings: readonly AnomalyDetail[], truth: ScenarioTruth): Map<string, string[]> {
  const slotOf = slotLookup(truth);
  const byDag = new Map<string, string[]>();
  for (const f of findings) {
    if (f.dagId.startsWith('orc_sc_')) byDag.set(f.dagId, [...(byDag.get(f.dagId) ?? []), signature(f, slotOf)].sort());
  }
  return byDag;
}

function listed(findings: readonly AnomalyDetail[]): string {
  return findings.length === 0 ? '(none)' : findings.map(describeFinding).join('\n');
}

if (airflows.length === 0) {
  describe('real-Airflow scenario', () => {
    it('needs an Airflow peer', () => {
      throw new Error(`ORC_PEERS selects no Airflow (selected: ${peers.selected.join(',') || 'none'}); the scenario needs af3 and/or af2`);
    });
  });
}

describe.each(airflows)('real-Airflow scenario on %s', (name) => {
  const plan = PLANS[name];
  let api: AirflowApi;
  let run: ScenarioRun;
  let truth: ScenarioTruth;
  let scored: ScoredPeer;
  let onThisPeer: (dagId: ScenarioDagId) => boolean;

  beforeAll(async () => {
    const af: AirflowPeerInfo | undefined = peers[name];
    if (!af) throw new Error(`peer ${name} was selected but did not start (see the global setup's log)`);
    api = new AirflowApi(af);
    run = await runScenario(api, plan, SCENARIO_TIMEOUT_MS[name]);
    truth = await readTruth(api, run.dagIds);
    scored = await syncAndScore(af);
    onThisPeer = (dagId) => run.dagIds.includes(dagId);
    signatures.set(name, signaturesByDag(scored.findings, truth));
    console.log(
      `[scenario ${name}] settled in ${run.seconds.toFixed(0)} s, ${run.runs.length} runs; sync ${scored.syncSeconds.toFixed(1)} s, scoring ${scored.scoreSeconds.toFixed(1)} s; ` +
        `${scored.findings.filter((f) => f.dagId.startsWith('orc_sc_')).length} findings on the scenario DAGs:\n` +
        listed(scored.findings.filter((f) => f.dagId.startsWith('orc_sc_'))),
    );
  }, 600_000);
  afterAll(async () => {
    scored?.close();
    // The peers are shared with the tests that follow: stop the scheduler creating scenario runs (hourly, 6-hourly),
    // and leave only once no scenario run is still queued or running (a later test syncs twice and expects no change).
    if (!run) return;
    for (const dagId of run.dagIds) await api.setPaused(dagId, true).catch(() => undefined);
    const deadline = Date.now() + 180_000;
    for (;;) {
      const open = (await Promise.all(run.dagIds.map((dagId) => api.runs(dagId))))
        .flat()
        .filter((r) => r.state === 'queued' || r.state === 'running');
      if (open.length === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }, 240_000);

  it('ran as designed on Airflow (the truth the other checks use)', () => {
    for (const f of truth.failures) {
      expect(f.failedRunIds, f.incident.taskId).toHaveLength(f.incident.days);
      expect(f.triesOfFailed, f.incident.taskId).toEqual(f.failedRunIds.map(() => f.incident.triesPerRun));
      expect(f.failedTries, f.incident.taskId).toBe(f.incident.days * f.incident.triesPerRun);
    }
    if (onThisPeer(SLOWDOWN.dagId)) {
      expect(truth.slowRunIds).toHaveLength(SLOWDOWN.days);
      expect(truth.fastestSlowS).toBeGreaterThanOrEqual(SLOWDOWN.slowS);
      expect(truth.normalMedianS).toBeLessThan(SLOWDOWN.slowS / 3);
    }
    if (plan.lateStart) expect(truth.lateRun, 'the run created when orc_sc_late_start was unpaused').not.toBeNull();
  });

  it('shows the runs by state that Airflow lists, for every scenario DAG', () => {
    for (const dagId of run.dagIds) {
      const api = truth.dags.get(dagId);
      expect(viewCounts(scored.db, scored.envId, dagId, 'work').runsByState, dagId).toEqual(api?.runsByState);
    }
  });

  it('shows the tries Airflow counts for each failed task (grid cells and task view)', () => {
    for (const f of truth.failures) {
      const view = viewCounts(scored.db, scored.envId, 'orc_sc_failures', f.incident.taskId);
      expect(
        f.failedRunIds.map((r) => view.tries.get(r)),
        f.incident.taskId,
      ).toEqual(f.triesOfFailed);
      for (const runId of f.failedRunIds) {
        const states = viewTries(scored.db, scored.envId, 'orc_sc_failures', runId, f.incident.taskId);
        expect(states, `${f.incident.taskId} in ${runId}`).toHaveLength(f.incident.triesPerRun);
        expect(states.at(-1)).toBe('failed');
      }
    }
  });

  it('finds every failure incident on its task, with its failed runs and true counts', () => {
    const failures = scored.findings.filter((f) => f.dagId === 'orc_sc_failures');
    for (const f of truth.failures) {
      const found = ofKinds(failures, 'orc_sc_failures', f.incident.taskId, FAILURE_KINDS);
      expect(found.length, `a finding on orc_sc_failures.${f.incident.taskId}; the DAG's findings:\n${listed(failures)}`).toBeGreaterThan(
        0,
      );
      for (const finding of found) {
        expect(
          finding.runIds.filter((r) => !f.failedRunIds.includes(r)),
          `runs it names that did not fail: ${describeFinding(finding)}`,
        ).toEqual([]);
        const claims = claimedCounts(finding);
        for (const n of claims.tries) expect(n, `failed tries claimed by ${describeFinding(finding)}`).toBe(f.failedTries);
        for (const n of claims.runs) expect(n, `failed runs claimed by ${describeFinding(finding)}`).toBe(f.failedRunIds.length);
      }
      const burst = found.filter((x) => x.kind !== 'new_error_pattern');
      expect(
        burst.some((x) => f.failedRunIds.every((r) => x.runIds.includes(r))),
        `a finding naming all ${f.failedRunIds.length} failed runs of ${f.incident.taskId}:\n${listed(found)}`,
      ).toBe(true);
    }
  });

  it("answers 'why did it fail' from the brief on the real runs: the failing task, its real exception, and no claim Airflow's data does not hold", () => {
    const brief = scenarioBriefs(scored);
    const dagTruth = truth.dags.get('orc_sc_failures');
    for (const f of truth.failures) {
      const runId = f.failedRunIds.at(-1);
      if (runId === undefined || dagTruth === undefined) throw new Error(`no failed run of ${f.incident.taskId} in the truth`);
      const b = brief('orc_sc_failures', runId);
      expect(b, `a brief for ${runId}`).not.toBeNull();
      const failed = [b?.failedTask?.taskId, ...(b?.otherFailed.map((t) => t.taskId) ?? [])];
      expect(failed, `failed tasks of ${runId} in its brief`).toContain(f.incident.taskId);
      const answer = answerWithBriefAlone(b!);
      expect(answer.text).toContain(runId);
      expect(answer.text).toContain(f.incident.taskId);
      // The log excerpt the brief shows holds the exception the task raised (Airflow 3 leads with the chained cause,
      // e.g. ConnectionRefusedError under requests' ConnectionError, so the answer's error line may name either).
      if (b?.failedTask?.taskId === f.incident.taskId)
        expect(b.error?.lines.join('\n'), `the log excerpt of ${f.incident.taskId}`).toContain(f.incident.error);
      // Every run, task and DAG id, time and error class the answer states is in Airflow's own API answers or in the
      // real log excerpt (counts are checked against Airflow by the tests above: Airflow's JSON holds them as values).
      const check = checkClaims(answer.text, [JSON.stringify(dagTruth), ...(b?.error?.lines ?? [])]);
      expect(
        check.unsupported.filter((c) => c.kind !== 'count'),
        answer.text,
      ).toEqual([]);
    }
  });

  it('states only what holds for each failed task (retries configured, downstream tasks present)', () => {
    for (const f of FAILURE_INCIDENTS) {
      for (const finding of scored.findings.filter((x) => x.dagId === f.dagId && x.taskId === f.taskId)) {
        const text = findingText(finding);
        if (f.triesPerRun === 1) expect(text, describeFinding(finding)).not.toMatch(/retr(y|ies) did not help/i);
        if (!f.downstreamUpstreamFailed) expect(text, describeFinding(finding)).not.toMatch(/upstream_failed|downstream/i);
      }
    }
  });

  it('finds the slowdown on transform, in the slow runs only', (ctx) => {
    if (!onThisPeer(SLOWDOWN.dagId)) {
      ctx.annotate(`${name} does not run ${SLOWDOWN.dagId} (see PLANS)`);
      return;
    }
    const found = ofKinds(scored.findings, SLOWDOWN.dagId, SLOWDOWN.taskId, SLOWDOWN_KINDS);
    expect(
      found.length,
      `a slowdown finding; the DAG's findings:\n${listed(scored.findings.filter((f) => f.dagId === SLOWDOWN.dagId))}`,
    ).toBeGreaterThan(0);
    for (const finding of found) {
      expect(
        finding.runIds.filter((r) => !truth.slowRunIds.includes(r)),
        describeFinding(finding),
      ).toEqual([]);
      expect(finding.runIds.length, describeFinding(finding)).toBeGreaterThan(0);
    }
  });

  it('says the late start started late, at its slot, when it clearly was (and not when it was on time)', (ctx) => {
    if (!plan.lateStart) {
      ctx.annotate(`${name} does not run orc_sc_late_start (see PLANS)`);
      return;
    }
    const late = truth.lateRun;
    expect(late).not.toBeNull();
    if (!late) return;
    const found = ofKinds(scored.findings, LATE_START.dagId, null, LATE_KINDS);
    const all = scored.findings.filter((f) => f.dagId === LATE_START.dagId);
    if (late.lateMs >= CLEARLY_LATE_MS) {
      expect(
        found.length,
        `started ${(late.lateMs / 60_000).toFixed(0)} min after its ${late.slot} slot; findings:\n${listed(all)}`,
      ).toBeGreaterThan(0);
      const flagged = found.flatMap((f) => f.series.filter((p) => p.flagged).map((p) => new Date(p.t).toISOString()));
      expect(flagged, listed(found)).toEqual([late.slot]);
      expect(found.flatMap((f) => f.runIds)).toEqual([late.runId]);
    } else if (late.lateMs <= CLEARLY_ON_TIME_MS) {
      expect(found, listed(found)).toEqual([]);
    } else {
      ctx.annotate(`the unpause came ${(late.lateMs / 60_000).toFixed(1)} min after the slot: neither clearly late nor on time`);
    }
    const other = all.filter((f) => !LATE_KINDS.includes(f.kind));
    expect(other, `the backfill covered every slot since the start date:\n${listed(other)}`).toEqual([]);
  });

  it('makes no finding on the healthy DAGs (weekday and business-hours crons, DST, assets, manual, @once, timedelta, mapped, sensor)', () => {
    const healthy = scored.findings.filter(
      (f) => (HEALTHY_DAGS as readonly string[]).includes(f.dagId) && onThisPeer(f.dagId as ScenarioDagId),
    );
    expect(healthy, listed(healthy)).toEqual([]);
  });

  it('makes no finding on the incident DAGs beyond the incidents', () => {
    const incidentTasks = new Set([...FAILURE_INCIDENTS.map((f) => `${f.dagId}.${f.taskId}`), `${SLOWDOWN.dagId}.${SLOWDOWN.taskId}`]);
    const extra = scored.findings.filter(
      (f) => (f.dagId === 'orc_sc_failures' || f.dagId === SLOWDOWN.dagId) && !incidentTasks.has(`${f.dagId}.${f.taskId ?? '-'}`),
    );
    const wrongKind = scored.findings.filter(
      (f) =>
        (f.dagId === 'orc_sc_failures' && !FAILURE_KINDS.includes(f.kind)) ||
        (f.dagId === SLOWDOWN.dagId && !SLOWDOWN_KINDS.includes(f.kind)),
    );
    expect([...extra, ...wrongKind], listed([...extra, ...wrongKind])).toEqual([]);
  });
});

if (airflows.length === 2) {
  describe('real-Airflow scenario on both', () => {
    it('finds the same incidents on Airflow 2 and 3 for the DAGs both run', () => {
      const af3 = signatures.get('af3');
      const af2 = signatures.get('af2');
      expect(af3 && af2, 'both scenarios ran').toBeTruthy();
      for (const dagId of PLANS.af2.unpause) expect(af2?.get(dagId) ?? [], dagId).toEqual(af3?.get(dagId) ?? []);
    });
  });
}
