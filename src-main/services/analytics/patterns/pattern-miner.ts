import type { FailureLog } from '../history-types';
import { Drain, type DrainCluster } from './drain';
import { failureSignature } from './log-signature';
import { maskedTokens } from './log-mask';

const DAY = 86_400_000;

export interface PatternSample {
  readonly dagId: string;
  readonly taskId: string;
  readonly runId: string;
  readonly tryNumber: number;
  readonly atMs: number;
  readonly line: string;
}

export interface MinedPattern {
  readonly patternId: string;
  template: string;
  readonly exception: string;
  count: number;
  readonly firstSeenMs: number;
  lastSeenMs: number;
  readonly first: PatternSample;
  readonly samples: PatternSample[];
  /** `dag\u0000task` → occurrences and last time. */
  readonly tasks: Map<string, { count: number; lastMs: number }>;
  readonly times: number[];
  isNew: boolean;
  /** Failures of any pattern logged before this one first appeared, and since. */
  readonly failuresBefore: number;
  failuresSince: number;
  /** When a new pattern became too frequent to have gone unseen before: the alert time (null: not confirmed). */
  confirmedMs: number | null;
}

/** Chance that an old pattern with this share of failures would have stayed unseen: below it, the pattern is new. */
export const NEW_PATTERN_ALPHA = 0.01;
/** Pseudo-failures added to the count since first seen, so two occurrences in a row do not look like a 100 % share. */
const CONFIRM_PRIOR = 4;

export interface MinedPatterns {
  readonly patterns: MinedPattern[];
  /** Log key (dag, run, task, map index, try) → pattern id. */
  readonly byLog: Map<string, string>;
}

export function logKey(dagId: string, runId: string, taskId: string, mapIndex: number, tryNumber: number): string {
  return `${dagId}\u0000${runId}\u0000${taskId}\u0000${mapIndex}\u0000${tryNumber}`;
}

const MAX_SAMPLES = 5;

/** The exception class when the line starts with one (`pkg.SomeError:`), else its first words. */
function exceptionName(tokens: readonly string[]): string {
  const head = tokens[0]?.replace(/:$/, '') ?? '';
  if (/^[A-Za-z_][\w.]*(Error|Exception|Timeout|Interrupt|Exit|Warning|Signal|SIGKILL)$/.test(head) || head.includes('.')) return head;
  return tokens
    .slice(0, 4)
    .filter((t) => !t.startsWith('<'))
    .join(' ');
}

interface Signed {
  readonly log: FailureLog;
  readonly line: string;
  readonly tokens: string[];
  readonly cluster: DrainCluster;
}

/** Each failure log's signature line and its template cluster (before any later fold). */
function signLogs(logs: readonly FailureLog[], drain: Drain): Signed[] {
  const out: Signed[] = [];
  for (const log of logs) {
    const line = failureSignature(log.content);
    if (line === null) continue;
    const tokens = maskedTokens(line);
    out.push({ log, line, tokens, cluster: drain.add(tokens) });
  }
  return out;
}

/**
 * Mines failure patterns from logs in time order (as a sync would feed
 * them). Templates are mined over all the logs first, since a later log can
 * show that two early templates are one (see `Drain`); the patterns are then
 * followed in time order. A pattern first seen after `warmupEndMs` is new:
 * the environment had not failed that way before.
 */
export function minePatterns(logs: readonly FailureLog[], warmupEndMs: number): MinedPatterns {
  const drain = new Drain();
  const byCluster = new Map<number, MinedPattern>();
  const byLog = new Map<string, string>();
  let total = 0;
  for (const { log, line, tokens, cluster: first } of signLogs(logs, drain)) {
    const cluster = drain.resolve(first);
    const sample: PatternSample = {
      dagId: log.dagId,
      taskId: log.taskId,
      runId: log.runId,
      tryNumber: log.tryNumber,
      atMs: log.endedMs,
      line,
    };
    let p = byCluster.get(cluster.id);
    if (!p) {
      p = {
        patternId: `p${cluster.id + 1}`,
        template: cluster.tokens.join(' '),
        exception: exceptionName(tokens),
        count: 0,
        firstSeenMs: log.endedMs,
        lastSeenMs: log.endedMs,
        first: sample,
        samples: [],
        tasks: new Map(),
        times: [],
        isNew: log.endedMs >= warmupEndMs,
        failuresBefore: total,
        failuresSince: 0,
        confirmedMs: null,
      };
      byCluster.set(cluster.id, p);
    }
    total++;
    for (const other of byCluster.values())
      if (other !== p || p.count > 0) if (other.isNew && other.confirmedMs === null) other.failuresSince++;
    p.count++;
    if (
      p.isNew &&
      p.confirmedMs === null &&
      p.count >= 2 &&
      (1 - (p.count - 1) / (p.failuresSince + CONFIRM_PRIOR)) ** p.failuresBefore < NEW_PATTERN_ALPHA
    ) {
      p.confirmedMs = log.endedMs;
    }
    p.lastSeenMs = Math.max(p.lastSeenMs, log.endedMs);
    p.times.push(log.endedMs);
    if (p.samples.length < MAX_SAMPLES) p.samples.push(sample);
    else p.samples[MAX_SAMPLES - 1] = sample;
    const key = `${log.dagId}\u0000${log.taskId}`;
    const t = p.tasks.get(key) ?? { count: 0, lastMs: 0 };
    t.count++;
    t.lastMs = Math.max(t.lastMs, log.endedMs);
    p.tasks.set(key, t);
    byLog.set(logKey(log.dagId, log.runId, log.taskId, log.mapIndex, log.tryNumber), p.patternId);
  }
  return { patterns: [...byCluster.values()], byLog };
}

/** Occurrences per day over the `days` days ending at `endMs`, oldest first. */
export function dailyCounts(times: readonly number[], endMs: number, days: number): number[] {
  const out = new Array<number>(days).fill(0);
  for (const t of times) {
    const k = days - 1 - Math.floor((endMs - t) / DAY);
    if (k >= 0 && k < days) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
