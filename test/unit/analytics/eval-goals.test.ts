import { describe, expect, it } from 'vitest';
import { CI_EVAL, runEval } from '../../../eval/run-eval';

/** The CI-sized evaluation: regressions in detection, prediction or grouping fail here. */
describe('analytics evaluation (2 seeds × 25 DAGs × 60 days)', () => {
  it('meets the goals it meets today', () => {
    const report = runEval(CI_EVAL);
    const value = (name: string): number => report.results.find((r) => r.name === name)?.value ?? NaN;
    expect(value('detection overall F1')).toBeGreaterThanOrEqual(0.9);
    expect(value('false alerts per DAG per 30 days')).toBeLessThanOrEqual(1);
    expect(value('error pattern grouping accuracy')).toBeGreaterThanOrEqual(0.95);
    expect(value('prediction PR AUC')).toBeGreaterThan(1.2 * value('prediction PR AUC baseline last state'));
    expect(value('prediction PR AUC')).toBeGreaterThan(1.2 * value('prediction PR AUC baseline rate of last 10'));
    expect(value('duration_spike F1')).toBe(1);
    expect(value('late_schedule F1')).toBe(1);
  }, 120_000);
});
