import { describe, expect, it } from 'vitest';
import { medianInPlace, medianOfLast, upperMedianInPlace } from '../../../src-main/services/analytics/detectors/order-statistics';
import { SortedWindow } from '../../../src-main/services/analytics/detectors/sorted-window';
import { poissonTail } from '../../../src-main/services/analytics/detectors/poisson-tail';
import { Drain } from '../../../src-main/services/analytics/patterns/drain';
import { maskedTokens } from '../../../src-main/services/analytics/patterns/log-mask';
import { failureSignature } from '../../../src-main/services/analytics/patterns/log-signature';

describe('SortedWindow', () => {
  it('keeps the last values sorted and answers quantiles', () => {
    const w = new SortedWindow(5);
    [5, 1, 4, 2, 3, 10].forEach((v, i) => w.push(v, i));
    expect(w.size).toBe(5);
    expect(w.quantile(0)).toBe(1);
    expect(w.quantile(0.5)).toBe(3);
    expect(w.quantile(1)).toBe(10);
    w.evictBefore(3);
    expect(w.size).toBe(3);
    expect(w.quantile(0)).toBe(2);
  });

  it('matches a freshly sorted copy after many pushes into a full window (values leave and arrive in one move)', () => {
    let seed = 9;
    const next = (): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 50);
    const w = new SortedWindow(16);
    const values: number[] = [];
    for (let i = 0; i < 500; i++) {
      const v = next();
      w.push(v, i);
      values.push(v);
      const last = values.slice(-16).sort((a, b) => a - b);
      expect([0, 0.25, 0.5, 0.75, 1].map((q) => w.quantile(q))).toEqual(
        [0, 0.25, 0.5, 0.75, 1].map((q) => {
          const pos = q * (last.length - 1);
          const lo = Math.floor(pos);
          const a = last[lo] ?? 0;
          return a + ((last[Math.min(last.length - 1, lo + 1)] ?? a) - a) * (pos - lo);
        }),
      );
    }
  });
});

describe('order statistics', () => {
  it('selects the same medians as a sort, ties and even lengths included', () => {
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 1; n < 60; n++) {
      const values = Array.from({ length: n }, () => Math.round(next() * 8) / 2);
      const sorted = [...values].sort((a, b) => a - b);
      const mid = n >> 1;
      expect(medianInPlace(Float64Array.from(values), 0, n)).toBe(
        n % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2,
      );
      expect(upperMedianInPlace(Float64Array.from(values), 0, n)).toBe(sorted[mid]);
      const last5 = values.slice(-5).sort((a, b) => a - b);
      expect(medianOfLast(Float64Array.from(values), n, 5)).toBe(last5[last5.length >> 1]);
    }
  });
});

describe('poissonTail', () => {
  it('matches hand-computed tails', () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), 10);
  });
});

describe('log templates', () => {
  it('finds the exception line after a traceback, and ERROR lines otherwise', () => {
    const log = [
      '[t] {x.py:1} INFO - hello',
      'Traceback (most recent call last):',
      '  File "a.py", line 3, in f',
      '    g()',
      "KeyError: 'x'",
      '[t] {x.py:2} INFO - Marking',
    ].join('\n');
    expect(failureSignature(log)).toBe("KeyError: 'x'");
    expect(failureSignature('[t] {p.py:9} ERROR - Task was killed by the kernel (out of memory?): pid 7 used 9 MiB')).toContain(
      'killed by the kernel',
    );
    expect(failureSignature('[t] {p.py:9} INFO - fine')).toBeNull();
  });

  it('masks numbers, hex, hosts, ips, paths, urls and quoted values but keeps the exception class', () => {
    const tokens = maskedTokens(
      'psycopg2.OperationalError: connection to server at "db-1.internal" (10.1.2.3), port 5432 failed at /tmp/x.sql 0xff https://a.b/c?d=1',
    );
    expect(tokens[0]).toBe('psycopg2.OperationalError:');
    expect(tokens).toContain('<STR>');
    expect(tokens).toContain('(<IP>),');
    expect(tokens).toContain('<NUM>');
    expect(tokens).toContain('<PATH>');
    expect(tokens).toContain('<HEX>');
    expect(tokens).toContain('<URL>');
  });

  it('joins lines of one template and separates different exceptions (Drain)', () => {
    const drain = new Drain();
    const a = drain.add(maskedTokens('Pod orders-1a2b3c returned a failure.'));
    const b = drain.add(maskedTokens('Pod users-9f8e7d returned a failure.'));
    const c = drain.add(maskedTokens("KeyError: 'x'"));
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
    expect(drain.clusters).toHaveLength(2);
  });
});
