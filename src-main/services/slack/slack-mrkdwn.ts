/**
 * Slack mrkdwn: `&`, `<` and `>` are its only control characters (links, mentions such as
 * `<!channel>`); escaping them makes Airflow text inert. Truncation counts code points.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** Untrusted text for a mrkdwn field: truncated first (so an entity is never cut), then escaped. */
export function untrusted(text: string, maxChars: number): string {
  return escapeMrkdwn(truncate(text, maxChars));
}

/** Untrusted text inside a ``` block: backticks could close it early, so they become look-alikes. */
export function untrustedCode(text: string, maxChars: number): string {
  return untrusted(text.replace(/`/g, 'ˋ'), maxChars);
}
