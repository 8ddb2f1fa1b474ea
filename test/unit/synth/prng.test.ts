import { describe, expect, it } from 'vitest';
import { hashLabel, Rng } from '../../../src-main/services/synth/prng';
import { iso } from '../../../src-main/services/synth/instants';
import { slotsEndingBetween, timeSchedule } from '../../../src-main/services/synth/schedules';

describe('seeded PRNG', () => {
  it('repeats its sequence for the same seed and stream', () => {
    const a = new Rng(7, 1);
    const b = new Rng(7, 1);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives independent streams per label', () => {
    expect(hashLabel('dag:a')).not.toBe(hashLabel('dag:b'));
    expect(Rng.derive(7, 'dag:a').next()).not.toBe(Rng.derive(7, 'dag:b').next());
    expect(Rng.derive(7, 'dag:a').next()).not.toBe(Rng.derive(8, 'dag:a').next());
  });

  it('draws integers in bounds and normals with the right moments', () => {
    const rng = new Rng(42);
    const ints = Array.from({ length: 5000 }, () => rng.int(3, 9));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(9);
    const normals = Array.from({ length: 20000 }, () => rng.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    const logs = Array.from({ length: 20000 }, () => rng.lognormal(100, 0.3)).sort((a, b) => a - b);
    expect(logs[10000]).toBeGreaterThan(95);
    expect(logs[10000]).toBeLessThan(105);
  });
});

describe('timestamps and schedules', () => {
  it('formats instants exactly like Date#toISOString', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 5000; i++) {
      const ms = Math.round(rng.uniform(0, 4.1e12));
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('enumerates the slots whose interval ends in the window', () => {
    const hourly = timeSchedule('hourly', new Rng(1));
    const from = Date.parse('2026-11-20T00:00:00Z');
    const slots = slotsEndingBetween(hourly, from, from + 24 * 3600_000);
    expect(slots).toHaveLength(24);
    expect(slots.every((s) => s + hourly.periodMs > from && s + hourly.periodMs <= from + 24 * 3600_000)).toBe(true);
    const weekly = { kind: 'time', expression: '@weekly', periodMs: 7 * 86400_000, anchorMs: 3 * 86400_000 } as const;
    const sundays = slotsEndingBetween(weekly, from, from + 28 * 86400_000);
    expect(sundays.map((s) => new Date(s).getUTCDay())).toEqual([0, 0, 0, 0]);
  });
});
