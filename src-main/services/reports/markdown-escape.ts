/**
 * Markdown escaping for reports. Airflow text becomes literal text in
 * CommonMark and GitHub Markdown: no links, images, emphasis, HTML, code
 * spans or table cells can be smuggled in through a DAG id or a log line.
 */

/**
 * Characters that start Markdown syntax anywhere in a line (CommonMark and GitHub): emphasis, code spans, links and
 * images (brackets), raw HTML and autolinks (angle brackets), entities (&), table cells (|), strikethrough (~), math ($),
 * issue references (#) and @-mentions (@). Dates, times, sizes and sentences keep their punctuation readable.
 */
const ALWAYS = /[\\`*_[\]<>|~&$#@]/g;
/** Bare-URL autolinks: the ":" of "scheme://" and the "." after "www". */
const AUTOLINK = /:(?=\/\/)|(?<=\bwww)\./gi;
/**
 * Block syntax at the start of a line: a list item ("- ", "+ ", "1. ", "1) "), or a line of only "-" or "=" (a setext
 * underline or a thematic break). "0.4%" or "-3 rows" are text, not syntax.
 */
const LINE_START = /^(\s*)([-+](?=\s|$)|[-=](?=[-=\s]*$))|^(\s*\d{1,9})([.)])(?=\s|$)/;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Inline text: one line, every character that could start Markdown syntax escaped (so also safe inside a table cell). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(ALWAYS, (c) => `\\${c}`)
    .replace(AUTOLINK, (c) => `\\${c}`)
    .replace(
      LINE_START,
      (_m, space: string | undefined, mark: string | undefined, digits: string | undefined, close: string | undefined) =>
        mark !== undefined ? `${space ?? ''}\\${mark}` : `${digits ?? ''}\\${close ?? ''}`,
    );
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
