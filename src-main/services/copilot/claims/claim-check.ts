import { extractClaims, type Claim } from './claim-extract';
import { Evidence } from './claim-evidence';

/** How a claim that matches nothing reads in the shown text: never as a plain fact. */
export const NOT_FOUND_NOTE = '(not found in the data)';

export interface ClaimCheck {
  /** The answer as shown: every unsupported claim struck through and marked. */
  readonly text: string;
  readonly claims: readonly Claim[];
  readonly unsupported: readonly Claim[];
}

/**
 * Checks every run id, task and DAG id, asset URI, time, count and error class an answer states against what this
 * turn read (`evidence`: tool results, the failure brief). A claim found nowhere is kept visible but marked
 * `~~claim~~ (not found in the data)`, so it is never shown as fact. Pure: the same text and evidence give the same result.
 */
export function checkClaims(answer: string, evidence: readonly string[] | Evidence): ClaimCheck {
  const found = evidence instanceof Evidence ? evidence : new Evidence(evidence);
  const claims = extractClaims(answer);
  const unsupported = claims.filter((c) => !found.supports(c));
  return { text: markClaims(answer, unsupported), claims, unsupported };
}

/** The text with each of `unsupported` (claims of this text) struck through and marked. */
export function markClaims(answer: string, unsupported: readonly Claim[]): string {
  let text = '';
  let last = 0;
  for (const c of unsupported) {
    // A backticked claim is marked around its backticks, so the mark is not read as code.
    const ticked = answer[c.start - 1] === '`' && answer[c.end] === '`';
    const start = ticked ? c.start - 1 : c.start;
    const end = ticked ? c.end + 1 : c.end;
    text += `${answer.slice(last, start)}~~${answer.slice(start, end)}~~ ${NOT_FOUND_NOTE}`;
    last = end;
  }
  return text + answer.slice(last);
}
