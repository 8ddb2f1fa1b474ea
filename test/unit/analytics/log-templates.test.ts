import { describe, expect, it } from 'vitest';
import { Drain, WILDCARD } from '../../../src-main/services/analytics/patterns/drain';
import { maskedTokens } from '../../../src-main/services/analytics/patterns/log-mask';

/** The group of each line, mined in order. */
function groups(lines: readonly string[]): number[] {
  const drain = new Drain();
  const clusters = lines.map((l) => drain.add(maskedTokens(l)));
  return clusters.map((c) => drain.resolve(c).id);
}

describe('log masks', () => {
  it('masks a variable first token: host:port, a count', () => {
    expect(maskedTokens('worker-12.corp:8793 lost heartbeat')).toEqual(['<HOST>', 'lost', 'heartbeat']);
    expect(maskedTokens('1542 rows rejected by constraint')[0]).toBe('<NUM>');
  });

  it('keeps quoted values that name the event and masks quoted data', () => {
    expect(maskedTokens("Task moved to status 'RUNNING'")).toContain("'RUNNING'");
    expect(maskedTokens('127.0.0.1 - "GET /api/v2/dags HTTP/1.1" 200')).toEqual(['<IP>', '-', '"GET', '<PATH>', 'HTTP/<NUM>"', '<NUM>']);
    expect(maskedTokens("KeyError: 'target_table'")).toEqual(['KeyError:', '<STR>']);
    expect(maskedTokens('msg="Scrape failed" err="connection refused"')).toEqual(['msg="Scrape', 'failed"', 'err="connection', 'refused"']);
  });

  it('gives a value one token whatever its own token count', () => {
    expect(maskedTokens('export took <1 sec')).toEqual(maskedTokens('export took 00:01'));
    expect(maskedTokens('export took 1.5 s')).toEqual(maskedTokens('export took 250ms'));
    expect(maskedTokens("time data '2024-06-31 10:00' does not match")).toEqual(maskedTokens("time data 'x' does not match"));
    expect(maskedTokens("Command '['sh', '-c', 'exit 5']' returned non-zero exit status 5.")).toEqual(
      maskedTokens("Command '['false']' returned non-zero exit status 1."),
    );
    expect(maskedTokens('Trying to enqueue tasks: [<TaskInstance: d.a run [scheduled]>, <TaskInstance: d.b run [scheduled]>] now')).toEqual(
      maskedTokens('Trying to enqueue tasks: [<TaskInstance: d.a run [scheduled]>] now'),
    );
  });
});

describe('template mining (Drain without a fixed threshold)', () => {
  it('joins lines that differ only in values, whatever their first token', () => {
    const g = groups([
      'worker-12.corp:8793 lost heartbeat',
      'worker-3.corp:8793 lost heartbeat',
      '1542 rows rejected by constraint',
      '17 rows rejected by constraint',
    ]);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).toBe(g[3]);
    expect(g[0]).not.toBe(g[2]);
  });

  it('keeps apart events that differ in a quoted enumerator or an HTTP method', () => {
    const g = groups(["Task t1 moved to status 'RUNNING'", "Task t2 moved to status 'FAILED'", "Task t3 moved to status 'RUNNING'"]);
    expect(g[0]).toBe(g[2]);
    expect(g[0]).not.toBe(g[1]);
    const h = groups([
      '10.0.0.1 - "GET /api/v2/dags HTTP/1.1" 200',
      '10.0.0.2 - "POST /api/v2/dags HTTP/1.1" 200',
      '10.0.0.3 - "GET /api/v2/pools HTTP/1.1" 404',
    ]);
    expect(h[0]).toBe(h[2]);
    expect(h[0]).not.toBe(h[1]);
  });

  it('keeps apart messages of one length that differ in a word, however short (no over-merge)', () => {
    const g = groups([
      'IndexError: list index out of range',
      'IndexError: tuple index out of range',
      'Marking run r1 failed',
      'Marking run r2 successful',
    ]);
    expect(new Set(g).size).toBe(4);
  });

  it('folds a place into a value once four different words turn up there, and never folds upper-case enumerators', () => {
    const words = ['set', 'bytes', 'Decimal', 'datetime'].map((t) => `TypeError: Object of type ${t} is not JSON serializable`);
    const g = groups(words);
    expect(new Set(g).size).toBe(1);
    const drain = new Drain();
    const last = words.map((l) => drain.add(maskedTokens(l))).at(-1);
    expect(last && drain.resolve(last).tokens).toContain(WILDCARD);
    expect(new Set(groups(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => `request finished method=${m} status=200`))).size).toBe(5);
  });
});

describe('template mining of actions and states', () => {
  it('keeps recurring lower-case actions and hyphenated states apart (a few words that recur are not values)', () => {
    const actions = [
      ...Array<string>(5).fill('configure'),
      ...Array<string>(4).fill('remove'),
      ...Array<string>(4).fill('purge'),
      'triggers-only',
      'configure',
    ];
    const lines = actions
      .map((a) => `startup packages ${a}`)
      .concat([
        'status half-configured libc-bin:amd64 2.36-9',
        'status half-installed libc-bin:amd64 2.36-9',
        'status not-installed gcc:amd64 <none>',
      ]);
    expect(new Set(groups(lines)).size).toBe(7);
  });
});

describe('template mining decided on the whole stream', () => {
  it('takes a plain word for a name once it filled a value place, also for templates made before', () => {
    const g = groups([
      'INSERT INTO customers VALUES (?, ?)',
      'INSERT INTO orders VALUES (?, ?)',
      'UNIQUE constraint failed: customers.email',
      'UNIQUE constraint failed: orders.id',
      'INSERT INTO invoices VALUES (?, ?)',
    ]);
    expect(g[0]).toBe(g[1]);
    expect(g[0]).toBe(g[4]);
    expect(g[2]).toBe(g[3]);
  });

  it('still keeps apart messages that differ in a word no value place has held', () => {
    const g = groups([
      'Loaded 3 rows into staging.orders',
      'Loaded 4 rows into staging.customers',
      'Skipped 3 rows of orders',
      'Dropped 3 rows of orders',
    ]);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).not.toBe(g[3]);
  });

  it('takes a quoted upper-case word for data where quoted data stood', () => {
    const g = groups(["invalid literal for int() with base 10: 'abc'", "invalid literal for int() with base 16: 'TRUE'"]);
    expect(g[0]).toBe(g[1]);
    expect(new Set(groups(["Task t1 moved to status 'RUNNING'", "Task t2 moved to status 'FAILED'"])).size).toBe(2);
  });

  it('joins a short message with more values than fixed words', () => {
    const g = groups(['swap cfg_a.yml cfg_b.yml cfg_a.bak', 'swap cfg_x.yml cfg_y.yml cfg_x.bak']);
    expect(g[0]).toBe(g[1]);
  });

  it('does not fold states that each turn up once at the start but recur over the stream', () => {
    const states = ['unpacked', 'half-configured', 'installed', 'pending'];
    const lines = Array.from({ length: 5 }, (_, k) => states.map((s) => `status ${s} pkg${k}:amd64 1.${k}`)).flat();
    expect(new Set(groups(lines)).size).toBe(4);
  });
});
