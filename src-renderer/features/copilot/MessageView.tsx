import type { Citation, CopilotMessage } from '../../../src-shared/domain/copilot';
import type { Environment } from '../../../src-shared/domain/environment';
import { AnswerText } from './AnswerText';
import { BriefSteps } from './BriefSteps';
import { citationHref } from './citation-href';
import { ProposalCard } from './ProposalCard';
import { StepList } from './StepList';
import { PinButton } from '../reports/PinButton';

function Stats({ message }: { message: CopilotMessage }) {
  const s = message.stats;
  if (s === null) return null;
  return (
    <div className="copilot-stats">
      {s.tokens} tokens · <span className="copilot-tps">{s.tokensPerSecond.toFixed(1)} tokens/s</span>
      {s.firstTokenMs !== null ? ` · first token after ${Math.round(s.firstTokenMs)} ms` : ''}
    </div>
  );
}

/** Links into the app, one per citation. */
function CitationLinks({ citations, envId }: { citations: readonly Citation[]; envId: string }) {
  return (
    <>
      {citations.map((c) => (
        <a key={c.ref} className="cite" href={citationHref(c, envId)}>
          [{c.ref}] {c.label}
        </a>
      ))}
    </>
  );
}

/** One question or answer of a conversation. */
export function MessageView({
  env,
  message,
  conversationId,
}: {
  env: Environment;
  message: CopilotMessage;
  conversationId?: string | undefined;
}) {
  const envId = env.id;
  if (message.role === 'user') return <div className="copilot-message copilot-user">{message.text}</div>;
  const cited = message.citations.filter((c) => message.text.includes(`[${c.ref}]`));
  const uncited = message.citations.filter((c) => !cited.includes(c));
  return (
    <div className="copilot-message copilot-assistant" data-state={message.state}>
      <BriefSteps steps={message.steps} />
      <StepList steps={message.steps} />
      {message.text.length > 0 ? <AnswerText text={message.text} citations={message.citations} envId={envId} /> : null}
      {message.state === 'stopped' ? <p className="copilot-muted">Stopped.</p> : null}
      {message.error !== null ? <p className="copilot-error">{message.error}</p> : null}
      {message.proposals.map((p) => (
        <ProposalCard key={p.id} env={env} proposal={p} />
      ))}
      {cited.length > 0 ? (
        <div className="copilot-sources">
          Sources: <CitationLinks citations={cited} envId={envId} />
        </div>
      ) : null}
      {uncited.length > 0 ? (
        <details className="copilot-sources copilot-looked-at">
          <summary>Also looked at ({uncited.length})</summary>
          <CitationLinks citations={uncited} envId={envId} />
        </details>
      ) : null}
      <Stats message={message} />
      {conversationId !== undefined && message.state === 'done' ? (
        <PinButton
          small
          envId={envId}
          target={{ kind: 'copilot_answer', envId, conversationId, messageId: message.id }}
          what="Copilot answer (generated)"
        />
      ) : null}
    </div>
  );
}
