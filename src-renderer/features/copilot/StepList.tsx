import type { AgentStep } from '../../../src-shared/domain/copilot';

const LABEL: Readonly<Record<AgentStep['kind'], string>> = {
  tool: 'Tool',
  proposal: 'Proposed',
  invalid: 'Rejected step',
  limit: 'Step limit',
  brief: 'Failure brief',
  check: 'Claim check',
};

/** What the agent did before answering: each tool it ran with its arguments, and rejected steps. */
export function StepList({ steps }: { steps: readonly AgentStep[] }) {
  if (steps.length === 0) return null;
  return (
    <details className="copilot-steps">
      <summary>
        {steps.length} step{steps.length === 1 ? '' : 's'}: {steps.map((s) => s.tool ?? LABEL[s.kind]).join(' → ')}
      </summary>
      <ol>
        {steps.map((s) => (
          <li key={s.index} className={`copilot-step copilot-step-${s.kind}`}>
            <span className="copilot-step-kind">{LABEL[s.kind]}</span> {s.tool !== null ? <code>{s.tool}</code> : null}{' '}
            {s.args !== null ? <code className="copilot-step-args">{s.args}</code> : null}{' '}
            <span className="copilot-step-summary">{s.summary}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
