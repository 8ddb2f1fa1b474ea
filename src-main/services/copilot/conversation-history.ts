import type { CopilotMessage } from '../../../src-shared/domain/copilot';
import type { ChatTurn } from '../llm/host/host-protocol';

const KEEP_TURNS = 3;
const MAX_ANSWER_CHARS = 1200;

/** The last few finished questions and answers, as context for the next question. */
export function historyTurns(messages: readonly CopilotMessage[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (let i = 0; i + 1 < messages.length; i++) {
    const q = messages[i];
    const a = messages[i + 1];
    if (q?.role !== 'user' || a?.role !== 'assistant' || a.state !== 'done' || a.text.length === 0) continue;
    turns.push({ role: 'user', text: q.text }, { role: 'model', text: a.text.slice(0, MAX_ANSWER_CHARS) });
  }
  return turns.slice(-KEEP_TURNS * 2);
}
