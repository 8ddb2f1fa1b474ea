import type { Rule, RuleDraft, RuleFiring } from '../../../src-shared/domain/rules';
import type { Candidate } from './conditions/candidate';
import { durationAboveP99 } from './conditions/duration-p99';
import { failedInARow } from './conditions/failed-in-a-row';
import { matchingAnomalies, riskyTasks } from './conditions/from-scoring';
import type { RuleInputs } from './rule-inputs';

function candidates(rule: RuleDraft, inputs: RuleInputs): Candidate[] {
  const c = rule.condition;
  switch (c.kind) {
    case 'dag_failed_in_a_row':
      return failedInARow(inputs.runs(), c.runs);
    case 'duration_above_p99':
      return durationAboveP99(inputs.durations(), c.times, inputs.fromMs);
    case 'failure_probability':
      return riskyTasks(inputs.risks(), c.above, inputs.toMs);
    case 'new_error_pattern':
      return matchingAnomalies(inputs.anomalies(), 'new_error_pattern', 'low');
    case 'anomaly':
      return matchingAnomalies(inputs.anomalies(), c.anomalyKind, c.minSeverity);
  }
}

/** Whether a rule applies to an environment at all. */
export function ruleCoversEnv(rule: RuleDraft, envId: string): boolean {
  return rule.enabled && (rule.envId === null || rule.envId === envId);
}

/** Every firing of one rule over the inputs' window, in time order (a draft evaluates as rule "preview", version 0). */
export function evaluateRule(rule: RuleDraft | Rule, inputs: RuleInputs): RuleFiring[] {
  const ruleId = 'ruleId' in rule ? rule.ruleId : 'preview';
  const version = 'version' in rule ? rule.version : 0;
  return candidates(rule, inputs)
    .filter((f) => (rule.dagId === null || f.dagId === rule.dagId) && (rule.taskId === null || f.taskId === rule.taskId))
    .filter((f) => f.atMs >= inputs.fromMs && f.atMs <= inputs.toMs)
    .sort((a, b) => a.atMs - b.atMs)
    .map((f) => ({
      envId: inputs.envId,
      ruleId,
      ruleVersion: version,
      ruleName: rule.name,
      subject: f.subject,
      window: f.window,
      dagId: f.dagId,
      taskId: f.taskId,
      runId: f.runId,
      at: new Date(f.atMs).toISOString(),
      title: f.title,
      detail: f.detail,
      action: rule.action,
    }));
}
