export interface LogLine {
  index: number;
  text: string;
  error: boolean;
}

const ERROR_LINE = /\b(ERROR|CRITICAL|FATAL)\b|Traceback \(most recent call last\)|^\s*[\w.]*(Error|Exception|Timeout)\b:|^\s*raise\s/;
const TRACEBACK = 'Traceback (most recent call last)';

/** A log as numbered lines, each flagged when it reads as an error (log level, traceback, exception line). */
export function logLines(content: string): LogLine[] {
  return content.split(/\r?\n/).map((text, index) => ({ index, text, error: ERROR_LINE.test(text) }));
}

/** The first line that starts a Python traceback, or -1. */
export function firstTraceback(lines: readonly LogLine[]): number {
  return lines.findIndex((line) => line.text.includes(TRACEBACK));
}

/** Lines containing the query (case-insensitive); none for an empty query. */
export function searchLines(lines: readonly LogLine[], query: string): number[] {
  const needle = query.trim().toLowerCase();
  if (needle.length === 0) return [];
  return lines.filter((line) => line.text.toLowerCase().includes(needle)).map((line) => line.index);
}

/** A line cut into plain and matching parts, for highlighting as text (never HTML). */
export function splitMatches(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.trim().toLowerCase();
  if (needle.length === 0) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); found !== -1; found = lower.indexOf(needle, at)) {
    if (found > at) parts.push({ text: text.slice(at, found), match: false });
    parts.push({ text: text.slice(found, found + needle.length), match: true });
    at = found + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
