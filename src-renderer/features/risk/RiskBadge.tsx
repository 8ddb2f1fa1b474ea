import type { RiskItem } from '../../../src-shared/domain/analytics';
import { explainHref } from '../../platform/routing/copilot-route';

/** Failure risk of the next run, with the reasons and mitigations on hover (and for screen readers). */
export function RiskBadge({ risk }: { risk: RiskItem | undefined }) {
  if (!risk || risk.level === 'low') return null;
  const pct = Math.round(risk.probability * 100);
  const explanation = [
    `${pct}% likely to fail or need a retry next run${risk.taskId ? ` (${risk.taskId})` : ''}`,
    ...risk.reasons.map((r) => `• ${r.text} → ${r.mitigation}`),
    ...(risk.lateProbability === null
      ? []
      : [
          `${Math.round(risk.lateProbability * 100)}% likely to finish later than usual`,
          ...risk.lateReasons.map((r) => `• ${r.text} → ${r.mitigation}`),
        ]),
  ].join('\n');
  return (
    <>
      <span className={`risk-badge risk-${risk.level}`} title={explanation} aria-label={explanation} tabIndex={0}>
        {pct}% risk
      </span>{' '}
      <a
        className="risk-explain"
        href={explainHref({ dagId: risk.dagId, ...(risk.taskId ? { taskId: risk.taskId } : {}) }, risk.envId)}
        aria-label={`Explain the risk of ${risk.dagId} in the copilot`}
      >
        Explain
      </a>
    </>
  );
}
