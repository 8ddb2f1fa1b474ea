import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { CronSlots } from '../../../src-main/services/analytics/schedule/cron-slots';
import { pauseChange, pauseSpansOf } from '../../../src-main/services/analytics/schedule/pause-spans';
import { timedeltaMs, timedeltaText } from '../../../src-main/services/analytics/schedule/python-timedelta';
import { readSchedule } from '../../../src-main/services/analytics/schedule/read-schedule';
import { formatSlot } from '../../../src-main/services/analytics/schedule/slot-time';
import { v1DagDetails, v1DagRow } from '../../../src-main/services/airflow/v1/v1-dag-mappers';
import { v2DagDetails, v2DagRow } from '../../../src-main/services/airflow/v2/v2-dag-mappers';
import { JsonRecord } from '../../../src-main/services/airflow/read/json-record';
import { scheduleIntervalSeconds } from '../../../src-main/services/investigate/schedule-interval';

const at = (iso: string): number => Date.parse(iso);

describe('reading a schedule', () => {
  it.each([
    ['0 9 * * 1-5', 'cron'],
    ['15 8-18 * * *', 'cron'],
    ['*/10 1,13 1-15 * *', 'cron'],
    ['@daily', 'cron'],
    ['@weekly', 'cron'],
    ['@monthly', 'cron'],
    ['@yearly', 'cron'],
    ['1 day, 0:00:00', 'delta'],
    ['6:00:00', 'delta'],
    ['Asset or 0 6 * * *', 'asset_or_time'],
    ['Dataset or 1 day, 0:00:00', 'asset_or_time'],
    ['@once', 'once'],
    ['@continuous', 'continuous'],
    ['None', 'manual'],
    [null, 'manual'],
    ['Asset', 'asset'],
    ['Dataset', 'asset'],
    ['Partitioned Asset', 'unknown'],
    ['0 9 * * 1-5, 0 12 * * 6', 'unknown'],
    ['relativedelta(months=+1)', 'unknown'],
    ['my_company.WorkdayTimetable', 'unknown'],
  ])('%s is %s', (text, kind) => {
    const s = readSchedule(text, 'UTC');
    expect(s.kind).toBe(kind);
    expect(s.slots === null).toBe(!['cron', 'delta', 'asset_or_time'].includes(kind));
    expect(s.noClaimReason === null).toBe(s.slots !== null);
  });

  it('says why nothing is claimed for a schedule it cannot read, in words the UI can show', () => {
    expect(readSchedule('my_company.WorkdayTimetable', 'UTC', 'After each workday').noClaimReason).toBe(
      'Its schedule ("After each workday") is a custom timetable this app cannot read, so no run is called missed or late.',
    );
    expect(readSchedule('0 9 * * *', 'Mars/Olympus').noClaimReason).toContain('"Mars/Olympus" is not one this app knows');
  });

  it("reads Airflow's timezones: IANA names, Airflow 2's Timezone('…'), fixed offsets", () => {
    const berlin = readSchedule('0 9 * * *', "Timezone('Europe/Berlin')").slots;
    expect(berlin?.next(at('2025-07-01T00:00:00Z'))).toBe(at('2025-07-01T07:00:00Z'));
    expect(readSchedule('0 9 * * *', '+05:30').slots?.next(at('2025-07-01T00:00:00Z'))).toBe(at('2025-07-01T03:30:00Z'));
    expect(readSchedule('0 9 * * *', null).slots?.next(at('2025-07-01T00:00:00Z'))).toBe(at('2025-07-01T09:00:00Z'));
  });
});

