/** The generated DAG catalogue: what each DAG looks like and how its tasks behave. */

/** A time-based schedule: slots at `offsetMs + k × periodMs` from `anchorMs` (UTC). */
export interface TimeSchedule {
  readonly kind: 'time';
  // What Airflow shows: '@hourly', '0 */6 * * *', '30 2 * * *' ...
  readonly expression: string;
  readonly periodMs: number;
  readonly anchorMs: number;
}

export interface AssetSchedule {
  readonly kind: 'asset';
  readonly expression: string;
  /** The DAG runs once every one of these assets was updated since its last run. */
  readonly uris: readonly string[];
}

/** Runs only when triggered (TriggerDagRunOperator children). */
export interface NoSchedule {
  readonly kind: 'none';
}

export type Schedule = TimeSchedule | AssetSchedule | NoSchedule;

export type TriggerRule = 'all_success' | 'none_failed_min_one_success' | 'all_done';

/** How a task behaves at run time, besides its graph position. */
export type TaskBehaviour =
  | { readonly kind: 'work' }
  | { readonly kind: 'sensor' }
  /** Chooses one of `choices` (lists of direct downstream task indexes); the others are skipped. */
  | { readonly kind: 'branch'; readonly choices: readonly (readonly number[])[]; readonly weights: readonly number[] }
  | { readonly kind: 'trigger'; readonly childDagId: string };

export interface TaskSpec {
  readonly taskId: string;
  readonly operator: string;
  readonly pool: string;
  readonly queue: string;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly triggerRule: TriggerRule;
  readonly taskGroup: string | null;
  /** Indexes of upstream tasks; tasks are stored in topological order. */
  readonly upstream: readonly number[];
  readonly downstream: readonly number[];
  /** Mapped tasks expand to between min and max map indexes per run. */
  readonly mapped: { readonly min: number; readonly max: number } | null;
  readonly behaviour: TaskBehaviour;
  readonly medianS: number;
  readonly sigma: number;
  /** Background chance that one try fails (unlabelled, ordinary failures). */
  readonly failureP: number;
  /** Asset updated when this task succeeds. */
  readonly outletUri: string | null;
}

export interface Seasonality {
  /** Relative amplitude of the daily cycle (0.2 = ±20 %). */
  readonly dailyAmplitude: number;
  readonly peakHour: number;
  /** Duration factor on Saturday and Sunday. */
  readonly weekendFactor: number;
  /** Slow background drift of durations, relative per day. */
  readonly driftPerDay: number;
}

export interface DagSpec {
  readonly dagId: string;
  readonly description: string;
  readonly owners: readonly string[];
  readonly tags: readonly string[];
  readonly fileloc: string;
  readonly schedule: Schedule;
  readonly tasks: readonly TaskSpec[];
  readonly maxActiveRuns: number;
  readonly paramsJson: string | null;
  readonly seasonality: Seasonality;
  /** Deploy instants, ascending: the DAG version is 1 + the number of deploys at or before a run's creation. */
  readonly deploys: readonly number[];
  /** When the DAG was paused (no runs after), or null. */
  readonly pausedAt: number | null;
  /** Manual runs per week on average. */
  readonly manualPerWeek: number;
  /** Manual triggers in the last minutes of history, so "now" has queued and running runs. */
  readonly triggersNearNow: readonly number[];
  /** Daily logical dates backfilled before the history starts, executed at `backfill.at`. */
  readonly backfill: { readonly at: number; readonly days: number } | null;
  readonly owner: string;
}
