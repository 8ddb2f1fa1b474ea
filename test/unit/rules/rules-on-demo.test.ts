import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnomalyKind } from '../../../src-shared/domain/analytics';
import type { AppNotification, RuleCondition, RuleDraft } from '../../../src-shared/domain/rules';
import { COMPATIBLE } from '../../../eval/match-findings';
import { isObservable } from '../../../eval/observable';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { DEMO_DAGS, DEMO_DAYS, DEMO_SEED } from '../../../src-main/services/demo/demo-environment';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { evaluateRule } from '../../../src-main/services/rules/evaluate-rule';
import { loadRuleInputs } from '../../../src-main/services/rules/rule-inputs';
import { RuleService } from '../../../src-main/services/rules/rule-service';
import type { SynthLabel } from '../../../src-main/services/synth/label-types';
import { generate, type Generated } from '../synth/synth-fixture';

const AS_OF = '2025-06-02T12:00:00.000Z';
const DAY = 86_400_000;

const draft = (condition: RuleCondition, extra: Partial<RuleDraft> = {}): RuleDraft => ({
  name: condition.kind,
  enabled: true,
  envId: null,
  dagId: null,
  taskId: null,
  condition,
  notify: { inApp: true, desktop: true, slack: false },
  action: 'none',
  ...extra,
});

/** The firing is about the label's DAG and within a day of the incident. */
const onLabel = (f: { dagId: string; at: string }, l: SynthLabel): boolean =>
  f.dagId === l.dagId && Date.parse(f.at) >= Date.parse(l.startsAt) - DAY && Date.parse(f.at) <= Date.parse(l.endsAt) + DAY;

describe('rules on the Demo history (its seed, its labelled incidents)', () => {
  let g: Generated;
  beforeAll(async () => {
    g = generate({ dags: DEMO_DAGS, days: DEMO_DAYS, seed: DEMO_SEED, asOf: AS_OF });
    await new AnalyticsService(g.db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
  }, 120_000);
  afterAll(() => g.dispose());

  it('fires on the labelled incidents and nowhere else', () => {
    const inputs = loadRuleInputs(g.db, 'demo', Date.parse(AS_OF) - DEMO_DAYS * DAY, Date.parse(AS_OF));
    const rules = [
      draft({ kind: 'dag_failed_in_a_row', runs: 2 }),
      draft({ kind: 'new_error_pattern' }),
      ...AnomalyKind.options.map((k) => draft({ kind: 'anomaly', anomalyKind: k, minSeverity: 'low' })),
    ];
    const fired = rules.flatMap((r) => evaluateRule(r, inputs).map((f) => ({ ...f, condition: r.condition })));
    expect(fired.length).toBeGreaterThan(10);
    const labels = g.summary.labels.filter(isObservable);
    for (const f of fired)
      expect(
        labels.some((l) => onLabel(f, l)),
        `${f.subject} at ${f.at}: ${f.title}`,
      ).toBe(true);
    // Every observable incident is caught by the anomaly rule of its kind (or one its kind is read as), except slow weekly drifts too short to see.
    const missed = labels.filter(
      (l) => !fired.some((f) => onLabel(f, l) && f.condition.kind === 'anomaly' && COMPATIBLE[l.kind].includes(f.condition.anomalyKind)),
    );
    expect(missed.map((l) => `${l.kind} ${l.dagId}`)).toEqual(
      missed.filter((l) => l.kind === 'gradual_slowdown' && l.dagId.endsWith('_weekly')).map((l) => `${l.kind} ${l.dagId}`),
    );
    // "Failed 2 runs in a row" finds the outage, the bad deploy and the flaky task's worst day.
    const streaks = fired.filter((f) => f.condition.kind === 'dag_failed_in_a_row');
    for (const kind of ['failure_burst', 'bad_deploy'] as const)
      expect(streaks.some((f) => labels.some((l) => l.kind === kind && onLabel(f, l)))).toBe(true);
  });

  it('"above p99 3 times in a day" catches the injected duration spike', () => {
    const inputs = loadRuleInputs(g.db, 'demo', Date.parse(AS_OF) - DEMO_DAYS * DAY, Date.parse(AS_OF));
    const fired = evaluateRule(draft({ kind: 'duration_above_p99', times: 3 }), inputs);
    const spikes = g.summary.labels.filter((l) => l.kind === 'duration_spike');
    expect(spikes.length).toBeGreaterThan(0);
    for (const l of spikes) expect(fired.some((f) => onLabel(f, l) && f.taskId === l.taskId)).toBe(true);
  });

  it('previews 30 days, stores each firing once, notifies only what is news, and proposes (never runs) an action', () => {
    const notes: AppNotification[] = [];
    const service = new RuleService({ db: g.db, onNotification: (n) => notes.push(n) });
    const rule = service.rules.save(
      draft({ kind: 'anomaly', anomalyKind: 'bad_deploy', minSeverity: 'medium' }, { action: 'pause_dag', name: 'Bad deploys' }),
      null,
    );
    const preview = service.preview(rule, 'demo', AS_OF);
    expect(preview.map((f) => f.dagId)).toEqual(['customers_rollup_daily']);
    expect(preview[0]?.action).toBe('pause_dag');
    const streak = service.rules.save(draft({ kind: 'dag_failed_in_a_row', runs: 2 }, { name: 'Two failed runs' }), null);

    const first = service.evaluate('demo', AS_OF);
    expect(first.firings).toBe(2);
    // Both happened weeks before "now": stored, but not news.
    expect(first.notified).toBe(0);
    expect(service.evaluate('demo', AS_OF).firings).toBe(0);
    expect(
      service.firings
        .firings('demo', 50)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual([rule.ruleId, streak.ruleId].sort());

    // A new rule matching something within the last day notifies once, however often it is evaluated.
    const recent = service.rules.save(draft({ kind: 'anomaly', anomalyKind: 'flaky_task', minSeverity: 'low' }, { name: 'Flaky' }), null);
    // An hour after the scoring detected the flaky task: the firing is news then.
    const flakyAnomalies = g.db
      .prepare(
        "SELECT dag_id AS dagId, detected_at AS detectedAt FROM anomalies WHERE env_id = 'demo' AND kind = 'flaky_task' ORDER BY detected_at",
      )
      .all() as { dagId: string; detectedAt: string }[];
    expect(flakyAnomalies.map((a) => a.dagId)).toContain('warehouse_features_daily');
    const detectedAt = flakyAnomalies.find((a) => a.dagId === 'warehouse_features_daily')!.detectedAt;
    const later = new Date(Date.parse(detectedAt) + 3_600_000).toISOString();
    g.db.prepare('DELETE FROM rule_evaluations').run();
    service.evaluate('demo', later);
    const flaky = notes.filter((n) => n.ruleId === recent.ruleId);
    expect(flaky.map((n) => n.dagId)).toContain('warehouse_features_daily');
    expect(
      flaky.every((n) =>
        flakyAnomalies.some((a) => a.dagId === n.dagId && Math.abs(Date.parse(a.detectedAt) - Date.parse(later)) <= 86_400_000),
      ),
    ).toBe(true);
    expect(flaky[0]?.desktop).toBe(true);
    service.evaluate('demo', later);
    expect(notes.filter((n) => n.ruleId === recent.ruleId)).toHaveLength(flaky.length);
    expect(service.firings.notifications(10).filter((n) => !n.read)).toHaveLength(flaky.length);
    expect(service.firings.markRead(null)).toBe(flaky.length);
  });
});
