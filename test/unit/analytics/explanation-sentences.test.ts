import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/services/analytics/finding';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import { spikeImpact } from '../../../src-main/services/analytics/detectors/duration-detector';
import { LATE_INPUTS } from '../../../src-main/services/analytics/model/late-target';
import { FEATURE_COUNT } from '../../../src-main/services/analytics/model/feature-names';
import { riskReasons, topReasons } from '../../../src-main/services/analytics/model/risk-reasons';
import type { RiskModel } from '../../../src-main/services/analytics/model/risk-model';
import { scoreEnvironment } from '../../../src-main/services/analytics/score-environment';
import { ENV, handHistory, quietDays, type HandHistory, type HandInstance, type HandTask } from './hand-history';

const RETRIED: HandInstance = { state: 'failed', tries: ['up_for_retry', 'failed'] };
const ONE_TRY: HandInstance = { state: 'failed', tries: ['failed'] };
const LEFT: HandInstance = { state: 'upstream_failed', tries: [] };

let open: HandHistory | null = null;
afterEach(() => {
  open?.dispose();
  open = null;
});

function findings(tasks: readonly HandTask[], days: Parameters<typeof handHistory>[1]): Finding[] {
  open = handHistory(tasks, days);
  return scoreEnvironment(loadEnvHistory(open.db, ENV, open.asOf)).findings;
}

const burstOf = (fs: readonly Finding[]): Finding | undefined => fs.find((f) => f.kind === 'failure_burst');

describe('failure-burst sentences hold for the task they are about', () => {
  it('"Retries did not help" when retries were configured and ran', () => {
    const f = burstOf(findings([{ taskId: 'load', retries: 1, downstream: [] }], [...quietDays(20), { load: RETRIED }, { load: RETRIED }]));
    expect(f?.why).toContain('Retries did not help');
    expect(f?.expected).toContain('recovered by its retries');
  });

  it('no "Retries did not help" for a task with retries=0', () => {
    const f = burstOf(findings([{ taskId: 'load', retries: 0, downstream: [] }], [...quietDays(20), { load: ONE_TRY }, { load: ONE_TRY }]));
    expect(f).toBeDefined();
    expect(f?.why).not.toContain('Retries did not help');
    expect(f?.why).toContain('No retry ran');
    expect(f?.expected).not.toContain('retries');
  });

  it('"left upstream_failed" when downstream instances of those runs were', () => {
    const tasks = [
      { taskId: 'load', retries: 0, downstream: ['report'] },
      { taskId: 'report', retries: 0, downstream: [] },
    ];
    const f = burstOf(findings(tasks, [...quietDays(20), { load: ONE_TRY, report: LEFT }, { load: ONE_TRY, report: LEFT }]));
    expect(f?.why).toContain('2 downstream task instances were left upstream_failed');
  });

  it('no "upstream_failed" sentence for a task with no downstream task', () => {
    const f = burstOf(findings([{ taskId: 'load', retries: 0, downstream: [] }], [...quietDays(20), { load: ONE_TRY }, { load: ONE_TRY }]));
    expect(f).toBeDefined();
    expect(f?.why).not.toContain('upstream_failed');
  });

  it('"every one with the same error" when every failed try logged the same one', () => {
    const same = burstOf(
      findings([{ taskId: 'load', retries: 0, downstream: [] }], [...quietDays(20), { load: ONE_TRY }, { load: ONE_TRY }]),
    );
    expect(same?.observed).toContain('every one with the same error');
  });

  it('no "same error" claim where the failed tries left no log', () => {
    open = handHistory([{ taskId: 'load', retries: 0, downstream: [] }], [...quietDays(20), { load: ONE_TRY }, { load: ONE_TRY }]);
    open.db.prepare('DELETE FROM task_logs').run();
    const f = burstOf(scoreEnvironment(loadEnvHistory(open.db, ENV, open.asOf)).findings);
    expect(f).toBeDefined();
    expect(f?.observed).not.toContain('same error');
  });
});

describe('a single failed run is a failure, not an anomaly; repeated bursts are one episode', () => {
  it('one failed run (every retry failed) gives no finding', () => {
    const fs = findings(
      [{ taskId: 'load', retries: 2, downstream: [] }],
      [...quietDays(20), { load: { state: 'failed', tries: ['up_for_retry', 'up_for_retry', 'failed'] } }, ...quietDays(2)],
    );
    expect(fs.filter((f) => f.kind === 'failure_burst')).toEqual([]);
  });

  it('two bursts of the same task and error a few days apart are one finding, updated', () => {
    const fs = findings(
      [{ taskId: 'load', retries: 0, downstream: [] }],
      [...quietDays(20), { load: ONE_TRY }, { load: ONE_TRY }, ...quietDays(2), { load: ONE_TRY }, { load: ONE_TRY }],
    );
    const bursts = fs.filter((f) => f.kind === 'failure_burst');
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.title).toMatch(/^load failed 4 runs in 2 streaks since /);
    expect(bursts[0]?.runIds).toHaveLength(4);
  });
});

describe('duration-spike sentence', () => {
  it('names the downstream tasks it held up where there are some', () => {
    expect(spikeImpact({ downstream: ['a', 'b'] })).toBe("it held up its 2 downstream tasks and the run's end.");
  });

  it('claims no downstream delay for a task with none', () => {
    expect(spikeImpact({ downstream: [] })).not.toContain('downstream task');
  });
});

/** A model whose every input has weight `w` (standardized around 0.5): a value of 0 contributes -w/2. */
function model(width: number, w: number): RiskModel {
  return {
    lr: {
      mean: new Array<number>(width).fill(0.5),
      scale: new Array<number>(width).fill(1),
      weights: [0, ...new Array<number>(width).fill(w)],
    } as RiskModel['lr'],
    platt: { a: 1, b: 0 } as RiskModel['platt'],
    trainRows: 100,
    positives: 10,
  };
}

describe('risk reasons are said only where they hold', () => {
  it('"the last run failed" when it did', () => {
    const x = new Float64Array(FEATURE_COUNT).fill(0);
    x[1] = 1;
    expect(riskReasons(model(FEATURE_COUNT, 1), x, 0).map((r) => r.text)).toContain('the last run failed or needed a retry');
  });

  it('not when the last run succeeded, even where a negative weight makes the zero raise the risk', () => {
    const x = new Float64Array(FEATURE_COUNT).fill(0);
    const texts = riskReasons(model(FEATURE_COUNT, -1), x, 0).map((r) => r.text);
    expect(texts).toEqual([]);
  });

  it('"0 failure(s) in its pool" is never said', () => {
    const x = new Float64Array(FEATURE_COUNT).fill(0.6);
    x[12] = Math.log1p(0.2);
    expect(riskReasons(model(FEATURE_COUNT, 1), x, 0, 20).some((r) => r.text.includes('in its pool'))).toBe(false);
  });

  it('lateness: "finished later than usual" only with late runs, "start later" only when they do', () => {
    const width = LATE_INPUTS.length;
    const late = new Float64Array(width).fill(0);
    late[0] = 0.7;
    late[3] = 1.2;
    const said = topReasons(model(width, 1), late, 0, LATE_INPUTS, 20).map((r) => r.text);
    expect(said).toContain('finished later than usual in 7 of the last 10 runs');
    expect(said.some((t) => t.startsWith('recent runs start later'))).toBe(true);
    const early = new Float64Array(width).fill(0);
    early[3] = -1.5;
    const saidEarly = topReasons(model(width, -1), early, 0, LATE_INPUTS, 20).map((r) => r.text);
    expect(saidEarly.some((t) => t.includes('later'))).toBe(false);
  });
});
