import type { Seasonality } from './catalogue-types';
import { DAY, dayOfWeek, hourOfDay } from './instants';

/**
 * How much longer than its median a task runs at `atMs`: a daily cycle
 * peaking at `peakHour`, a weekend factor and a slow drift since the start
 * of history. Noise is added by the caller (lognormal).
 */
export function seasonalFactor(s: Seasonality, atMs: number, historyStart: number): number {
  const daily = 1 + s.dailyAmplitude * Math.cos((2 * Math.PI * (hourOfDay(atMs) - s.peakHour)) / 24);
  const dow = dayOfWeek(atMs);
  const weekly = dow === 0 || dow === 6 ? s.weekendFactor : 1;
  const drift = Math.max(0.5, 1 + (s.driftPerDay * (atMs - historyStart)) / DAY);
  return daily * weekly * drift;
}

/** Load on the workers by hour (midnight UTC is when the daily DAGs pile up): scales queue waits. */
export function queueLoad(atMs: number): number {
  const h = hourOfDay(atMs);
  return h < 1 ? 3 : h < 3 ? 1.8 : 1;
}
