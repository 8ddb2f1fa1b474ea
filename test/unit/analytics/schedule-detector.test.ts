import { describe, expect, it } from 'vitest';
import { detectSchedule } from '../../../src-main/services/analytics/detectors/schedule-detector';
import type { DagInfo, RunInfo } from '../../../src-main/services/analytics/history-types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);

interface RunSpec {
  readonly due: number;
  /** Logical date; the due time (a trigger timetable) unless given. */
  readonly logical?: number;
  /** When the scheduler created it; 5 s after it was due unless given. */
  readonly queued?: number;
  readonly type?: string;
}

function run(dagId: string, r: RunSpec, i: number): RunInfo {
  const queued = r.queued ?? r.due + 5000;
  const type = r.type ?? 'scheduled';
  return {
    dagId,
    runId: `${type}__${new Date(r.logical ?? r.due).toISOString()}#${i}`,
    runType: type,
    state: 'success',
    logicalMs: r.logical ?? r.due,
    runAfterMs: r.due,
    queuedMs: queued,
    startMs: queued + 2000,
    endMs: queued + 60_000,
    version: null,
  };
}

const runs = (dagId: string, specs: readonly RunSpec[]): RunInfo[] => specs.map((s, i) => run(dagId, s, i));
const dag = (dagId: string, schedule: string | null, extra: Partial<DagInfo> = {}): DagInfo => ({
  dagId,
  schedule,
  isPaused: false,
  ...extra,
});

/** Every `stepMs` from `from` (inclusive) to `to` (exclusive) where `keep` holds. */
function times(from: number, to: number, stepMs: number, keep: (ms: number) => boolean = () => true): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += stepMs) if (keep(t)) out.push(t);
  return out;
}

const weekday = (ms: number): number => new Date(ms).getUTCDay();

