/** The slots (due times, UTC ms) of a time schedule. */
export interface SlotSequence {
  /** The first slot strictly after `ms`; null when the schedule has none. */
  next(ms: number): number | null;
  /** Whether `ms` is one of the schedule's slots (a run due then belongs to this schedule). */
  holds(ms: number): boolean;
  /** Short text for explanations: `0 9 * * 1-5 (Europe/Berlin)`, `every 6 h`. */
  readonly label: string;
  /** A slot this close before a run's due time is that run's (a timedelta schedule re-anchors after a pause). */
  readonly slackMs: number;
}

/** A `timedelta` schedule: each slot one period after the previous run's, wherever that run was anchored. */
export class DeltaSlots implements SlotSequence {
  constructor(
    readonly periodMs: number,
    readonly label: string,
  ) {}

  get slackMs(): number {
    return this.periodMs / 2;
  }

  next(ms: number): number {
    return ms + this.periodMs;
  }

  holds(): boolean {
    return true;
  }
}
