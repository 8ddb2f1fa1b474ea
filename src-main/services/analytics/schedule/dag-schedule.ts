import type { ScheduleZone } from './dag-timezone';
import type { SlotSequence } from './slot-sequence';

/**
 * What a DAG's schedule is: `cron` and `delta` have slots; `asset_or_time` has the slots of its time part (asset
 * events add runs between them); `once`, `continuous`, `manual` and `asset` have none that could be missed or late;
 * `unknown` is a schedule this app cannot read (a custom timetable, an unknown timezone).
 */
export type ScheduleKind = 'cron' | 'delta' | 'asset_or_time' | 'once' | 'continuous' | 'manual' | 'asset' | 'unknown';

export interface DagSchedule {
  readonly kind: ScheduleKind;
  /** The schedule as Airflow shows it (null: no schedule). */
  readonly text: string | null;
  /** Null when the schedule has no slots to check. */
  readonly slots: SlotSequence | null;
  /** The DAG's clock, for showing slot times as its owners read them (UTC when Airflow named none this app knows). */
  readonly zone: ScheduleZone;
  /** Why no run of this DAG is ever called missed or late (null when its slots are checked). */
  readonly noClaimReason: string | null;
}
