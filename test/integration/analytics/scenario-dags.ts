/**
 * What the scenario DAGs in test/fixtures/dags/scenario/ are, and the incidents injected into them
 * (keep in sync with the README there). Slots are counted in days before today (UTC): 0 is today's
 * 00:00 slot, 1 yesterday's, and so on.
 */
import type { AnomalyKind } from '../../../src-shared/domain/analytics';

/** DAGs whose history is healthy: no finding may name them. */
export const HEALTHY_DAGS = [
  'orc_sc_weekday',
  'orc_sc_business_hours',
  'orc_sc_berlin_weekly',
  'orc_sc_asset_sink',
  'orc_sc_manual',
  'orc_sc_once',
  'orc_sc_every_6h',
  'orc_sc_mapped',
  'orc_sc_sensor',
] as const;

export const INCIDENT_DAGS = ['orc_sc_slowdown', 'orc_sc_failures', 'orc_sc_late_start'] as const;

export type ScenarioDagId = (typeof HEALTHY_DAGS)[number] | (typeof INCIDENT_DAGS)[number];

/** DAGs the test unpauses so that catch-up builds their history (the late start is unpaused on its own). */
export const CATCH_UP_DAGS: readonly ScenarioDagId[] = HEALTHY_DAGS.filter((d) => d !== 'orc_sc_manual' && d !== 'orc_sc_asset_sink');

/** A task that failed every try in the last `days` daily slots of orc_sc_failures. */
export interface FailureIncident {
  readonly dagId: 'orc_sc_failures';
  readonly taskId: string;
  readonly days: number;
  /** Tries per failed run (retries + 1). */
  readonly triesPerRun: number;
  /** The exception class in its log. */
  readonly error: string;
  readonly downstreamUpstreamFailed: boolean;
}

export const FAILURE_INCIDENTS: readonly FailureIncident[] = [
  { dagId: 'orc_sc_failures', taskId: 'parse_json', days: 2, triesPerRun: 1, error: 'JSONDecodeError', downstreamUpstreamFailed: false },
  { dagId: 'orc_sc_failures', taskId: 'load_sqlite', days: 3, triesPerRun: 2, error: 'IntegrityError', downstreamUpstreamFailed: false },
  { dagId: 'orc_sc_failures', taskId: 'run_cmd', days: 2, triesPerRun: 3, error: 'CalledProcessError', downstreamUpstreamFailed: false },
  { dagId: 'orc_sc_failures', taskId: 'fetch_api', days: 2, triesPerRun: 2, error: 'ConnectionError', downstreamUpstreamFailed: true },
];

/** orc_sc_slowdown.transform: 0.3 s, 6 s in the last 3 daily slots. */
export const SLOWDOWN = { dagId: 'orc_sc_slowdown', taskId: 'transform', days: 3, normalS: 0.3, slowS: 6 } as const;

/** Kinds a finding about each incident may have. */
export const FAILURE_KINDS: readonly AnomalyKind[] = ['failure_burst', 'flaky_task', 'new_error_pattern', 'bad_deploy'];
export const SLOWDOWN_KINDS: readonly AnomalyKind[] = ['duration_spike', 'gradual_slowdown'];
export const LATE_KINDS: readonly AnomalyKind[] = ['late_schedule'];

/** orc_sc_late_start: every 2 hours, no catch-up; history from a backfill of the day before. */
export const LATE_START = { dagId: 'orc_sc_late_start', taskId: 'refresh', periodMs: 2 * 3_600_000 } as const;
/** A run that started this long after its slot is late for anyone; under the lower bound it is on time. */
export const CLEARLY_LATE_MS = 15 * 60_000;
export const CLEARLY_ON_TIME_MS = 3 * 60_000;

export const DAY_MS = 86_400_000;

/** Today's 00:00 UTC in ms. */
export function todayUtcMs(now = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}
