import type { SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import type { TaskSeries } from '../history-types';
import type { FailureContext, FailureStreak } from './failure-context';
import { proposeCauses } from './failure-causes';
import { failureStreaks } from './failure-streaks';
import { formatDay, isoOf } from './format';
import { poissonTail } from './poisson-tail';

const DAY = 86_400_000;

export interface FailureParams {
  /** Failure rate of one try that is still ordinary. */
  readonly flakyBaseRate: number;
  readonly flakyAlpha: number;
  readonly flakyMinFailures: number;
  readonly flakyMinDays: number;
  readonly flakyWindowDays: number;
}

export const FAILURE_PARAMS: FailureParams = {
  flakyBaseRate: 0.02,
  flakyAlpha: 1e-4,
  flakyMinFailures: 4,
  flakyMinDays: 3,
  flakyWindowDays: 30,
};

/**
 * A streak that is more than one unlucky run: two or more runs in a row
 * failed, each with the same error. A single failed run is a failure (the
 * run's own page shows it), not an anomaly.
 */
function isBurst(s: FailureStreak): boolean {
  return s.to > s.from && s.patterns.size <= 1;
}

/** Bursts of one task closer than this belong to one episode (one finding, updated as it goes on). */
const EPISODE_GAP_MS = 7 * DAY;

function samePatterns(a: FailureStreak, b: FailureStreak): boolean {
  if (a.patterns.size === 0 || b.patterns.size === 0) return true;
  return [...a.patterns].every((p) => b.patterns.has(p));
}

/** A task's bursts grouped into episodes: same error, each within EPISODE_GAP_MS of the one before. */
export function burstEpisodes(bursts: readonly FailureStreak[]): FailureStreak[][] {
  const episodes: FailureStreak[][] = [];
  for (const b of bursts) {
    const current = episodes[episodes.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && b.startMs - last.endMs <= EPISODE_GAP_MS && samePatterns(last, b)) current.push(b);
    else episodes.push([b]);
  }
  return episodes;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Why a failure episode matters, in sentences that each hold for it: retries only where they ran, downstream only where it was left waiting. */
export function burstWhy(retried: boolean, downstreamLeft: number): string {
  const cause = retried
    ? 'Retries did not help, so the cause is likely outside the task: a source or service it depends on.'
    : 'No retry ran (the task has none configured), so each failure failed its run at once.';
  const downstream =
    downstreamLeft > 0
      ? ` ${plural(downstreamLeft, 'downstream task instance was', 'downstream task instances were')} left upstream_failed.`
      : '';
  return `${cause}${downstream}`;
}

function burstFinding(episode: readonly FailureStreak[], all: readonly FailureStreak[], ctx: FailureContext): Finding {
  const first = episode[0] as FailureStreak;
  const last = episode[episode.length - 1] as FailureStreak;
  const runs = episode.reduce((a, s) => a + s.to - s.from + 1, 0);
  const failedTries = episode.reduce((a, s) => a + s.failedTries, 0);
  const retried = episode.some((s) => s.retried);
  const downstreamLeft = episode.reduce((a, s) => a + s.downstreamLeft, 0);
  const sameError = episode.every((s) => s.patterns.size === 1);
  const score = Math.min(30, 6 + 2 * runs + failedTries);
  const title =
    episode.length === 1
      ? `${first.taskId} failed ${runs} runs in a row (${plural(failedTries, 'failed try', 'failed tries')})`
      : `${first.taskId} failed ${runs} runs in ${episode.length} streaks since ${formatDay(first.startMs)} (${plural(failedTries, 'failed try', 'failed tries')})`;
  return {
    kind: 'failure_burst',
    dagId: first.dagId,
    taskId: first.taskId,
    runId: last.runIds[last.runIds.length - 1] ?? null,
    severity: severityOf(score),
    score,
    startsMs: first.startMs,
    endsMs: last.endMs,
    detectedMs: first.secondEndMs,
    title,
    expected: retried ? 'a failed try now and then, recovered by its retries' : 'the task succeeding run after run, as it usually does',
    observed: `${plural(failedTries, 'failed try', 'failed tries')} across ${runs} runs from ${formatDay(first.startMs)}${sameError ? ', every one with the same error' : ''}`,
    why: burstWhy(retried, downstreamLeft),
    unit: 'failed tries',
    series: [],
    causes: proposeCauses(episode, all, ctx),
    runIds: episode.flatMap((s) => s.runIds),
  };
}

function deployFinding(
  dagId: string,
  version: string,
  streaks: readonly FailureStreak[],
  all: readonly FailureStreak[],
  ctx: FailureContext,
): Finding {
  const tasks = [...new Set(streaks.map((s) => s.taskId))];
  const start = Math.min(...streaks.map((s) => s.startMs));
  const end = Math.max(...streaks.map((s) => s.endMs));
  const firstEnd = Math.min(...streaks.map((s) => s.endMs));
  const runs = [...new Set(streaks.flatMap((s) => s.runIds))];
  const score = Math.min(30, 8 + 2 * tasks.length + runs.length);
  return {
    kind: 'bad_deploy',
    dagId,
    taskId: tasks[0] ?? null,
    runId: runs[0] ?? null,
    severity: severityOf(score),
    score,
    startsMs: start,
    endsMs: end,
    detectedMs: firstEnd,
    title: `Version ${version} broke ${tasks.length} task${tasks.length > 1 ? 's' : ''} (${tasks.join(', ')})`,
    expected: 'the same tasks succeeding as they did on the previous version',
    observed: `${runs.length} run${runs.length > 1 ? 's' : ''} on version ${version} failed in ${tasks.join(', ')} from its first run`,
    why: `Failures began exactly with a new DAG version${streaks.some((s) => s.retried) ? ' and retries did not help' : ''}: the change, not the environment, is the likely cause. Roll back or fix forward.`,
    unit: 'failed tries',
    series: [],
    causes: [
      { kind: 'version', value: version, detail: 'First DAG version these failures appeared on.' },
      ...proposeCauses(streaks, all, ctx),
    ],
    runIds: runs,
  };
}

/** Failed tries per day of a task over the window, against what its ordinary rate would give. */
function flakySeries(s: TaskSeries, fromMs: number, toMs: number, baseRate: number): SeriesPoint[] {
  const days = Math.max(1, Math.ceil((toMs - fromMs) / DAY));
  const failed = new Array<number>(days).fill(0);
  const tries = new Array<number>(days).fill(0);
  for (let i = 0; i < s.length; i++) {
    const k = Math.floor(((s.startMs[i] ?? 0) - fromMs) / DAY);
    if (k < 0 || k >= days) continue;
    failed[k] = (failed[k] ?? 0) + (s.failedTries[i] ?? 0);
    tries[k] = (tries[k] ?? 0) + (s.tries[i] ?? 1);
  }
  return failed.map((f, k) => ({
    t: isoOf(fromMs + k * DAY),
    observed: f,
    expected: Math.round((tries[k] ?? 0) * baseRate * 100) / 100,
    lo: 0,
    hi: Math.max(1, Math.ceil((tries[k] ?? 0) * baseRate * 3)),
    flagged: f > 0,
    runId: null,
  }));
}

/** Whether most instances with a failed try in [from, to] still succeeded, on a retry. */
export function rescuedByRetries(s: TaskSeries, from: number, to: number): boolean {
  if ((s.retries ?? 0) <= 0) return false;
  let failing = 0;
  let rescued = 0;
  for (let i = from; i <= to; i++) {
    if ((s.failedTries[i] ?? 0) === 0) continue;
    failing++;
    if (s.succeeded[i] === 1) rescued++;
  }
  return failing > 0 && rescued * 2 > failing;
}

function flakyFinding(
  s: TaskSeries,
  firstIdx: number,
  alarmIdx: number,
  lastIdx: number,
  k: number,
  n: number,
  days: number,
  p: FailureParams,
): Finding {
  const rate = k / Math.max(1, n);
  const score = Math.min(30, 5 + Math.log10(1 / Math.max(1e-30, poissonTail(k, n * p.flakyBaseRate))));
  const from = (s.startMs[alarmIdx] ?? 0) - p.flakyWindowDays * DAY;
  return {
    kind: 'flaky_task',
    dagId: s.dagId,
    taskId: s.taskId,
    runId: s.runIds[alarmIdx] ?? null,
    severity: severityOf(score),
    score,
    startsMs: s.startMs[firstIdx] ?? 0,
    endsMs: s.endMs[lastIdx] ?? 0,
    detectedMs: s.endMs[alarmIdx] ?? 0,
    title: `${s.taskId} is flaky: ${k} of ${n} tries failed in ${p.flakyWindowDays} days`,
    expected: `at most ${(p.flakyBaseRate * 100).toFixed(0)}% of tries failing (${(n * p.flakyBaseRate).toFixed(1)} of ${n})`,
    observed: `${k} failed tries (${(rate * 100).toFixed(1)}%) on ${days} different days${rescuedByRetries(s, firstIdx, lastIdx) ? ', mostly rescued by retries' : ''}`,
    why:
      (s.retries ?? 0) > 0
        ? 'Intermittent failures burn retries and worker time, and the day the retries run out the DAG fails. Find the intermittent dependency (timeouts, connection limits).'
        : 'Intermittent failures fail runs outright: the task has no retries. Find the intermittent dependency (timeouts, connection limits), or add retries while you do.',
    unit: 'failed tries / day',
    series: flakySeries(s, from, s.endMs[lastIdx] ?? from, p.flakyBaseRate),
    causes: [],
    runIds: [s.runIds[alarmIdx] ?? ''],
  };
}

/** Flaky tries: a 30-day window of tries and failed tries, tested against an ordinary failure rate. */
function detectFlaky(s: TaskSeries, excluded: ReadonlySet<number>, p: FailureParams): Finding | null {
  let n = 0;
  let k = 0;
  let lo = 0;
  const days = new Map<number, number>();
  let alarm = -1;
  let firstFail = -1;
  let lastFail = -1;
  for (let i = 0; i < s.length; i++) {
    const t = s.startMs[i] ?? 0;
    while (lo < i && (s.startMs[lo] ?? 0) < t - p.flakyWindowDays * DAY) {
      if (!excluded.has(lo)) {
        n -= s.tries[lo] ?? 1;
        k -= s.failedTries[lo] ?? 0;
        const d = Math.floor((s.startMs[lo] ?? 0) / DAY);
        if ((s.failedTries[lo] ?? 0) > 0) days.set(d, (days.get(d) ?? 1) - 1);
        if (days.get(d) === 0) days.delete(d);
      }
      lo++;
    }
    if (excluded.has(i)) continue;
    n += s.tries[i] ?? 1;
    const f = s.failedTries[i] ?? 0;
    if (f === 0) continue;
    k += f;
    const d = Math.floor(t / DAY);
    days.set(d, (days.get(d) ?? 0) + 1);
    if (alarm < 0 && k >= p.flakyMinFailures && days.size >= p.flakyMinDays && poissonTail(k, n * p.flakyBaseRate) < p.flakyAlpha) {
      alarm = i;
      firstFail = i;
      for (let j = i; j >= lo; j--) if ((s.failedTries[j] ?? 0) > 0 && !excluded.has(j)) firstFail = j;
    }
    if (alarm >= 0) lastFail = i;
  }
  return alarm < 0 ? null : flakyFinding(s, firstFail, alarm, lastFail, k, n, days.size, p);
}

/** Runs of a short episode inside a flaky task's span are that flakiness running out of retries: one finding per task and cause. */
const FOLD_MAX_RUNS = 3;

function foldsIntoFlaky(episode: readonly FailureStreak[], flaky: Finding): boolean {
  const runs = episode.reduce((a, s) => a + s.to - s.from + 1, 0);
  const first = episode[0];
  const last = episode[episode.length - 1];
  return (
    runs <= FOLD_MAX_RUNS && first !== undefined && last !== undefined && first.startMs >= flaky.startsMs && last.endMs <= flaky.endsMs
  );
}

/** Reuses per-task results of an earlier scoring where the task's history did not change (incremental scoring). */
export interface FailureMemo {
  streaks(k: number, compute: () => FailureStreak[]): FailureStreak[];
  flaky(k: number, excluded: ReadonlySet<number>, compute: () => Finding | null): Finding | null;
}

const NO_MEMO: FailureMemo = { streaks: (_k, compute) => compute(), flaky: (_k, _e, compute) => compute() };

export interface FailureFindings {
  readonly findings: Finding[];
  readonly streaks: FailureStreak[];
}

/** Failure bursts, bad deploys and flaky tasks over every task of an environment. */
export function detectFailures(
  series: readonly TaskSeries[],
  ctx: FailureContext,
  p: FailureParams = FAILURE_PARAMS,
  memo: FailureMemo = NO_MEMO,
): FailureFindings {
  const perSeries = series.map((s, k) => memo.streaks(k, () => failureStreaks(s, ctx)));
  const all = perSeries.flat();
  const findings: Finding[] = [];
  const deploys = new Map<string, FailureStreak[]>();
  for (const s of all) {
    if (s.newVersion === null || s.recoveredOnSameVersion) continue;
    const key = `${s.dagId}\u0000${s.newVersion}`;
    deploys.set(key, [...(deploys.get(key) ?? []), s]);
  }
  const inDeploy = new Set<FailureStreak>();
  for (const [key, streaks] of deploys) {
    const [dagId = '', version = ''] = key.split('\u0000');
    if (streaks.length < 2 && !streaks.some((s) => s.to > s.from || s.failedTries >= 2)) continue;
    streaks.forEach((s) => inDeploy.add(s));
    findings.push(deployFinding(dagId, version, streaks, all, ctx));
  }
  series.forEach((s, k) => {
    const excluded = new Set<number>();
    const bursts: FailureStreak[] = [];
    for (const streak of perSeries[k] ?? []) {
      if (inDeploy.has(streak)) {
        for (let i = streak.from; i <= streak.to; i++) excluded.add(i);
        continue;
      }
      if (!isBurst(streak)) continue;
      for (let i = streak.from; i <= streak.to; i++) excluded.add(i);
      bursts.push(streak);
    }
    const flaky = memo.flaky(k, excluded, () => detectFlaky(s, excluded, p));
    for (const episode of burstEpisodes(bursts)) {
      if (flaky && foldsIntoFlaky(episode, flaky)) continue;
      findings.push(burstFinding(episode, all, ctx));
    }
    if (flaky) findings.push(flaky);
  });
  return { findings, streaks: all };
}
