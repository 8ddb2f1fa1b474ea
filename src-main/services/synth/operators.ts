import type { Rng } from './prng';
import { MINUTE } from './instants';
import type { TaskBehaviour, TaskSpec, TriggerRule } from './catalogue-types';

/** Airflow operators the catalogue uses, with how long they typically run and where. */
export type Operator =
  | 'PythonOperator'
  | 'BashOperator'
  | 'SQLExecuteQueryOperator'
  | 'S3KeySensor'
  | 'KubernetesPodOperator'
  | 'TriggerDagRunOperator'
  | 'BranchPythonOperator'
  | 'EmptyOperator'
  | 'HttpOperator'
  | 'S3ToRedshiftOperator';

interface OperatorProfile {
  /** Range of the median run time, seconds, for a daily DAG. */
  readonly medianS: readonly [number, number];
  readonly pools: readonly string[];
  readonly queue: string;
  readonly failureP: readonly [number, number];
}

const PROFILES: Readonly<Record<Operator, OperatorProfile>> = {
  PythonOperator: { medianS: [20, 900], pools: ['default_pool', 'default_pool', 's3_pool'], queue: 'default', failureP: [0.001, 0.006] },
  BashOperator: { medianS: [10, 300], pools: ['default_pool'], queue: 'default', failureP: [0.001, 0.004] },
  SQLExecuteQueryOperator: { medianS: [30, 600], pools: ['postgres_pool', 'default_pool'], queue: 'default', failureP: [0.001, 0.005] },
  S3KeySensor: { medianS: [60, 1200], pools: ['sensor_pool'], queue: 'default', failureP: [0.001, 0.004] },
  KubernetesPodOperator: { medianS: [300, 2400], pools: ['spark_pool'], queue: 'kubernetes', failureP: [0.002, 0.008] },
  TriggerDagRunOperator: { medianS: [1, 4], pools: ['default_pool'], queue: 'default', failureP: [0, 0.0005] },
  BranchPythonOperator: { medianS: [2, 8], pools: ['default_pool'], queue: 'default', failureP: [0, 0.0005] },
  EmptyOperator: { medianS: [0.5, 1.5], pools: ['default_pool'], queue: 'default', failureP: [0, 0] },
  HttpOperator: { medianS: [5, 120], pools: ['api_pool'], queue: 'default', failureP: [0.002, 0.008] },
  S3ToRedshiftOperator: { medianS: [60, 900], pools: ['s3_pool'], queue: 'default', failureP: [0.001, 0.004] },
};

export interface TaskDraftInput {
  readonly taskId: string;
  readonly operator: Operator;
  readonly taskGroup?: string | null;
  readonly triggerRule?: TriggerRule;
  readonly mapped?: { readonly min: number; readonly max: number } | null;
  readonly behaviour?: TaskBehaviour;
  readonly outletUri?: string | null;
  /** Multiplies the drawn median (e.g. long training jobs). */
  readonly weight?: number;
}

export type TaskDraft = Omit<TaskSpec, 'upstream' | 'downstream'>;

/** Draws the run-time traits of one task from its operator's profile. */
export function draftTask(rng: Rng, durationScale: number, input: TaskDraftInput): TaskDraft {
  const profile = PROFILES[input.operator];
  const [lo, hi] = profile.medianS;
  const median = Math.exp(rng.uniform(Math.log(lo), Math.log(hi))) * durationScale * (input.weight ?? 1);
  const quiet =
    input.operator === 'EmptyOperator' || input.operator === 'BranchPythonOperator' || input.operator === 'TriggerDagRunOperator';
  const retries = quiet
    ? 0
    : rng.weighted<number>([
        [0, 0.2],
        [1, 0.35],
        [2, 0.3],
        [3, 0.15],
      ]);
  return {
    taskId: input.taskId,
    operator: input.operator,
    pool: rng.pick(profile.pools),
    queue: profile.queue,
    retries,
    retryDelayMs: rng.pick([2, 5, 5, 5, 10]) * MINUTE,
    triggerRule: input.triggerRule ?? 'all_success',
    taskGroup: input.taskGroup ?? null,
    mapped: input.mapped ?? null,
    behaviour: input.behaviour ?? (input.operator === 'S3KeySensor' ? { kind: 'sensor' } : { kind: 'work' }),
    medianS: Math.max(0.5, Math.round(median * 10) / 10),
    sigma: input.operator === 'S3KeySensor' ? rng.uniform(0.4, 0.7) : rng.uniform(0.12, 0.35),
    failureP: rng.uniform(profile.failureP[0], profile.failureP[1]),
    outletUri: input.outletUri ?? null,
  };
}