describe('schedule detector: weekday cron 0 9 * * 1-5', () => {
  // Mon 2025-03-03 .. Fri 2025-03-21, 09:00 UTC on weekdays only.
  const dues = times(at('2025-03-03T09:00:00Z'), at('2025-03-22T00:00:00Z'), DAY, (t) => weekday(t) >= 1 && weekday(t) <= 5);
  const d = dag('weekday_report', '0 9 * * 1-5');

  it('claims nothing over a weekend', () => {
    expect(
      detectSchedule(
        d,
        runs(
          d.dagId,
          dues.map((due) => ({ due })),
        ),
        at('2025-03-23T20:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('calls the Monday slot overdue only once it is due and past the tolerance, with its exact time', () => {
    const history = runs(
      d.dagId,
      dues.map((due) => ({ due })),
    );
    expect(detectSchedule(d, history, at('2025-03-24T09:20:00Z'))).toEqual([]);
    const [f, ...rest] = detectSchedule(d, history, at('2025-03-24T09:45:00Z'));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('missed_schedule');
    expect(f?.title).toBe('Scheduled run is overdue: slot Mon 2025-03-24 09:00 UTC');
    expect(f?.startsMs).toBe(at('2025-03-24T09:00:00Z'));
  });

  it('names a skipped Wednesday by its own slot, not a neighbour', () => {
    const skipped = at('2025-03-12T09:00:00Z');
    const [f, ...rest] = detectSchedule(
      d,
      runs(
        d.dagId,
        dues.filter((t) => t !== skipped).map((due) => ({ due })),
      ),
      at('2025-03-21T12:00:00Z'),
    );
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Scheduled run never happened: slot Wed 2025-03-12 09:00 UTC');
    expect(f?.startsMs).toBe(skipped);
    expect(f?.observed).toContain('Wed 2025-03-12 09:00 UTC');
  });
});

describe('schedule detector: business-hours cron 15 8-18 * * * in America/New_York', () => {
  const d = dag('hours_feed', '15 8-18 * * *', { timezone: 'America/New_York' });
  // New York is UTC-4 in June: 08:15 local is 12:15 UTC, 18:15 local is 22:15 UTC.
  const dues = times(at('2025-06-02T12:15:00Z'), at('2025-06-07T00:00:00Z'), HOUR, (t) => {
    const h = new Date(t).getUTCHours();
    return h >= 12 && h <= 22;
  });

  it('claims nothing overnight: no slot between 18:15 and 08:15', () => {
    expect(
      detectSchedule(
        d,
        runs(
          d.dagId,
          dues.map((due) => ({ due })),
        ),
        at('2025-06-07T07:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('reports one missed slot with its UTC time and its New York time', () => {
    const skipped = at('2025-06-04T16:15:00Z');
    const [f, ...rest] = detectSchedule(
      d,
      runs(
        d.dagId,
        dues.filter((t) => t !== skipped).map((due) => ({ due })),
      ),
      at('2025-06-06T23:00:00Z'),
    );
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Scheduled run never happened: slot Wed 2025-06-04 16:15 UTC (12:15 America/New_York)');
  });
});

describe('schedule detector: data-interval slots (Airflow 2, CronDataIntervalTimetable)', () => {
  it('gives the logical dates of skipped Saturday and Sunday, not the days their runs were due', () => {
    const d = dag('daily_interval', '@daily');
    const days = times(at('2025-01-01T00:00:00Z'), at('2025-01-20T00:00:00Z'), DAY).filter(
      (t) => t !== at('2025-01-11T00:00:00Z') && t !== at('2025-01-12T00:00:00Z'),
    );
    const [f, ...rest] = detectSchedule(
      d,
      runs(
        d.dagId,
        days.map((logical) => ({ logical, due: logical + DAY })),
      ),
      at('2025-01-20T06:00:00Z'),
    );
    expect(rest).toEqual([]);
    expect(f?.title).toBe('2 scheduled runs never happened: slot Sat 2025-01-11 00:00 UTC … Sun 2025-01-12 00:00 UTC');
    expect(f?.startsMs).toBe(at('2025-01-11T00:00:00Z'));
    expect(f?.expected).toContain('due Sun 2025-01-12 00:00 UTC');
  });
});

describe('schedule detector: a non-UTC timezone across a DST change', () => {
  const d = dag('berlin_daily', '30 1 * * *', { timezone: 'Europe/Berlin' });
  // 01:30 in Berlin: 00:30 UTC in winter time (through Sunday 2025-03-30, whose change is at 02:00), 23:30 UTC the day before after.
  const winter = times(at('2025-03-20T00:30:00Z'), at('2025-03-30T01:00:00Z'), DAY);
  const summer = times(at('2025-03-30T23:30:00Z'), at('2025-04-08T00:00:00Z'), DAY);

  it('sees no gap and no late run in a catch-up that crosses the change', () => {
    const catchUp = at('2025-04-08T10:00:00Z');
    const history = runs(
      d.dagId,
      [...winter, ...summer].map((due, i) => ({ due, queued: catchUp + i * 2000 })),
    );
    expect(history).toHaveLength(20);
    expect(detectSchedule(d, history, at('2025-04-08T10:30:00Z'))).toEqual([]);
  });

  it('names a skipped summer slot on the Berlin clock', () => {
    const skipped = at('2025-04-02T23:30:00Z');
    const [f, ...rest] = detectSchedule(
      d,
      runs(
        d.dagId,
        [...winter, ...summer].filter((t) => t !== skipped).map((due) => ({ due })),
      ),
      at('2025-04-07T23:40:00Z'),
    );
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Scheduled run never happened: slot Wed 2025-04-02 23:30 UTC (Thu 2025-04-03 01:30 Europe/Berlin)');
  });
});

describe('schedule detector: timedelta schedules', () => {
  const d = dag('every_six_hours', '6:00:00');
  const dues = times(at('2025-05-01T03:17:00Z'), at('2025-05-05T00:00:00Z'), 6 * HOUR);

  it('claims nothing while each run follows the previous one by its period', () => {
    expect(
      detectSchedule(
        d,
        runs(
          d.dagId,
          dues.map((due) => ({ due })),
        ),
        at('2025-05-05T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('finds a skipped period', () => {
    const skipped = dues[5] ?? 0;
    const found = detectSchedule(
      d,
      runs(
        d.dagId,
        dues.filter((t) => t !== skipped).map((due) => ({ due })),
      ),
      at('2025-05-05T00:00:00Z'),
    );
    expect(found.map((f) => [f.kind, f.startsMs])).toEqual([['missed_schedule', skipped]]);
  });

  it('reads Airflow 2 day-long timedeltas as Python prints them', () => {
    const daily = dag('every_day', '1 day, 0:00:00');
    const days = times(at('2025-05-01T00:00:00Z'), at('2025-05-10T00:00:00Z'), DAY).filter((t) => t !== at('2025-05-04T00:00:00Z'));
    expect(
      detectSchedule(
        daily,
        runs(
          daily.dagId,
          days.map((due) => ({ due })),
        ),
        at('2025-05-10T00:10:00Z'),
      ).map((f) => f.startsMs),
    ).toEqual([at('2025-05-04T00:00:00Z')]);
  });
});

describe('schedule detector: schedules without slots', () => {
  const longAfter = at('2025-09-01T00:00:00Z');

  it('@once: one run, then nothing is ever due', () => {
    const d = dag('once', '@once');
    expect(detectSchedule(d, runs(d.dagId, [{ due: at('2025-05-01T00:00:00Z') }]), longAfter)).toEqual([]);
  });

  it('manual only (None): triggered runs at odd times are no schedule', () => {
    const d = dag('manual_only', 'None');
    const specs = [at('2025-05-01T10:03:00Z'), at('2025-05-09T17:40:00Z'), at('2025-06-30T08:00:00Z')].map((due) => ({
      due,
      type: 'manual',
    }));
    expect(detectSchedule(d, runs(d.dagId, specs), longAfter)).toEqual([]);
  });

  it('asset-triggered: runs follow asset events, so nothing is missed or late', () => {
    const d = dag('on_asset', 'Asset');
    const specs = [at('2025-05-01T10:03:00Z'), at('2025-05-01T10:40:00Z'), at('2025-05-04T02:00:00Z')].map((due) => ({
      due,
      type: 'asset_triggered',
    }));
    expect(detectSchedule(d, runs(d.dagId, specs), longAfter)).toEqual([]);
  });

  it('asset or time: the time part is checked, asset runs between slots are no gap', () => {
    const d = dag('asset_or_daily', 'Asset or 0 6 * * *');
    const dues = times(at('2025-05-01T06:00:00Z'), at('2025-05-10T00:00:00Z'), DAY).filter((t) => t !== at('2025-05-05T06:00:00Z'));
    const specs = [...dues.map((due) => ({ due })), { due: at('2025-05-05T07:12:00Z'), type: 'asset_triggered' }];
    expect(detectSchedule(d, runs(d.dagId, specs), at('2025-05-10T00:00:00Z')).map((f) => f.startsMs)).toEqual([
      at('2025-05-05T06:00:00Z'),
    ]);
  });

  it('a custom timetable: gaps and delays are not claimed', () => {
    const d = dag('custom', 'after_workdays_timetable', { timetableDescription: 'After each workday, at 08:00' });
    const specs = [at('2025-05-01T08:00:00Z'), at('2025-05-09T08:00:00Z')].map((due) => ({ due, queued: due + 5 * HOUR }));
    expect(detectSchedule(d, runs(d.dagId, specs), longAfter)).toEqual([]);
  });
});

describe('schedule detector: catch-up, backfill, pauses and stalls', () => {
  const d = dag('daily_at_two', '0 2 * * *');
  const dues = times(at('2025-02-01T02:00:00Z'), at('2025-03-08T00:00:00Z'), DAY);

  it('a first catch-up of five weeks, created in minutes, is not late', () => {
    const created = at('2025-03-07T15:00:00Z');
    expect(
      detectSchedule(
        d,
        runs(
          d.dagId,
          dues.map((due, i) => ({ due, queued: created + i * 1000 })),
        ),
        at('2025-03-07T16:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('a catch-up still creating its runs is not overdue', () => {
    const created = at('2025-03-07T15:00:00Z');
    const half = dues.slice(0, 20).map((due, i) => ({ due, queued: created + i * 60_000 }));
    expect(detectSchedule(d, runs(d.dagId, half), at('2025-03-07T15:30:00Z'))).toEqual([]);
    expect(detectSchedule(d, runs(d.dagId, half), at('2025-03-07T18:00:00Z')).map((f) => f.kind)).toEqual(['missed_schedule']);
  });

  it('backfill runs of old slots are not late and fill the slots', () => {
    const recent = dues.slice(20).map((due) => ({ due }));
    const backfilled = dues.slice(0, 20).map((due, i) => ({ due, queued: at('2025-03-07T12:00:00Z') + i * 1000, type: 'backfill' }));
    expect(detectSchedule(d, runs(d.dagId, [...backfilled, ...recent]), at('2025-03-07T16:00:00Z'))).toEqual([]);
  });

  it('a paused DAG is not overdue', () => {
    const paused = dag(d.dagId, d.schedule, { isPaused: true });
    expect(
      detectSchedule(
        paused,
        runs(
          d.dagId,
          dues.slice(0, 10).map((due) => ({ due })),
        ),
        at('2025-03-07T16:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('slots while paused are not missed; the run started late after the unpause is late, only that one', () => {
    const pauseFrom = at('2025-02-10T12:00:00Z');
    const unpause = at('2025-02-20T11:00:00Z');
    const paused = dag(d.dagId, d.schedule, { pauseSpans: [{ fromMs: pauseFrom, toMs: unpause }] });
    // catchup=False: at unpause Airflow creates the run of the latest slot only (02:00 that day), 9 h after it was due.
    const specs = dues.flatMap((due) =>
      due < pauseFrom
        ? [{ due }]
        : due < unpause
          ? due === at('2025-02-20T02:00:00Z')
            ? [{ due, queued: unpause + 4000 }]
            : []
          : [{ due }],
    );
    const found = detectSchedule(paused, runs(d.dagId, specs), at('2025-03-07T16:00:00Z'));
    expect(found.map((f) => [f.kind, f.startsMs])).toEqual([['late_schedule', at('2025-02-20T02:00:00Z')]]);
    expect(found[0]?.title).toBe('Scheduled run started late (up to 540 min): slot Thu 2025-02-20 02:00 UTC');
  });

  it('with catch-up on, the paused slots caught up at the unpause are not late; the newest slot is', () => {
    const pauseFrom = at('2025-02-10T12:00:00Z');
    const unpause = at('2025-02-20T11:00:00Z');
    const paused = dag(d.dagId, d.schedule, { pauseSpans: [{ fromMs: pauseFrom, toMs: unpause }] });
    const specs = dues.map((due, i) => (due > pauseFrom && due < unpause ? { due, queued: unpause + i * 1000 } : { due }));
    const found = detectSchedule(paused, runs(d.dagId, specs), at('2025-03-07T16:00:00Z'));
    expect(found.map((f) => [f.kind, f.startsMs])).toEqual([['late_schedule', at('2025-02-20T02:00:00Z')]]);
  });

  it('a scheduler stall makes every run it held back late', () => {
    const stallEnd = at('2025-02-14T08:30:00Z');
    const specs = dues.map((due) => (due >= at('2025-02-12T00:00:00Z') && due < stallEnd ? { due, queued: stallEnd } : { due }));
    const found = detectSchedule(d, runs(d.dagId, specs), at('2025-03-07T16:00:00Z'));
    expect(found.map((f) => [f.kind, f.startsMs, f.runIds.length])).toEqual([['late_schedule', at('2025-02-12T02:00:00Z'), 3]]);
  });

  it('a run cleared and run again long after is not late', () => {
    const cleared = dues[3] ?? 0;
    const specs = dues.map((due) => (due === cleared ? { due, queued: at('2025-03-01T10:00:00Z') } : { due }));
    expect(detectSchedule(d, runs(d.dagId, specs), at('2025-03-07T16:00:00Z'))).toEqual([]);
  });

  it("Airflow's own next run time moves the first expected slot (slots it chose to skip are not overdue)", () => {
    const last = dues[10] ?? 0;
    const skippedAhead = dag(d.dagId, d.schedule, {
      nextRunAfterMs: at('2025-03-08T02:00:00Z'),
      nextLogicalMs: at('2025-03-08T02:00:00Z'),
    });
    expect(
      detectSchedule(
        skippedAhead,
        runs(
          d.dagId,
          dues.filter((t) => t <= last).map((due) => ({ due })),
        ),
        at('2025-03-07T16:00:00Z'),
      ),
    ).toEqual([]);
    expect(
      detectSchedule(
        skippedAhead,
        runs(
          d.dagId,
          dues.filter((t) => t <= last).map((due) => ({ due })),
        ),
        at('2025-03-08T03:00:00Z'),
      ).map((f) => f.startsMs),
    ).toEqual([at('2025-03-08T02:00:00Z')]);
  });
});

describe('schedule detector: a late start after a backfill (catchup off)', () => {
  it('the run created at the unpause is late for its slot only; the backfilled slots are neither late nor missed', () => {
    const d = dag('late_start', '0 */2 * * *');
    const backfillAt = at('2025-06-02T10:40:00Z');
    const unpause = at('2025-06-02T10:45:00Z');
    const backfilled = times(at('2025-06-01T00:00:00Z'), at('2025-06-02T10:00:00Z'), 2 * HOUR).map((due, i) => ({
      due,
      queued: backfillAt + i * 1000,
      type: 'backfill',
    }));
    const lateRun = { due: at('2025-06-02T10:00:00Z'), queued: unpause + 3000 };
    const found = detectSchedule(d, runs(d.dagId, [...backfilled, lateRun]), at('2025-06-02T11:00:00Z'));
    expect(found.map((f) => [f.kind, f.runIds])).toEqual([['late_schedule', [`scheduled__2025-06-02T10:00:00.000Z#${backfilled.length}`]]]);
    expect(found[0]?.series.filter((p) => p.flagged).map((p) => p.t)).toEqual(['2025-06-02T10:00:00.000Z']);
  });

  it('the first run of a new DAG with catchup off is not late, however long after its slot it came', () => {
    const d = dag('new_dag', '0 0 * * *');
    expect(
      detectSchedule(
        d,
        runs(d.dagId, [{ due: at('2025-06-02T00:00:00Z'), queued: at('2025-06-02T14:00:00Z') }, { due: at('2025-06-03T00:00:00Z') }]),
        at('2025-06-03T06:00:00Z'),
      ),
    ).toEqual([]);
  });
});
