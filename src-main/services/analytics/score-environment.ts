import { detectDurations, DURATION_PARAMS, type DurationParams } from './detectors/duration-detector';
import type { FailureContext } from './detectors/failure-context';
import { detectFailures, FAILURE_PARAMS, type FailureParams } from './detectors/failure-detector';
import { newPatternFindings } from './detectors/new-pattern-findings';
import { QUEUE_PARAMS, queueSpikes, type QueueParams, type QueueSpike } from './detectors/queue-delays';
import { queueFindings } from './detectors/queue-episodes';
import { detectSchedule, SCHEDULE_PARAMS, type ScheduleParams } from './detectors/schedule-detector';
import type { Finding } from './finding';
import { upstreamFailedKey, type EnvHistory, type RunInfo } from './history-types';
import { logKey, minePatterns, type MinedPatterns } from './patterns/pattern-miner';

const DAY = 86_400_000;
/** Failure patterns seen in the warm-up (the first week, or the first quarter of a longer history) are the environment's known ones. */
export const PATTERN_WARMUP_DAYS = 7;
export const PATTERN_WARMUP_SHARE = 0.25;

function warmupEnd(startMs: number, asOfMs: number): number {
  return startMs + Math.max(PATTERN_WARMUP_DAYS * DAY, PATTERN_WARMUP_SHARE * (asOfMs - startMs));
}

export interface ScoreParams {
  readonly duration: DurationParams;
  readonly schedule: ScheduleParams;
  readonly failure: FailureParams;
  readonly queue: QueueParams;
}

export const SCORE_PARAMS: ScoreParams = {
  duration: DURATION_PARAMS,
  schedule: SCHEDULE_PARAMS,
  failure: FAILURE_PARAMS,
  queue: QUEUE_PARAMS,
};

export interface ScoredEnvironment {
  readonly findings: Finding[];
  readonly patterns: MinedPatterns;
  readonly historyStartMs: number;
}

export function historyStart(history: EnvHistory): number {
  let start = Infinity;
  for (const s of history.series) if (s.length > 0) start = Math.min(start, s.startMs[0] ?? Infinity);
  return Number.isFinite(start) ? start : history.asOfMs;
}

/** Runs of a DAG by id, indexed on first use (incremental scoring looks up only the DAGs it re-scores). */
function runLookup(history: EnvHistory): (dagId: string, runId: string) => RunInfo | undefined {
  const byDag = new Map<string, Map<string, RunInfo>>();
  return (dagId, runId) => {
    let runs = byDag.get(dagId);
    if (!runs) byDag.set(dagId, (runs = new Map((history.runsByDag.get(dagId) ?? []).map((r) => [r.runId, r]))));
    return runs.get(runId);
  };
}

export function failureContext(history: EnvHistory, mined: MinedPatterns): FailureContext {
  const texts = new Map(mined.patterns.map((p) => [p.patternId, p.template]));
  return {
    run: runLookup(history),
    patternOf: (dagId, runId, taskId, mapIndex, tryNumber) => mined.byLog.get(logKey(dagId, runId, taskId, mapIndex, tryNumber)),
    patternText: (id) => texts.get(id) ?? id,
    producedAssets: (dagId) => history.producedAssets.get(dagId) ?? [],
    upstreamFailed: (dagId, runId, taskId) => history.upstreamFailed.has(upstreamFailedKey(dagId, runId, taskId)),
  };
}

/** Hands control back to the event loop between chunks of work (the engine keeps answering). */
export type Yielder = () => Promise<void>;

/** Every detector over one environment's history; pure (no I/O), so the eval and the bench call it directly. */
export function scoreEnvironment(history: EnvHistory, params: ScoreParams = SCORE_PARAMS): ScoredEnvironment {
  const findings: Finding[] = [];
  const spikes: QueueSpike[] = [];
  for (const s of history.series) {
    findings.push(...detectDurations(s, params.duration));
    spikes.push(...queueSpikes(s, params.queue));
  }
  findings.push(...queueFindings(history.series, spikes, history.poolSlots, params.queue));
  return finishScoring(history, params, findings);
}

/** Error patterns of the environment's failure logs (the first quarter of the history is the warm-up of known ones). */
export function mineHistoryPatterns(history: EnvHistory): MinedPatterns {
  return minePatterns(history.logs, warmupEnd(historyStart(history), history.asOfMs));
}

function finishScoring(history: EnvHistory, params: ScoreParams, findings: Finding[]): ScoredEnvironment {
  const mined = mineHistoryPatterns(history);
  for (const dag of history.dags)
    findings.push(...detectSchedule(dag, history.runsByDag.get(dag.dagId) ?? [], history.asOfMs, params.schedule));
  findings.push(...detectFailures(history.series, failureContext(history, mined), params.failure).findings);
  return finishFindings(history, mined, findings);
}

/** Adds new-pattern findings and ranks everything (most unusual first). */
export function finishFindings(history: EnvHistory, mined: MinedPatterns, findings: Finding[]): ScoredEnvironment {
  const start = historyStart(history);
  const known = mined.patterns.filter((p) => !p.isNew).length;
  findings.push(...newPatternFindings(mined.patterns, known, history.asOfMs));
  findings.sort((a, b) => b.score - a.score || b.detectedMs - a.detectedMs);
  return { findings, patterns: mined, historyStartMs: start };
}
