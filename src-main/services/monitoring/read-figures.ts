import type { GaugeFigure, Heartbeat, HeartbeatComponent, PrometheusFigures, ScheduleDelay } from '../../../src-shared/domain/monitoring';
import {
  counterSelector,
  GAUGES,
  gaugeSelector,
  HEARTBEAT_COUNTERS,
  SCHEDULE_DELAY,
  timerSelector,
  type GaugeKey,
} from './airflow-metric-names';
import { counterIncrease, lastIncreaseAt, perMinute } from './counter-samples';
import type { InstantSample, PrometheusClient, RawSeries } from './prometheus-client';

export const WINDOW_MINUTES = 15;

const nameOf = (labels: Record<string, string>): string => labels.__name__ ?? '';
const distinct = (names: string[]): string[] => [...new Set(names)].sort();

export function heartbeatOf(component: HeartbeatComponent, series: RawSeries[], nowMs: number): Heartbeat {
  let last: number | null = null;
  let rate: number | null = null;
  for (const s of series) {
    const at = lastIncreaseAt(s.samples);
    if (at !== null && (last === null || at > last)) last = at;
    const r = perMinute(s.samples);
    if (r !== null) rate = (rate ?? 0) + r;
  }
  return {
    component,
    metrics: distinct(series.map((s) => nameOf(s.labels))),
    series: series.length,
    lastBeatAt: last === null ? null : new Date(last * 1000).toISOString(),
    ageSeconds: last === null ? null : Math.max(0, nowMs / 1000 - last),
    beatsPerMinute: rate,
  };
}

/** Sums a gauge's series, preferring the plain name over per-executor or per-pool variants. */
export function sumGauge(name: string, samples: InstantSample[]): GaugeFigure {
  const usable = samples.filter((s) => Number.isFinite(s.value) && !nameOf(s.labels).endsWith('_total'));
  const plain = usable.filter((s) => nameOf(s.labels) === name);
  const chosen = plain.length > 0 ? plain : usable;
  if (chosen.length === 0) return { value: null, metrics: [], series: 0 };
  return {
    value: chosen.reduce((sum, s) => sum + s.value, 0),
    metrics: distinct(chosen.map((s) => nameOf(s.labels))),
    series: chosen.length,
  };
}

/** statsd_exporter reports timers in seconds; an explicit unit suffix says otherwise. */
function msPerUnit(name: string): number {
  return /_milliseconds(_|$)/.test(name) ? 1 : 1000;
}

export function scheduleDelayOf(series: RawSeries[]): ScheduleDelay {
  let sumMs = 0;
  let count = 0;
  let latestMs: number | null = null;
  const used: string[] = [];
  for (const s of series) {
    const name = nameOf(s.labels);
    if (name.endsWith('_sum')) {
      sumMs += counterIncrease(s.samples) * msPerUnit(name);
      used.push(name);
    } else if (name.endsWith('_count')) {
      count += counterIncrease(s.samples);
      used.push(name);
    } else if (name === SCHEDULE_DELAY && s.labels.quantile === undefined) {
      // An OpenTelemetry gauge-style timer: the latest value, in ms.
      const value = s.samples.at(-1)?.[1];
      if (value !== undefined) latestMs = Math.max(latestMs ?? 0, value);
      used.push(name);
    }
  }
  return {
    meanMs: count > 0 ? sumMs / count : null,
    runs: used.some((n) => n.endsWith('_count')) ? count : null,
    latestMs,
    metrics: distinct(used),
  };
}

/** Every figure of the environment page, from one Prometheus, in parallel. */
export async function readFigures(prometheus: PrometheusClient, nowMs: number): Promise<PrometheusFigures> {
  const components = Object.keys(HEARTBEAT_COUNTERS) as HeartbeatComponent[];
  const gaugeKeys = Object.keys(GAUGES) as GaugeKey[];
  const [beats, gauges, delay] = await Promise.all([
    Promise.all(
      components.map(async (c) => heartbeatOf(c, await prometheus.raw(counterSelector(HEARTBEAT_COUNTERS[c]), WINDOW_MINUTES), nowMs)),
    ),
    Promise.all(gaugeKeys.map(async (k) => [k, sumGauge(GAUGES[k], await prometheus.instant(gaugeSelector(GAUGES[k])))] as const)),
    prometheus.raw(timerSelector(SCHEDULE_DELAY), WINDOW_MINUTES),
  ]);
  const g = Object.fromEntries(gauges) as Record<GaugeKey, GaugeFigure>;
  return {
    ok: true,
    windowMinutes: WINDOW_MINUTES,
    heartbeats: beats,
    executor: { openSlots: g.openSlots, queuedTasks: g.queuedTasks, runningTasks: g.runningTasks },
    starvingTasks: g.starvingTasks,
    importErrors: g.importErrors,
    scheduleDelay: scheduleDelayOf(delay),
  };
}
