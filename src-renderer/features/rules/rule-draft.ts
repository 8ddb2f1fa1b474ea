import type { RuleCondition, RuleConditionKind, RuleDraft } from '../../../src-shared/domain/rules';

export const NEW_RULE: RuleDraft = {
  name: '',
  enabled: true,
  envId: null,
  dagId: null,
  taskId: null,
  condition: { kind: 'dag_failed_in_a_row', runs: 2 },
  notify: { inApp: true, desktop: true, slack: false },
  action: 'none',
};

/** A condition of another kind with sensible defaults. */
export function conditionOfKind(kind: RuleConditionKind): RuleCondition {
  switch (kind) {
    case 'dag_failed_in_a_row':
      return { kind, runs: 2 };
    case 'duration_above_p99':
      return { kind, times: 3 };
    case 'failure_probability':
      return { kind, above: 0.8 };
    case 'new_error_pattern':
      return { kind };
    case 'anomaly':
      return { kind, anomalyKind: 'failure_burst', minSeverity: 'high' };
  }
}

/** Empty scope fields mean "any". */
export const optionalText = (value: string): string | null => (value.trim() === '' ? null : value.trim());
