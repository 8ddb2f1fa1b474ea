import type { Citation } from '../../../../src-shared/domain/copilot';
import type { FailureBrief } from '../../../../src-shared/domain/failure-brief';
import { CitationRegistry } from '../agent/citation-registry';
import { briefLines } from './brief-lines';

/** The brief's lines as the answer shown without a model: one "- " bullet each. */
export function briefAnswerText(lines: readonly string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

/**
 * The answer with the failure brief alone, no model: deterministic, every fact from the cache and cited.
 * What the copilot shows when no model is loaded, and the eval's "brief alone" baseline.
 */
export function answerWithBriefAlone(brief: FailureBrief): { text: string; citations: Citation[] } {
  const citations = new CitationRegistry();
  const text = briefAnswerText(briefLines(brief, (t) => citations.cite(t)));
  return { text, citations: citations.list() };
}
