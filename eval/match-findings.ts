import type { AnomalyKind } from '../src-shared/domain/analytics';
import type { Finding } from '../src-main/services/analytics/finding';
import type { SynthLabel } from '../src-main/services/synth/label-types';
import { evidenceMs } from './evidence-time';

const DAY = 86_400_000;
const SLACK_MS = DAY;

/**
 * Alert kinds that are a fair reading of an incident kind: a flaky task's
 * exhausted retries are also a burst, a bad deploy's failures are one, a new
 * error that keeps recurring is also flaky. Recall needs the exact kind.
 */
export const COMPATIBLE: Readonly<Record<AnomalyKind, readonly AnomalyKind[]>> = {
  duration_spike: ['duration_spike'],
  gradual_slowdown: ['gradual_slowdown', 'duration_spike'],
  failure_burst: ['failure_burst'],
  flaky_task: ['flaky_task', 'failure_burst'],
  bad_deploy: ['bad_deploy', 'failure_burst'],
  late_schedule: ['late_schedule'],
  missed_schedule: ['missed_schedule'],
  new_error_pattern: ['new_error_pattern', 'flaky_task', 'failure_burst'],
  queue_spike: ['queue_spike', 'pool_starvation'],
  pool_starvation: ['pool_starvation', 'queue_spike'],
};

/** The tasks a label names (a bad deploy names every task it broke); empty for DAG- and environment-wide incidents. */
function labelTasks(l: SynthLabel): readonly string[] {
  if (l.kind === 'bad_deploy') return l.detail.taskIds;
  return l.taskId === null ? [] : [l.taskId];
}

/**
 * Same place (the pool of an environment-wide incident; else the DAG, and the
 * task where the label names one) and overlapping times, give or take a day.
 */
function overlaps(f: Finding, l: SynthLabel): boolean {
  const tasks = labelTasks(l);
  const where =
    l.kind === 'queue_spike'
      ? f.causes.some((c) => c.kind === 'pool' && c.value === l.detail.pool)
      : f.dagId === l.dagId && (tasks.length === 0 || (f.taskId !== null && tasks.includes(f.taskId)));
  return where && f.startsMs <= Date.parse(l.endsAt) + SLACK_MS && f.endsMs >= Date.parse(l.startsAt) - SLACK_MS;
}

export interface LabelOutcome {
  readonly label: SynthLabel;
  readonly detected: boolean;
  /** Detection delay in hours from the label's start (first matching alert of the same kind). */
  readonly delayH: number | null;
  /** Detection delay in hours from when the evidence first existed (see evidenceMs). */
  readonly evidenceDelayH: number | null;
}

export interface MatchResult {
  readonly labels: LabelOutcome[];
  /** Findings that match no label with a compatible kind: false alerts. */
  readonly falseAlerts: Finding[];
  readonly trueAlerts: Finding[];
}

/** The labels a finding is a fair reading of (a compatible kind, the same place and time). */
export function labelsOfFinding(f: Finding, labels: readonly SynthLabel[]): SynthLabel[] {
  return labels.filter((l) => COMPATIBLE[l.kind].includes(f.kind) && overlaps(f, l));
}

export function matchFindings(findings: readonly Finding[], labels: readonly SynthLabel[]): MatchResult {
  const outcomes = labels.map((label) => {
    const same = findings.filter((f) => f.kind === label.kind && overlaps(f, label));
    const first = same.reduce<Finding | null>((a, f) => (a === null || f.detectedMs < a.detectedMs ? f : a), null);
    const delayH = first ? Math.max(0, first.detectedMs - Date.parse(label.startsAt)) / 3_600_000 : null;
    const evidenceDelayH = first ? Math.max(0, first.detectedMs - evidenceMs(label)) / 3_600_000 : null;
    return { label, detected: first !== null, delayH, evidenceDelayH };
  });
  const trueAlerts: Finding[] = [];
  const falseAlerts: Finding[] = [];
  for (const f of findings) {
    const ok = labelsOfFinding(f, labels).length > 0;
    (ok ? trueAlerts : falseAlerts).push(f);
  }
  return { labels: outcomes, falseAlerts, trueAlerts };
}
