import type { AgentStep } from '../../../src-shared/domain/copilot';
import { BriefCard } from './BriefCard';

/** The failure brief steps of a turn as cards, first in the answer. */
export function BriefSteps({ steps }: { steps: readonly AgentStep[] }) {
  return <>{steps.map((s) => (s.kind === 'brief' && s.brief !== undefined ? <BriefCard key={s.index} brief={s.brief} /> : null))}</>;
}
