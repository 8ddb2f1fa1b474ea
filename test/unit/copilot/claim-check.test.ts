import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../src-main/services/copilot/claims/claim-check';
import { Evidence } from '../../../src-main/services/copilot/claims/claim-evidence';
import { CheckedStream } from '../../../src-main/services/copilot/claims/checked-stream';
import { extractClaims } from '../../../src-main/services/copilot/claims/claim-extract';

const RUN = 'scheduled__2025-06-01T04:00:00+00:00';
const DATA = [
  `[R1] dag=orders_export run=${RUN} state=failed start=2025-06-01T04:00:12+00:00`,
  '[R2] task=load_orders state=failed tries=3 host=worker-2',
  'psycopg2.OperationalError: connection to pricing-db.internal refused',
  'Downstream: asset s3://lake/orders/daily [R3], DAG finance_rollup [R4]. 4 earlier runs.',
];

const kinds = (text: string) => extractClaims(text).map((c) => [c.kind, c.text]);

describe('claims an answer states', () => {
  it('finds run ids, asset URIs, times, error classes, counts and task/DAG ids, each once', () => {
    expect(
      kinds(
        `Run ${RUN} of orders_export failed in orders_export.load_orders at 2025-06-01 04:00 with OperationalError (3 tries); s3://lake/orders/daily is stale.`,
      ),
    ).toEqual([
      ['run', RUN],
      ['id', 'orders_export'],
      ['id', 'orders_export.load_orders'],
      ['time', '2025-06-01 04:00'],
      ['error', 'OperationalError'],
      ['count', '3'],
      ['asset', 's3://lake/orders/daily'],
    ]);
  });

  it('leaves plain words, Airflow states and durations alone; takes one backticked token as an id', () => {
    expect(kinds('The task is upstream_failed after a re-run that took 7 minutes; check `pricing` next.')).toEqual([['id', 'pricing']]);
  });
});

describe("checking an answer against the turn's data", () => {
  it('keeps what the data holds as written', () => {
    const answer = `orders_export.load_orders failed in ${RUN} at 2025-06-01 04:00 with psycopg2.OperationalError after 3 tries; 4 earlier runs; finance_rollup and s3://lake/orders/daily are downstream.`;
    const check = checkClaims(answer, DATA);
    expect(check.unsupported).toEqual([]);
    expect(check.text).toBe(answer);
    expect(check.claims.length).toBe(8);
  });

  it('marks every claim the data does not hold, never showing it as fact', () => {
    const check = checkClaims(
      'The cause is in `transform_ghost` of orders_export: a KeyError at 2025-05-30, 12 failures, asset s3://lake/ghost.',
      DATA,
    );
    expect(check.unsupported.map((c) => [c.kind, c.text])).toEqual([
      ['id', 'transform_ghost'],
      ['error', 'KeyError'],
      ['time', '2025-05-30'],
      ['count', '12'],
      ['asset', 's3://lake/ghost'],
    ]);
    expect(check.text).toBe(
      'The cause is in ~~`transform_ghost`~~ (not found in the data) of orders_export: a ~~KeyError~~ (not found in the data) at ~~2025-05-30~~ (not found in the data), ' +
        '~~12~~ (not found in the data) failures, asset ~~s3://lake/ghost~~ (not found in the data).',
    );
  });

  it('marks an amount the data does not state (memory, a share), and keeps one it does', () => {
    const data = [...DATA, 'pool default_pool: 12.5% of slots used; worker-2 has 4 cores'];
    const check = checkClaims(
      'The scheduler pod used approximately 1.5 GB of memory; the pool was at 12.5 % with 4 cores and 80% CPU.',
      data,
    );
    expect(check.claims.filter((c) => c.kind === 'quantity').map((c) => c.text)).toEqual(['1.5 GB', '12.5 %', '4 cores', '80%']);
    expect(check.unsupported.map((c) => c.text)).toEqual(['1.5 GB', '80%']);
    expect(check.text).toContain('~~1.5 GB~~ (not found in the data)');
  });

  it('does not take an id inside a longer id as found', () => {
    expect(checkClaims('orders_export_v2 failed.', DATA).unsupported.map((c) => c.text)).toEqual(['orders_export_v2']);
  });
});

describe('streaming a checked answer', () => {
  const answer =
    'load_orders failed 3 times. Then ghost_task ran at 2025-06-01 04:00 and\n- 12 runs of orders_export broke on 2025-06-02 09:15.';
  it('emits, whatever the chunking, exactly the checked text, and never an unchecked claim', () => {
    const whole = checkClaims(answer, DATA).text;
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const out: string[] = [];
      const stream = new CheckedStream(new Evidence(DATA), (t) => out.push(t));
      for (let i = 0; i < answer.length; i += size) {
        stream.push(answer.slice(i, i + size));
        expect(out.join('')).not.toMatch(/(^|[^~])ghost_task/);
      }
      expect(stream.finish()).toBe(whole);
      expect(out.join('')).toBe(whole);
      if (size < 1000) expect(out.length).toBeGreaterThan(3);
    }
  });
});
