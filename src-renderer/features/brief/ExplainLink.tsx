import type { CopilotContext } from '../../../src-shared/domain/copilot';
import { explainHref } from '../../platform/routing/copilot-route';
import { useModelStatus } from '../../platform/api/use-model-status';
import { briefHref } from '../../platform/routing/brief-route';

interface ExplainLinkProps {
  envId: string;
  context: CopilotContext;
  /** The run to brief when the context names none (a failure anomaly's newest run); null: none to brief. */
  briefRunId?: string | null;
  className?: string;
  /** With a model loaded, also offer the brief beside the copilot. */
  withBrief?: boolean;
}

/**
 * "Explain" on a failed run or a failure: the copilot when a model is loaded, else the failure brief (which needs no
 * model), so the button never leads to a disabled copilot. Without a run to brief, the copilot it is.
 */
export function ExplainLink({ envId, context, briefRunId, className = 'button', withBrief = false }: ExplainLinkProps) {
  const model = useModelStatus();
  const runId = briefRunId === undefined ? context.runId : (briefRunId ?? undefined);
  const loaded = model?.state === 'loaded';
  const brief = runId === undefined ? null : briefHref(envId, context.dagId, runId, context.taskId);
  if (brief !== null && !loaded) {
    return (
      <a className={className} href={brief} title="No model is loaded: the failure brief explains it from the history">
        Explain
      </a>
    );
  }
  return (
    <>
      {brief !== null && withBrief ? (
        <a className={className} href={brief}>
          Failure brief
        </a>
      ) : null}
      <a className={className} href={explainHref(context, envId)}>
        Explain
      </a>
    </>
  );
}
