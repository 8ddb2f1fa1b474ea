/** Variable parts of a log line, most specific first; each becomes a placeholder token. */
const MASKS: readonly (readonly [RegExp, string])[] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<URL>'],
  [/'[^']*'|"[^"]*"/g, '<STR>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<ID>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<IP>'],
  [/(?:^|(?<=\s))(?:\/[\w.@-]+)+\/?/g, '<PATH>'],
  [/\b0x[0-9a-f]+\b/gi, '<HEX>'],
  [/\b(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)+\b/gi, '<ID>'],
  [/\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|com|net|org|io|example|svc|cluster)\b/gi, '<HOST>'],
  [/\b[0-9a-f]{12,}\b/gi, '<HEX>'],
  [/[-+]?\b\d+(?:\.\d+)?\b/g, '<NUM>'],
];

/**
 * Tokens of a signature line with numbers, hex, ids, hosts, paths, URLs and
 * quoted values masked. The first token (the exception class) stays as it is.
 */
export function maskedTokens(line: string): string[] {
  const space = line.indexOf(' ');
  const head = space < 0 ? line : line.slice(0, space);
  let rest = space < 0 ? '' : line.slice(space + 1);
  for (const [pattern, token] of MASKS) rest = rest.replace(pattern, token);
  return [head, ...rest.split(/\s+/).filter((t) => t.length > 0)];
}
