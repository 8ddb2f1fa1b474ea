import type { RuleCondition, RuleConditionKind, RuleDraft } from '../../../src-shared/domain/rules';
import { kindLabels } from '../anomalies/kind-labels';

export const conditionLabels: Readonly<Record<RuleConditionKind, string>> = {
  dag_failed_in_a_row: 'DAG failed N runs in a row',
  duration_above_p99: 'Task duration above its p99 K times in a day',
  failure_probability: 'Failure probability above a threshold',
  new_error_pattern: 'New error pattern',
  anomaly: 'Anomaly of a kind and severity',
};

/** The condition in one sentence. */
export function conditionText(c: RuleCondition): string {
  switch (c.kind) {
    case 'dag_failed_in_a_row':
      return `failed ${c.runs} run${c.runs > 1 ? 's' : ''} in a row`;
    case 'duration_above_p99':
      return `ran above its 30-day p99 ${c.times} time${c.times > 1 ? 's' : ''} in a day`;
    case 'failure_probability':
      return `next run ≥ ${Math.round(c.above * 100)}% likely to fail`;
    case 'new_error_pattern':
      return 'a new error pattern appeared';
    case 'anomaly':
      return `${kindLabels[c.anomalyKind]} at ${c.minSeverity} severity or higher`;
  }
}

export function scopeText(r: RuleDraft, envName: (id: string) => string): string {
  const where = r.dagId === null ? 'any DAG' : r.taskId === null ? r.dagId : `${r.dagId} · ${r.taskId}`;
  return `${r.envId === null ? 'every environment' : envName(r.envId)} · ${where}`;
}

export const actionLabels = { none: 'No action', pause_dag: 'Propose: pause the DAG', clear_task: 'Propose: clear the task' } as const;
