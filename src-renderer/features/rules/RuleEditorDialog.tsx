import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { RuleAction, type Rule, type RuleDraft } from '../../../src-shared/domain/rules';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { FormField } from '../env-settings/FormField';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { ConditionFields } from './ConditionFields';
import { RulePreview } from './RulePreview';
import { NEW_RULE, optionalText } from './rule-draft';
import { actionLabels } from './rule-text';

type Channel = keyof RuleDraft['notify'];
const channels: readonly [Channel, string][] = [
  ['inApp', 'In the app'],
  ['desktop', 'Desktop notification'],
  ['slack', 'Slack'],
];

/** Creates or edits a rule, with a live preview of its last 30 days in the current environment. */
export function RuleEditorDialog({
  rule,
  envs,
  current,
  onClose,
}: {
  rule: Rule | null;
  envs: readonly Environment[];
  current: Environment;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<RuleDraft>(rule ?? NEW_RULE);
  const [dag, setDag] = useState(rule?.dagId ?? '');
  const [task, setTask] = useState(rule?.taskId ?? '');
  const save = useApiMutation('rules.save');
  const full: RuleDraft = { ...draft, dagId: optionalText(dag), taskId: optionalText(dag) === null ? null : optionalText(task) };
  const previewEnv = envs.find((e) => e.id === full.envId) ?? current;
  const submit = () => save.mutate({ ruleId: rule?.ruleId ?? null, rule: full }, { onSuccess: onClose });
  return (
    <Dialog
      title={rule === null ? 'New rule' : `Edit rule (version ${rule.version})`}
      subtitle="Evaluated after every sync. A proposed action is only ever run by a person, after its preview."
      onClose={onClose}
      wide
      footer={
        <>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={full.name.trim() === '' || save.isPending} onClick={submit}>
            {save.isPending ? 'Saving…' : 'Save rule'}
          </button>
        </>
      }
    >
      <div className="rule-editor">
        <div className="rule-form">
          <FormField label="Name">
            {(ids) => (
              <input id={ids.id} value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            )}
          </FormField>
          <FormField label="Environment">
            {(ids) => (
              <select
                id={ids.id}
                value={draft.envId ?? ''}
                onChange={(e) => setDraft({ ...draft, envId: e.target.value === '' ? null : e.target.value })}
              >
                <option value="">Every environment</option>
                {envs.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="DAG" help="Empty: every DAG.">
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                value={dag}
                spellCheck={false}
                maxLength={250}
                onChange={(e) => setDag(e.target.value)}
              />
            )}
          </FormField>
          <FormField label="Task" help="Empty: every task (needs a DAG).">
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                value={task}
                spellCheck={false}
                maxLength={250}
                disabled={dag.trim() === ''}
                onChange={(e) => setTask(e.target.value)}
              />
            )}
          </FormField>
          <ConditionFields value={draft.condition} onChange={(condition) => setDraft({ ...draft, condition })} />
          <fieldset className="rule-notify">
            <legend>Notify</legend>
            {channels.map(([key, label]) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={draft.notify[key]}
                  onChange={(e) => setDraft({ ...draft, notify: { ...draft.notify, [key]: e.target.checked } })}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <FormField label="Proposed action">
            {(ids) => (
              <select id={ids.id} value={draft.action} onChange={(e) => setDraft({ ...draft, action: RuleAction.parse(e.target.value) })}>
                {RuleAction.options.map((a) => (
                  <option key={a} value={a}>
                    {actionLabels[a]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <label className="rule-enabled">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
            Enabled
          </label>
          {save.error !== null ? <ApiErrorNotice error={save.error} title="The rule was not saved" /> : null}
        </div>
        <RulePreview draft={full} env={previewEnv} />
      </div>
    </Dialog>
  );
}
