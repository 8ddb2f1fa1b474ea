import type { Environment } from '../../../src-shared/domain/environment';
import type { RuleFiring } from '../../../src-shared/domain/rules';
import { ActionButtons } from '../actions/ActionButtons';
import { formatRoute } from '../../platform/routing/route';
import { EmptyState } from '../../ui/kit';
import { firingActionChoice } from './firing-actions';

/** Firings, newest first, each with a link to its DAG and the action it proposes (opened in the action dialog). */
export function FiringList({ firings, env, label }: { firings: readonly RuleFiring[]; env: Environment | null; label: string }) {
  if (firings.length === 0) return <EmptyState title="Nothing." />;
  return (
    <ol className="firing-list" aria-label={label}>
      {[...firings].reverse().map((f) => {
        const choice = firingActionChoice(f);
        return (
          <li key={`${f.ruleId}|${f.subject}|${f.window}`} className="firing-item">
            <span className="firing-at mono">{f.at.slice(0, 16).replace('T', ' ')}</span>
            <span className="firing-title">{f.title}</span>
            <a className="firing-where mono" href={formatRoute('dag', { env: f.envId, dag: f.dagId })}>
              {f.subject}
            </a>
            <span className="firing-detail muted">{f.detail}</span>
            {choice !== null && env !== null && env.id === f.envId ? <ActionButtons env={env} choices={[choice]} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
