import { detectDurations, DURATION_PARAMS, type DurationParams } from './detectors/duration-detector';
import type { FailureContext } from './detectors/failure-context';
import { detectFailures, FAILURE_PARAMS, type FailureParams } from './detectors/failure-detector';
import { newPatternFindings } from './detectors/new-pattern-findings';
import { detectSchedule, SCHEDULE_PARAMS, type ScheduleParams } from './detectors/schedule-detector';
import type { Finding } from './finding';
import type { EnvHistory, RunInfo } from './history-types';
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
}

export const SCORE_PARAMS: ScoreParams = { duration: DURATION_PARAMS, schedule: SCHEDULE_PARAMS, failure: FAILURE_PARAMS };

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

function failureContext(history: EnvHistory, mined: MinedPatterns): FailureContext {
  const runs = new Map<string, RunInfo>();
  for (const list of history.runsByDag.values()) for (const r of list) runs.set(`${r.dagId}\u0000${r.runId}`, r);
  const texts = new Map(mined.patterns.map((p) => [p.patternId, p.template]));
  return {
    run: (dagId, runId) => runs.get(`${dagId}\u0000${runId}`),
    patternOf: (dagId, runId, taskId, mapIndex, tryNumber) => mined.byLog.get(logKey(dagId, runId, taskId, mapIndex, tryNumber)),
    patternText: (id) => texts.get(id) ?? id,
    producedAssets: (dagId) => history.producedAssets.get(dagId) ?? [],
  };
}

/** Hands control back to the event loop between chunks of work (the engine keeps answering). */
export type Yielder = () => Promise<void>;

const SERIES_PER_CHUNK = 200;

/** Every detector over one environment's history; pure (no I/O), so the eval and the bench call it directly. */
export function scoreEnvironment(history: EnvHistory, params: ScoreParams = SCORE_PARAMS): ScoredEnvironment {
  const findings: Finding[] = [];
  for (const s of history.series) findings.push(...detectDurations(s, params.duration));
  return finishScoring(history, params, findings);
}

/** The same, yielding to the event loop between chunks of tasks. */
export async function scoreEnvironmentInChunks(history: EnvHistory, pause: Yielder, params: ScoreParams = SCORE_PARAMS): Promise<ScoredEnvironment> {
  const findings: Finding[] = [];
  for (let i = 0; i < history.series.length; i++) {
    const s = history.series[i];
    if (s) findings.push(...detectDurations(s, params.duration));
    if (i % SERIES_PER_CHUNK === SERIES_PER_CHUNK - 1) await pause();
  }
  await pause();
  return finishScoring(history, params, findings);
}

function finishScoring(history: EnvHistory, params: ScoreParams, findings: Finding[]): ScoredEnvironment {
  const start = historyStart(history);
  const mined = minePatterns(history.logs, warmupEnd(start, history.asOfMs));
  for (const dag of history.dags) findings.push(...detectSchedule(dag, history.runsByDag.get(dag.dagId) ?? [], history.asOfMs, params.schedule));
  findings.push(...detectFailures(history.series, failureContext(history, mined), params.failure).findings);
  const known = mined.patterns.filter((p) => !p.isNew).length;
  findings.push(...newPatternFindings(mined.patterns, known, history.asOfMs));
  findings.sort((a, b) => b.score - a.score || b.detectedMs - a.detectedMs);
  return { findings, patterns: mined, historyStartMs: start };
}
