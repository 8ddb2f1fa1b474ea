import { detectDurations } from './detectors/duration-detector';
import type { FailureStreak } from './detectors/failure-context';
import { detectFailures, type FailureMemo } from './detectors/failure-detector';
import { queueSpikes, type QueueSpike } from './detectors/queue-delays';
import { queueFindings } from './detectors/queue-episodes';
import { overdueFindings, scheduleHistoryFindings, scheduleProfile, type ScheduleProfile } from './detectors/schedule-detector';
import { dagScheduleHash } from './schedule/dag-schedule-hash';
import type { Finding } from './finding';
import type { EnvHistory, RunInfo } from './history-types';
import { logKey, type MinedPatterns } from './patterns/pattern-miner';
import {
  failureContext,
  finishFindings,
  mineHistoryPatterns,
  SCORE_PARAMS,
  type ScoredEnvironment,
  type ScoreParams,
  type Yielder,
} from './score-environment';
import { seriesHash, runsHash } from './series-hash';

interface CachedSeries {
  readonly hash: number;
  readonly durations: readonly Finding[];
  readonly queueSpikes: readonly QueueSpike[];
  streaks: FailureStreak[] | null;
  flaky: { readonly key: string; readonly finding: Finding | null } | null;
}

interface CachedDag {
  readonly hash: number;
  readonly profile: ScheduleProfile | null;
  readonly history: readonly Finding[];
}

/**
 * What the last scoring of an environment computed per task and per DAG,
 * keyed by a hash of the rows it read: a task or DAG whose rows did not change
 * is not scored again. Held in memory by the analytics service.
 */
export class ScoringCache {
  readonly series = new Map<string, CachedSeries>();
  readonly dags = new Map<string, CachedDag>();
  params: ScoreParams | null = null;
}

export interface IncrementalStats {
  readonly seriesRescored: number;
  readonly seriesTotal: number;
  readonly rowsRescored: number;
  readonly dagsRescored: number;
}

export interface IncrementalScoring extends ScoredEnvironment {
  readonly stats: IncrementalStats;
}

/** Pattern ids of a task's failure logs, in log order: streaks depend on them, so they are part of the task's key. */
function patternKeys(history: EnvHistory, mined: MinedPatterns): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of history.logs) {
    const key = `${l.dagId}\u0000${l.taskId}`;
    const id = mined.byLog.get(logKey(l.dagId, l.runId, l.taskId, l.mapIndex, l.tryNumber)) ?? '';
    out.set(key, `${out.get(key) ?? ''}|${l.runId}:${l.mapIndex}:${l.tryNumber}=${id}`);
  }
  return out;
}

/** Hash of a task's rows and of the error patterns of its logs. */
function taskHash(rowsHash: number, patterns: string | undefined): number {
  let h = rowsHash;
  const text = patterns ?? '';
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The same findings as `scoreEnvironment`, re-running the per-task detectors
 * only for tasks whose rows changed since the cache was filled, and the
 * per-DAG schedule detector only for DAGs whose runs changed. Environment-wide
 * steps (error patterns over the failure logs, grouping failure streaks into
 * bursts and deploys, grouping queue spikes into pool episodes, overdue runs
 * against "now") run every time; they read the failures and spikes, not every row.
 */
export function scoreIncrementally(history: EnvHistory, cache: ScoringCache, params: ScoreParams = SCORE_PARAMS): IncrementalScoring {
  const steps = scoringSteps(history, cache, params);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, yielding to the event loop between chunks of tasks (a first, full scoring of a large environment). */
export async function scoreIncrementallyInChunks(
  history: EnvHistory,
  cache: ScoringCache,
  pause: Yielder,
  params: ScoreParams = SCORE_PARAMS,
): Promise<IncrementalScoring> {
  const steps = scoringSteps(history, cache, params);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Rows scored between two yields to the event loop. */
const ROWS_PER_CHUNK = 100_000;

function* scoringSteps(history: EnvHistory, cache: ScoringCache, params: ScoreParams): Generator<void, IncrementalScoring> {
  if (cache.params !== params) {
    cache.series.clear();
    cache.dags.clear();
    cache.params = params;
  }
  const mined = mineHistoryPatterns(history);
  const patterns = patternKeys(history, mined);
  const entries: CachedSeries[] = [];
  const findings: Finding[] = [];
  const spikes: QueueSpike[] = [];
  const seen = new Set<string>();
  let seriesRescored = 0;
  let rowsRescored = 0;
  for (const s of history.series) {
    const key = `${s.dagId}\u0000${s.taskId}`;
    seen.add(key);
    const hash = taskHash(seriesHash(s), patterns.get(key));
    let entry = cache.series.get(key);
    if (!entry || entry.hash !== hash) {
      entry = {
        hash,
        durations: detectDurations(s, params.duration),
        queueSpikes: queueSpikes(s, params.queue),
        streaks: null,
        flaky: null,
      };
      cache.series.set(key, entry);
      seriesRescored++;
      const before = rowsRescored;
      rowsRescored += s.length;
      if (Math.floor(rowsRescored / ROWS_PER_CHUNK) > Math.floor(before / ROWS_PER_CHUNK)) yield;
    }
    entries.push(entry);
    findings.push(...entry.durations);
    spikes.push(...entry.queueSpikes);
  }
  findings.push(...queueFindings(history.series, spikes, history.poolSlots, params.queue));
  let dagsRescored = 0;
  const seenDags = new Set<string>();
  for (const dag of history.dags) {
    seenDags.add(dag.dagId);
    const runs: readonly RunInfo[] = history.runsByDag.get(dag.dagId) ?? [];
    const hash = (runsHash(runs) ^ dagScheduleHash(dag)) >>> 0;
    let entry = cache.dags.get(dag.dagId);
    if (!entry || entry.hash !== hash) {
      const profile = scheduleProfile(dag, runs, params.schedule);
      entry = { hash, profile, history: scheduleHistoryFindings(profile, params.schedule) };
      cache.dags.set(dag.dagId, entry);
      dagsRescored++;
    }
    findings.push(...entry.history);
    if (entry.profile) findings.push(...overdueFindings(dag, entry.profile, history.asOfMs, params.schedule));
  }
  for (const key of [...cache.series.keys()]) if (!seen.has(key)) cache.series.delete(key);
  for (const key of [...cache.dags.keys()]) if (!seenDags.has(key)) cache.dags.delete(key);
  const memo: FailureMemo = {
    streaks: (k, compute) => {
      const e = entries[k] as CachedSeries;
      return (e.streaks ??= compute());
    },
    flaky: (k, excluded, compute) => {
      const e = entries[k] as CachedSeries;
      const key = [...excluded].join(',');
      if (e.flaky?.key !== key) e.flaky = { key, finding: compute() };
      return e.flaky.finding;
    },
  };
  findings.push(...detectFailures(history.series, failureContext(history, mined), params.failure, memo).findings);
  return {
    ...finishFindings(history, mined, findings),
    stats: { seriesRescored, seriesTotal: history.series.length, rowsRescored, dagsRescored },
  };
}
