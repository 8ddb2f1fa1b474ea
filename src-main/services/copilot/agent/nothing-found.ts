import type { AgentStep } from '../../../../src-shared/domain/copilot';

/**
 * The answer when every tool the turn ran found nothing: said plainly, with what was looked at, instead of
 * letting a model write around an empty result.
 */
export function nothingFoundAnswer(steps: readonly AgentStep[]): string {
  const looked = steps
    .filter((s) => s.kind === 'tool')
    .map((s) => `- ${s.tool ?? '?'}${s.args === null || s.args === '{}' ? '' : ` ${s.args}`}: ${s.summary}`);
  return ['I do not know: the data I looked at has nothing on this question.', 'I looked at:', ...looked].join('\n');
}
