import { failureSignature } from '../analytics/patterns/log-signature';

/** Lines shown above and below the error line: a screenful, so the line is seen at once. */
const BEFORE = 12;
const AFTER = 6;
/** A longer line is cut: the excerpt stays bounded whatever the log holds. */
const MAX_LINE = 2000;
const clip = (lines: string[]): string[] => lines.map((l) => l.slice(0, MAX_LINE));

export interface ErrorExcerpt {
  readonly lines: string[];
  /** 1-based line number of `lines[0]` in the log. */
  readonly firstLineNo: number;
  readonly errorIndex: number | null;
}

/**
 * The log line that says what went wrong, found as the pattern miner finds it (`failureSignature`: the exception line
 * after the last traceback, else the last meaningful ERROR line), nearest the end of the log, with the lines around it.
 * Without such a line: the log's last lines and no error index.
 */
export function errorExcerpt(content: string): ErrorExcerpt {
  const lines = content.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const signature = failureSignature(content);
  let at = -1;
  if (signature !== null) {
    for (let i = lines.length - 1; i >= 0 && at < 0; i--) if ((lines[i] ?? '').includes(signature)) at = i;
  }
  if (at < 0) {
    const from = Math.max(0, lines.length - BEFORE - AFTER);
    return { lines: clip(lines.slice(from)), firstLineNo: from + 1, errorIndex: null };
  }
  const from = Math.max(0, at - BEFORE);
  return { lines: clip(lines.slice(from, at + AFTER + 1)), firstLineNo: from + 1, errorIndex: at - from };
}
