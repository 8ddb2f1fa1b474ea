import { useState } from 'react';
import type { Rule } from '../../../src-shared/domain/rules';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { useCurrentEnv } from '../environments/use-current-env';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Button } from '../../ui/kit';
import { FiringList } from './FiringList';
import { NotificationList } from './NotificationList';
import { RuleEditorDialog } from './RuleEditorDialog';
import { actionLabels, conditionText, scopeText } from './rule-text';
import { RulesExportDialog, RulesImportDialog } from './RulesTransfer';

type Open = { kind: 'edit'; rule: Rule | null } | { kind: 'import' } | { kind: 'export' } | null;

/** Settings → Rules: list, create, edit, delete, import and export rules; their firings and the notifications. */
export function RulesSection() {
  const { env, envs } = useCurrentEnv();
  const rules = useApiQuery('rules.list', {});
  const firings = useApiQuery('rules.firings', { envId: env?.id ?? 'demo', limit: 50 }, { enabled: env !== null });
  const remove = useApiMutation('rules.delete');
  const [open, setOpen] = useState<Open>(null);
  const envName = (id: string): string => envs.find((e) => e.id === id)?.name ?? id;
  return (
    <section className="settings-section" aria-labelledby="rules-heading">
      <div className="section-head">
        <h2 id="rules-heading">Rules</h2>
        <div className="section-actions">
          <Button variant="primary" disabled={env === null} onClick={() => setOpen({ kind: 'edit', rule: null })}>
            New rule
          </Button>
          <Button onClick={() => setOpen({ kind: 'import' })}>Import…</Button>
          <Button onClick={() => setOpen({ kind: 'export' })}>Export…</Button>
        </div>
      </div>
      <p className="muted">Checked after every sync. A rule notifies and may propose an action; only you can run it, from its preview.</p>
      {rules.error !== null ? <ErrorPanel error={rules.error} title="Rules could not be read" /> : null}
      {rules.data !== undefined && rules.data.length === 0 ? <p>No rules yet.</p> : null}
      {rules.data !== undefined && rules.data.length > 0 ? (
        <ul className="rule-list" aria-label="Rules">
          {rules.data.map((r) => (
            <li key={r.ruleId} className={`rule-row${r.enabled ? '' : ' is-disabled'}`} aria-label={r.name}>
              <span className="rule-name">{r.name}</span>
              <span className="rule-when">{conditionText(r.condition)}</span>
              <span className="muted">{scopeText(r, envName)}</span>
              <span className="muted rule-meta">
                {[r.notify.inApp ? 'in app' : null, r.notify.desktop ? 'desktop' : null, r.notify.slack ? 'Slack' : null]
                  .filter(Boolean)
                  .join(', ') || 'no notification'}{' '}
                · {actionLabels[r.action]} · v{r.version}
                {r.enabled ? '' : ' · disabled'}
              </span>
              <span className="rule-buttons">
                <Button onClick={() => setOpen({ kind: 'edit', rule: r })}>Edit</Button>
                <Button
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(`Delete the rule “${r.name}”?`)) remove.mutate({ ruleId: r.ruleId });
                  }}
                >
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {env !== null && firings.data !== undefined && firings.data.length > 0 ? (
        <details className="rule-firings">
          <summary>
            Firings in {env.name} ({firings.data.length})
          </summary>
          <FiringList firings={[...firings.data].reverse()} env={env} label="Rule firings" />
        </details>
      ) : null}
      <NotificationList envs={envs} />
      {open?.kind === 'edit' && env !== null ? (
        <RuleEditorDialog rule={open.rule} envs={envs} current={env} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'import' ? <RulesImportDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'export' ? <RulesExportDialog onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
