import type { RiskReason } from '../../../../src-shared/domain/analytics';
import { FEATURES, type FeatureName } from './feature-names';
import type { RiskModel } from './risk-model';
import { longRunCounts } from './risk-features';

export interface Explained {
  /** `runs`: how many earlier runs of the task the model saw (0 where unknown). */
  readonly text: (v: number, runs: number) => string;
  readonly mitigation: string;
  /** Whether the sentence is true of this value (absent: it claims nothing about the value, only the model's lean). */
  readonly holds?: (v: number) => boolean;
}

export const yes = (v: number): boolean => v >= 0.5;
/** Counts stored as log1p(n): the sentence names a count, so it holds from one up. */
export const countHolds = (v: number): boolean => Math.round(Math.expm1(v)) >= 1;
/** fail_streak is min(streak, 5) / 5. */
const streakHolds = (v: number): boolean => Math.round(v * 5) >= 1;
/** Rates of the last 10 runs: the sentence says "n of the last 10", so it holds from one up. */
export const tenthsHold = (v: number): boolean => Math.round(v * 10) >= 1;

/**
 * The task's own long-run count, never a percentage: the tooltip sits on the DAG's row beside the DAG's failure rate
 * (failed runs / finished runs), a different figure, and the model's value is shrunk towards the usual rate.
 */
function longRunText(v: number, runs: number): string {
  const { failed, of } = longRunCounts(v, runs);
  return of > 0
    ? `this task failed or needed a retry in ${failed} of its last ${of} runs`
    : 'this task often failed or needed a retry over the long run';
}

export const EXPLAIN: Readonly<Record<FeatureName, Explained>> = {
  fail_rate_10: {
    holds: tenthsHold,
    text: (v) => `failed (or needed a retry) in ${Math.round(v * 10)} of the last 10 runs`,
    mitigation: 'Look at its recurring error pattern; raise retries only if the failures are transient.',
  },
  last_failed: {
    holds: yes,
    text: () => 'the last run failed or needed a retry',
    mitigation: 'Fix or clear the last failure before the next run; pause the DAG until the upstream recovers.',
  },
  fail_streak: {
    holds: streakHolds,
    text: (v) => `failed ${Math.round(v * 5)} run(s) in a row`,
    mitigation: 'Pause the DAG until the cause is fixed, and tell its consumers.',
  },
  retry_rate_10: {
    holds: (v) => Math.round(v * 100) >= 1,
    text: (v) => `${Math.round(v * 100)}% of recent tries needed a retry`,
    mitigation: 'Raise retries and retry_delay (with exponential backoff) and find the intermittent dependency.',
  },
  duration_trend: {
    holds: (v) => Math.round((Math.exp(v) - 1) * 100) >= 1,
    text: (v) => `recent runs ${Math.round((Math.exp(v) - 1) * 100)}% slower than usual`,
    mitigation: 'Raise execution_timeout or give the task more resources before it times out.',
  },
  dag_failures_24h: {
    holds: countHolds,
    text: (v) => `${Math.round(Math.expm1(v))} failure(s) in this DAG in the last 24 h`,
    mitigation: 'Check the upstream tasks first; add a sensor on the upstream asset so it waits instead of failing.',
  },
  env_failures_6h: {
    holds: countHolds,
    text: (v) => `${Math.round(Math.expm1(v))} failure(s) across the environment in the last 6 h`,
    mitigation: 'Environment-wide trouble: check workers, the scheduler and shared services before retrying.',
  },
  version_changed: {
    holds: yes,
    text: () => 'a new DAG version was deployed',
    mitigation: 'Watch the first runs after the deploy and roll back if they fail.',
  },
  hour_sin: {
    text: () => 'runs at a failure-prone hour of the day',
    mitigation: 'Move the schedule away from the busy hour, or give the pool more slots then.',
  },
  hour_cos: {
    text: () => 'runs at a failure-prone hour of the day',
    mitigation: 'Move the schedule away from the busy hour, or give the pool more slots then.',
  },
  weekend: {
    holds: yes,
    text: () => 'weekend runs fail more often',
    mitigation: 'Check what differs at weekends (maintenance windows, on-call coverage).',
  },
  long_run_fail_rate: {
    holds: (v) => v >= 0.0005,
    text: longRunText,
    mitigation: 'A chronic failure: add retries with backoff or fix the root cause.',
  },
  pool_failures_24h: {
    holds: countHolds,
    text: (v) => `${Math.round(Math.expm1(v))} failure(s) in its pool in the last 24 h`,
    mitigation: 'Move the task to another pool or raise the pool slots.',
  },
};

/** Inputs of a model, each in words with a mitigation, in column order. */
export type ExplainedInputs = readonly (Explained & { readonly feature: string })[];

/**
 * The inputs that push a row's score up most (weight × standardized value), in
 * words, each with a mitigation. An input is named only where its weight is
 * above zero and its sentence holds for the row's value: a zero "last run
 * failed" below a negative weight also raises the score, but saying it would
 * be false.
 */
export function topReasons(model: RiskModel, x: Float64Array, r: number, inputs: ExplainedInputs, top = 3, runs = 0): RiskReason[] {
  const width = inputs.length;
  const contributions: { j: number; c: number }[] = [];
  for (let j = 0; j < width; j++) {
    const v = x[r * width + j] ?? 0;
    const c = (model.lr.weights[j + 1] ?? 0) * ((v - (model.lr.mean[j] ?? 0)) / (model.lr.scale[j] ?? 1));
    contributions.push({ j, c });
  }
  const seen = new Set<string>();
  return contributions
    .filter((k) => k.c > 0.05 && (model.lr.weights[k.j + 1] ?? 0) > 0 && (inputs[k.j]?.holds?.(x[r * width + k.j] ?? 0) ?? true))
    .sort((a, b) => b.c - a.c)
    .flatMap(({ j, c }) => {
      const e = inputs[j];
      return e
        ? [{ feature: e.feature, text: e.text(x[r * width + j] ?? 0, runs), weight: Math.round(c * 100) / 100, mitigation: e.mitigation }]
        : [];
    })
    .filter((reason) => (seen.has(reason.text) ? false : (seen.add(reason.text), true)))
    .slice(0, top);
}

const FAILURE_INPUTS: ExplainedInputs = FEATURES.map((feature) => ({ feature, ...EXPLAIN[feature] }));

/** The inputs that push this row's failure risk up most, in words, each with a mitigation. */
export function riskReasons(model: RiskModel, x: Float64Array, r: number, top = 3, runs = 0): RiskReason[] {
  return topReasons(model, x, r, FAILURE_INPUTS, top, runs);
}
