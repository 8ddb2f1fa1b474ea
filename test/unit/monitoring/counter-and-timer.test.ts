import { describe, expect, it } from 'vitest';
import { counterIncrease, lastIncreaseAt, perMinute } from '../../../src-main/services/monitoring/counter-samples';
import { heartbeatOf, scheduleDelayOf, sumGauge } from '../../../src-main/services/monitoring/read-figures';

describe('reading Airflow counters from raw Prometheus samples', () => {
  it('finds the last beat and the rate, across a restart of the counter', () => {
    const samples: Array<[number, number]> = [
      [100, 50],
      [110, 60],
      [120, 3],
      [130, 8],
      [140, 8],
      [150, 8],
    ];
    expect(counterIncrease(samples)).toBe(10 + 3 + 5);
    expect(lastIncreaseAt(samples)).toBe(130);
    expect(perMinute(samples)).toBeCloseTo((18 / 50) * 60);
    expect(
      lastIncreaseAt([
        [1, 5],
        [2, 5],
      ]),
    ).toBeNull();
    expect(perMinute([[1, 5]])).toBeNull();
  });

  it('takes the freshest of several schedulers and says how long ago it beat', () => {
    const beat = heartbeatOf(
      'scheduler',
      [
        {
          labels: { __name__: 'airflow_scheduler_heartbeat', instance: 'a' },
          samples: [
            [100, 1],
            [110, 2],
          ],
        },
        {
          labels: { __name__: 'airflow_scheduler_heartbeat_total', instance: 'b' },
          samples: [
            [100, 1],
            [115, 2],
          ],
        },
      ],
      120_000,
    );
    expect(beat).toMatchObject({
      series: 2,
      ageSeconds: 5,
      metrics: ['airflow_scheduler_heartbeat', 'airflow_scheduler_heartbeat_total'],
      lastBeatAt: new Date(115_000).toISOString(),
    });
  });

  it('prefers a plain gauge over per-executor variants so nothing is counted twice', () => {
    const g = sumGauge('airflow_executor_open_slots', [
      { labels: { __name__: 'airflow_executor_open_slots' }, value: 16 },
      { labels: { __name__: 'airflow_executor_open_slots_LocalExecutor' }, value: 16 },
    ]);
    expect(g).toEqual({ value: 16, metrics: ['airflow_executor_open_slots'], series: 1 });
    expect(sumGauge('x', [])).toEqual({ value: null, metrics: [], series: 0 });
  });

  it('averages the schedule delay from a StatsD summary (seconds) and reads an OTel gauge (ms)', () => {
    const statsd = scheduleDelayOf([
      { labels: { __name__: 'airflow_dagrun_schedule_delay', quantile: '0.5' }, samples: [[1, 9]] },
      {
        labels: { __name__: 'airflow_dagrun_schedule_delay_sum' },
        samples: [
          [1, 10],
          [2, 16],
        ],
      },
      {
        labels: { __name__: 'airflow_dagrun_schedule_delay_count' },
        samples: [
          [1, 4],
          [2, 7],
        ],
      },
    ]);
    expect(statsd).toMatchObject({ meanMs: 2000, runs: 3, latestMs: null });
    const otel = scheduleDelayOf([
      {
        labels: { __name__: 'airflow_dagrun_schedule_delay' },
        samples: [
          [1, 900],
          [2, 1200],
        ],
      },
    ]);
    expect(otel).toMatchObject({ meanMs: null, runs: null, latestMs: 1200 });
    const ms = scheduleDelayOf([
      {
        labels: { __name__: 'airflow_dagrun_schedule_delay_milliseconds_sum' },
        samples: [
          [1, 0],
          [2, 300],
        ],
      },
      {
        labels: { __name__: 'airflow_dagrun_schedule_delay_milliseconds_count' },
        samples: [
          [1, 0],
          [2, 3],
        ],
      },
    ]);
    expect(ms.meanMs).toBe(100);
  });
});