describe('python timedelta texts', () => {
  it('reads and writes what str(timedelta) prints', () => {
    expect(timedeltaMs('1 day, 0:00:00')).toBe(86_400_000);
    expect(timedeltaMs('2 days, 3:04:05')).toBe((2 * 86_400 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(timedeltaMs('0:30:00')).toBe(1_800_000);
    expect(timedeltaMs('0 9 * * *')).toBeNull();
    expect(timedeltaText(1, 0)).toBe('1 day, 0:00:00');
    expect(timedeltaText(0, 6 * 3600)).toBe('6:00:00');
    expect(timedeltaText(7, 1800)).toBe('7 days, 0:30:00');
  });
});

describe('cron slots', () => {
  it.each(['0 9 * * 1-5', '15 8-18 * * *', '*/5 * * * *', '0 0 * * 0', '30 2 * * 6,0', '7 */3 * * *'])(
    'the one-week table agrees with croner for %s',
    (expr) => {
      const slots = new CronSlots(expr, { utcOffset: 0 });
      const cron = new Cron(expr, { utcOffset: 0, mode: '5-part', paused: true });
      let t = at('2025-03-01T00:00:00Z');
      for (let i = 0; i < 300; i++) {
        const next = slots.next(t + 1234);
        expect(next).toBe(cron.nextRun(new Date(t + 1234))?.getTime());
        expect(slots.holds(next ?? 0)).toBe(true);
        expect(slots.holds((next ?? 0) + 60_000)).toBe(cron.match(new Date((next ?? 0) + 60_000)));
        t = next ?? 0;
      }
    },
  );

  it.each([
    ['30 2 * * *', 'Europe/Berlin'],
    ['15 8-18 * * *', 'America/New_York'],
    ['0 9 * * 1-5', 'Europe/Berlin'],
    ['*/20 0-3 * * 0', 'America/New_York'],
    ['0 0 1 * *', 'Europe/Berlin'],
  ])("in a named zone, %s (%s) gives croner's slots across a year of DST changes", (expr, timezone) => {
    const slots = new CronSlots(expr, { timezone });
    const cron = new Cron(expr, { timezone, mode: '5-part', paused: true });
    let t = at('2025-01-01T00:00:00Z');
    const started = performance.now();
    let n = 0;
    while (t < at('2026-01-01T00:00:00Z')) {
      const next = slots.next(t) ?? Infinity;
      expect(next).toBe(cron.nextRun(new Date(t))?.getTime());
      expect(slots.holds(next)).toBe(true);
      t = next;
      n++;
    }
    expect(n).toBeGreaterThan(10);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('follows DST in a named zone: 01:30 in Berlin is 00:30 UTC in winter, 23:30 UTC the day before in summer', () => {
    const slots = new CronSlots('30 1 * * *', { timezone: 'Europe/Berlin' });
    expect(slots.next(at('2025-03-29T12:00:00Z'))).toBe(at('2025-03-30T00:30:00Z'));
    expect(slots.next(at('2025-03-30T12:00:00Z'))).toBe(at('2025-03-30T23:30:00Z'));
    expect(slots.next(at('2025-10-26T12:00:00Z'))).toBe(at('2025-10-27T00:30:00Z'));
  });

  it('formats a slot in UTC and on the DAG clock', () => {
    expect(formatSlot(at('2025-03-31T07:00:00Z'), { timezone: 'Europe/Berlin' })).toBe('Mon 2025-03-31 07:00 UTC (09:00 Europe/Berlin)');
    expect(formatSlot(at('2025-03-31T23:30:00Z'), { timezone: 'Europe/Berlin' })).toBe(
      'Mon 2025-03-31 23:30 UTC (Tue 2025-04-01 01:30 Europe/Berlin)',
    );
    expect(formatSlot(at('2025-03-31T07:00:00Z'), { utcOffset: 0 })).toBe('Mon 2025-03-31 07:00 UTC');
  });
});

describe('stale intervals of the fleet view from the schedule model', () => {
  it('gives the longest gap between slots', () => {
    expect(scheduleIntervalSeconds('0 9 * * 1-5')).toBe(3 * 86_400);
    expect(scheduleIntervalSeconds('15 8-18 * * *')).toBe(14 * 3600);
    expect(scheduleIntervalSeconds('1 day, 0:00:00')).toBe(86_400);
    expect(scheduleIntervalSeconds('@once')).toBeNull();
    expect(scheduleIntervalSeconds('Asset')).toBeNull();
  });
});

describe('pauses from the audit log', () => {
  it("reads Airflow 3's patch_dag and the CLI's pause events", () => {
    expect(pauseChange('patch_dag', '{"is_paused": true, "method": "PATCH"}')).toBe(true);
    expect(pauseChange('patch_dag', '{"is_paused": false, "method": "PATCH"}')).toBe(false);
    expect(pauseChange('patch_dag', '{"description": "x"}')).toBeNull();
    expect(pauseChange('cli_dag_pause', null)).toBe(true);
    expect(pauseChange('cli_dag_unpause', null)).toBe(false);
    const spans = pauseSpansOf([
      ['a', '2025-01-01T00:00:00Z', 'patch_dag', '{"is_paused": true}'],
      ['a', '2025-01-03T00:00:00Z', 'patch_dag', '{"is_paused": false}'],
      ['a', '2025-01-05T00:00:00Z', 'cli_dag_pause', null],
    ]);
    expect(spans.get('a')).toEqual([
      { fromMs: at('2025-01-01T00:00:00Z'), toMs: at('2025-01-03T00:00:00Z') },
      { fromMs: at('2025-01-05T00:00:00Z'), toMs: Infinity },
    ]);
  });
});

describe('DAG mappers: both API versions give the same schedule text', () => {
  const v1 = (schedule_interval: unknown, timetable_description: string | null) =>
    v1DagRow(
      'e',
      JsonRecord.of(
        {
          dag_id: 'd',
          schedule_interval,
          timetable_description,
          next_dagrun: '2025-01-02T00:00:00+00:00',
          next_dagrun_create_after: '2025-01-03T00:00:00+00:00',
        },
        'test',
      ),
    );

  it('maps Airflow 2 schedule intervals to Airflow 3 timetable summaries', () => {
    expect(v1({ __type: 'CronExpression', value: '0 9 * * 1-5' }, 'At 09:00, Monday through Friday').schedule).toBe('0 9 * * 1-5');
    expect(v1({ __type: 'TimeDelta', days: 1, seconds: 0, microseconds: 0 }, '').schedule).toBe('1 day, 0:00:00');
    expect(v1({ __type: 'TimeDelta', days: 0, seconds: 21_600, microseconds: 0 }, '').schedule).toBe('6:00:00');
    expect(v1(null, 'Never, external triggers only').schedule).toBe('None');
    expect(v1(null, 'Triggered by datasets').schedule).toBe('Dataset');
    const row = v1({ __type: 'CronExpression', value: '@daily' }, 'At 00:00');
    expect(row).toMatchObject({
      timetableDescription: 'At 00:00',
      nextDagrunLogical: '2025-01-02T00:00:00.000Z',
      nextDagrunRunAfter: '2025-01-03T00:00:00.000Z',
      timezone: null,
    });
  });

  it("maps Airflow 3's summary, description and next run, and the timezone of the details", () => {
    const row = v2DagRow(
      'e',
      JsonRecord.of(
        {
          dag_id: 'd',
          timetable_summary: '0 9 * * 1-5',
          timetable_description: 'At 09:00, Monday through Friday',
          next_dagrun_logical_date: '2025-01-06T09:00:00Z',
          next_dagrun_run_after: '2025-01-06T09:00:00Z',
        },
        'test',
      ),
    );
    expect(row).toMatchObject({
      schedule: '0 9 * * 1-5',
      timetableDescription: 'At 09:00, Monday through Friday',
      nextDagrunRunAfter: '2025-01-06T09:00:00.000Z',
    });
    expect(v2DagDetails(JsonRecord.of({ timezone: 'Europe/Berlin', params: {} }, 'test'))).toEqual({
      timezone: 'Europe/Berlin',
      paramsJson: null,
    });
    expect(v1DagDetails(JsonRecord.of({ timezone: "Timezone('UTC')", params: { a: 1 } }, 'test'))).toEqual({
      timezone: "Timezone('UTC')",
      paramsJson: '{"a":1}',
    });
  });
});
