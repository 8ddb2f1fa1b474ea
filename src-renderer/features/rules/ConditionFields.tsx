import { AnomalyKind, Severity } from '../../../src-shared/domain/analytics';
import type { RuleCondition, RuleConditionKind } from '../../../src-shared/domain/rules';
import { kindLabels } from '../anomalies/kind-labels';
import { FormField } from '../env-settings/FormField';
import { conditionOfKind } from './rule-draft';
import { conditionLabels } from './rule-text';

const intOf = (text: string, min: number, max: number): number => Math.max(min, Math.min(max, Math.round(Number(text) || min)));

/** The condition's kind and its parameters. */
export function ConditionFields({ value, onChange }: { value: RuleCondition; onChange: (next: RuleCondition) => void }) {
  return (
    <>
      <FormField label="When">
        {(ids) => (
          <select id={ids.id} value={value.kind} onChange={(e) => onChange(conditionOfKind(e.target.value as RuleConditionKind))}>
            {(Object.keys(conditionLabels) as RuleConditionKind[]).map((k) => (
              <option key={k} value={k}>
                {conditionLabels[k]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {value.kind === 'dag_failed_in_a_row' ? (
        <FormField label="Runs in a row">
          {(ids) => (
            <input
              id={ids.id}
              type="number"
              min={1}
              max={50}
              value={value.runs}
              onChange={(e) => onChange({ ...value, runs: intOf(e.target.value, 1, 50) })}
            />
          )}
        </FormField>
      ) : null}
      {value.kind === 'duration_above_p99' ? (
        <FormField label="Times in a day">
          {(ids) => (
            <input
              id={ids.id}
              type="number"
              min={1}
              max={100}
              value={value.times}
              onChange={(e) => onChange({ ...value, times: intOf(e.target.value, 1, 100) })}
            />
          )}
        </FormField>
      ) : null}
      {value.kind === 'failure_probability' ? (
        <FormField label="Probability at least (%)">
          {(ids) => (
            <input
              id={ids.id}
              type="number"
              min={1}
              max={99}
              value={Math.round(value.above * 100)}
              onChange={(e) => onChange({ ...value, above: intOf(e.target.value, 1, 99) / 100 })}
            />
          )}
        </FormField>
      ) : null}
      {value.kind === 'anomaly' ? (
        <>
          <FormField label="Anomaly kind">
            {(ids) => (
              <select
                id={ids.id}
                value={value.anomalyKind}
                onChange={(e) => onChange({ ...value, anomalyKind: AnomalyKind.parse(e.target.value) })}
              >
                {AnomalyKind.options.map((k) => (
                  <option key={k} value={k}>
                    {kindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Severity at least">
            {(ids) => (
              <select
                id={ids.id}
                value={value.minSeverity}
                onChange={(e) => onChange({ ...value, minSeverity: Severity.parse(e.target.value) })}
              >
                {Severity.options.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </>
      ) : null}
    </>
  );
}
