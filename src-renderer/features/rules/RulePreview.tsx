import type { Environment } from '../../../src-shared/domain/environment';
import { RuleDraft } from '../../../src-shared/domain/rules';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { Section } from '../../ui/kit';
import { FiringList } from './FiringList';
import { useDebounced } from './use-debounced';

/** What the rule being edited would have fired on in the last 30 days of the current environment. */
export function RulePreview({ draft, env }: { draft: RuleDraft; env: Environment }) {
  const settled = useDebounced(draft, 300);
  const valid = RuleDraft.safeParse({ ...settled, name: 'preview' });
  const preview = useApiQuery(
    'rules.preview',
    { envId: env.id, rule: valid.success ? valid.data : { ...settled, name: 'preview' } },
    { enabled: valid.success, placeholderPrevious: true },
  );
  return (
    <Section
      className="rule-preview"
      label="Preview: last 30 days"
      level={3}
      title={
        <>
          Last 30 days in {env.name}
          {preview.data !== undefined ? (
            <span className="muted">
              {' '}
              · {preview.data.firings.length} firing{preview.data.firings.length === 1 ? '' : 's'}
            </span>
          ) : null}
        </>
      }
    >
      {draft.condition.kind === 'failure_probability' ? (
        <p className="muted">Failure probability is known for now only: the preview shows today's tasks at or above it.</p>
      ) : null}
      {!valid.success ? <p className="muted">Complete the rule to see its preview.</p> : null}
      {preview.isLoading ? <Loading label="Evaluating the rule…" /> : null}
      {preview.error !== null ? <ErrorPanel error={preview.error} title="The preview could not be computed" /> : null}
      {preview.data !== undefined ? <FiringList firings={preview.data.firings} env={env} label="Preview firings" /> : null}
    </Section>
  );
}
