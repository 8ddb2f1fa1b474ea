import { BriefSteps } from './BriefSteps';
import { StepList } from './StepList';
import type { TurnStream } from './use-turn-stream';

/** The answer being written: steps as they run, then the text as it streams. */
export function StreamingAnswer({ stream }: { stream: TurnStream }) {
  return (
    <div className="copilot-message copilot-assistant" data-state="running" aria-live="polite">
      <BriefSteps steps={stream.steps} />
      <StepList steps={stream.steps} />
      {stream.text.length > 0 ? (
        <div className="answer-text answer-streaming">{stream.text}</div>
      ) : (
        <p className="copilot-muted">Thinking… ({stream.steps.length} steps so far)</p>
      )}
    </div>
  );
}
