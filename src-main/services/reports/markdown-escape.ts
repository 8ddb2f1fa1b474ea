/**
 * Markdown escaping for reports. Airflow text becomes literal text in
 * CommonMark and GitHub Markdown: no links, images, emphasis, HTML, code
 * spans or table cells can be smuggled in through a DAG id or a log line.
 */

// Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all leaves no syntax behind.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Inline text: one line, every punctuation character escaped (so also safe inside a table cell). */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROL, '').replace(/\r?\n|\r/g, ' ').replace(PUNCTUATION, (c) => `\\${c}`);
}

/** Reverses `escapeMarkdown` (newlines became spaces): what a Markdown reader shows. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

/** A fenced code block whose fence is longer than any backtick or tilde run in the text, so the text cannot close it. */
export function markdownCodeBlock(text: string, info = 'text'): string {
  const clean = text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${clean}\n${fence}`;
}

/** A table row of escaped cells. */
export const markdownRow = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
