const STAMPED = /^\[[^\]]*\]\s+\{[^}]*\}\s+(?:ERROR|CRITICAL)\s+-\s+(.*)$/;
const NOISE = /^(Task failed with exception|Failed to execute job|Received SIGTERM)/;

/**
 * The line of a failure log that says what went wrong: the exception line
 * after the last traceback, else the last meaningful ERROR line. Returns
 * null when the log has neither (it then joins no pattern).
 */
export function failureSignature(content: string): string | null {
  const lines = content.split('\n');
  const tb = lines.lastIndexOf('Traceback (most recent call last):');
  if (tb >= 0) {
    for (let i = tb + 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.startsWith(' ') || line.startsWith('\t') || line.length === 0) continue;
      return line.slice(0, 400);
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = STAMPED.exec(lines[i] ?? '');
    const text = m?.[1];
    if (text !== undefined && !NOISE.test(text)) return text.slice(0, 400);
  }
  return null;
}
