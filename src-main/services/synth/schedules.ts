import type { Rng } from './prng';
import type { TimeSchedule } from './catalogue-types';
import { DAY, HOUR, MINUTE } from './instants';

export type Cadence = 'hourly' | 'six_hourly' | 'daily' | 'weekly';

/** A concrete time schedule for a cadence, with the cron text Airflow would show. */
export function timeSchedule(cadence: Cadence, rng: Rng): TimeSchedule {
  switch (cadence) {
    case 'hourly': {
      const m = rng.pick([0, 0, 5, 15, 30, 45]);
      return { kind: 'time', expression: m === 0 ? '@hourly' : `${m} * * * *`, periodMs: HOUR, anchorMs: m * MINUTE };
    }
    case 'six_hourly': {
      const m = rng.pick([0, 0, 10, 30]);
      return { kind: 'time', expression: `${m} */6 * * *`, periodMs: 6 * HOUR, anchorMs: m * MINUTE };
    }
    case 'daily': {
      const h = rng.pick([0, 0, 1, 2, 3, 4, 5, 6, 7]);
      const m = rng.pick([0, 0, 15, 30]);
      const expression = h === 0 && m === 0 ? '@daily' : `${m} ${h} * * *`;
      return { kind: 'time', expression, periodMs: DAY, anchorMs: h * HOUR + m * MINUTE };
    }
    case 'weekly':
      // 1970-01-04 was a Sunday, 1970-01-05 a Monday.
      return rng.chance(0.5)
        ? { kind: 'time', expression: '@weekly', periodMs: 7 * DAY, anchorMs: 3 * DAY }
        : { kind: 'time', expression: '0 3 * * 1', periodMs: 7 * DAY, anchorMs: 4 * DAY + 3 * HOUR };
  }
}

/**
 * Logical dates (data interval starts) of the slots whose interval ends in
 * (fromMs, toMs]: the runs a scheduler would have created in that window.
 */
export function slotsEndingBetween(schedule: TimeSchedule, fromMs: number, toMs: number): number[] {
  const { periodMs, anchorMs } = schedule;
  const firstIndex = Math.floor((fromMs - periodMs - anchorMs) / periodMs) + 1;
  const out: number[] = [];
  for (let slot = anchorMs + firstIndex * periodMs; slot + periodMs <= toMs; slot += periodMs) {
    if (slot + periodMs > fromMs) out.push(slot);
  }
  return out;
}
