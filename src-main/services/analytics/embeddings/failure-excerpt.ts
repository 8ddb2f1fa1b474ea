/** Characters of excerpt embedded per failure: about 150 tokens, enough for the error and its context. */
export const EXCERPT_MAX_CHARS = 480;
const FRAMES_BEFORE = 2;
const LINES_AFTER = 2;

/** Install prefixes of Python files in traceback frames: long, the same everywhere, and costly in tokens. */
const SITE_PACKAGES = /"[^"]*\/(site|dist)-packages\//g;
const STAMP = /^\[[^\]]*\]\s+\{[^}]*\}\s+([A-Z]+)\s+-\s+/;
/** Airflow's own bookkeeping around a failure: the same for every failure, so it only blurs the embedding. */
const BOOKKEEPING =
  /^(Traceback \(most recent call last\)|Task failed with exception|Marking task as|Failed to execute job|Task exited with return code|\d+ downstream tasks? scheduled|Received SIGTERM)/;

/** Index of the line that says what went wrong: the exception after the last traceback, else the last ERROR line. */
function errorLineIndex(lines: readonly string[]): number {
  const tb = lines.lastIndexOf('Traceback (most recent call last):');
  for (let i = tb + 1; tb >= 0 && i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line !== '' && !/^\s/.test(line)) return i;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const level = STAMP.exec(line)?.[1];
    if ((level === 'ERROR' || level === 'CRITICAL') && !BOOKKEEPING.test(line.replace(STAMP, ''))) return i;
  }
  return -1;
}

/**
 * What gets embedded for one failed try: the error line with the two
 * traceback lines before it and what follows it (continuations), log stamps
 * Airflow's bookkeeping lines and site-packages prefixes removed, truncated. Null when the log has
 * no error line.
 */
export function failureExcerpt(content: string): string | null {
  const lines = content.split('\n');
  const at = errorLineIndex(lines);
  if (at < 0) return null;
  const kept: string[] = [];
  for (let i = Math.max(0, at - FRAMES_BEFORE); i <= Math.min(lines.length - 1, at + LINES_AFTER); i++) {
    const text = (lines[i] ?? '').replace(STAMP, '').replace(SITE_PACKAGES, '"').trim();
    if (text !== '' && !BOOKKEEPING.test(text)) kept.push(text);
  }
  return kept.join('\n').slice(0, EXCERPT_MAX_CHARS);
}
