import { findGroups, type Group } from './log-groups';
import { isEnumerator } from './token-shape';

/**
 * Variable parts of a log line, most specific first; each becomes one placeholder token, also where
 * the value itself has spaces (`2024-06-31 10:00`, `<1 sec`, `1.5 s`), so that one event keeps one
 * token count. Those that hold a digit are skipped for text without one.
 */
const MASKS: readonly (readonly [RegExp, string, 'digit' | 'any'])[] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>\\]+/gi, '<URL>', 'any'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<ID>', 'digit'],
  [/\b\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w-])/g, '<TIME>', 'digit'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<IP>', 'digit'],
  [/\b[a-z][\w-]*(?:\.[\w-]+)*:\d{2,5}\b/gi, '<HOST>', 'digit'],
  [/(?:[<>~]\s?)?\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?)(?![\w/])/g, '<DUR>', 'digit'],
  [/(?:[<>~]\s?)?\b(?:\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h|d|w|y)){2,}(?![\w/])/g, '<DUR>', 'digit'],
  [/(?:[<>~]\s?)?\b\d+:\d\d(?::\d\d)?(?:\.\d+)?\b/g, '<DUR>', 'digit'],
  [/\b\d+(?:\.\d+)?\s?(?:B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|bytes)\b/g, '<SIZE>', 'digit'],
  [/(?:^|(?<=[\s=([]))(?:\/[\w.@%+~-]+)+\/?/g, '<PATH>', 'any'],
  [/\b0x[0-9a-f]+\b/gi, '<HEX>', 'digit'],
  [/\b(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)+\b/gi, '<ID>', 'digit'],
  [/\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|com|net|org|io|example|svc|cluster)\b/gi, '<HOST>', 'any'],
  [/\b[0-9a-f]{12,}\b/gi, '<HEX>', 'digit'],
  [/[-+]?\b\d+(?:\.\d+)?\b/g, '<NUM>', 'digit'],
];

function maskPlain(text: string): string {
  let out = text;
  let digits = /\d/.test(out);
  for (const [pattern, token, needs] of MASKS) {
    if (needs === 'digit' && !digits) continue;
    out = out.replace(pattern, token);
    if (needs === 'digit') digits = /\d/.test(out);
  }
  return out;
}

/** Share of a text's tokens that are bare words (`failed`, `connect:`; not `'sh',`): prose names an event, data does not. */
function wordShare(text: string): { words: number; share: number } {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  const words = tokens.filter((t) => /^\p{L}{2,}[.,:;!?]?$/u.test(t)).length;
  return { words, share: tokens.length === 0 ? 0 : words / tokens.length };
}

/**
 * A quoted value: prose (`msg="Scrape failed"`, an error message) is kept and masked inside; an
 * upper-case enumerator (`'RUNNING'`) or a leading upper-case verb (`"GET /x HTTP/1.1"`) names the
 * event and is kept; punctuation (`','`) is syntax and kept; anything else is data: `<STR>`.
 */
function maskQuoted(g: Group): string {
  const inner = g.inner.replace(/\\(["'])/g, '$1');
  const trimmed = inner.trim();
  if (trimmed.length > 0 && !/[\p{L}\p{N}]/u.test(trimmed)) return g.open + inner + g.close;
  if (!/\s/.test(trimmed) && isEnumerator(trimmed)) return g.open + trimmed + g.close;
  const first = trimmed.split(/\s+/)[0] ?? '';
  if (wordShare(trimmed).words >= 2 || (isEnumerator(first) && trimmed.includes(' '))) return g.open + maskLine(inner) + g.close;
  return '<STR>';
}

/** A bracketed value (`[...]`, `{...}`, `<Repr ...>`, `f(...)`): a collection of data is one token, prose inside is kept. */
function maskBracketed(g: Group): string {
  if (/\s/.test(g.inner.trim()) && wordShare(g.inner).share < 0.5) return `${g.prefix}${g.open}…${g.close}`;
  return g.prefix + g.open + maskLine(g.inner) + g.close;
}

/** A log line with its variable parts masked (quoted and bracketed values first, then typed values). */
export function maskLine(line: string): string {
  let out = '';
  let at = 0;
  for (const g of findGroups(line)) {
    out += maskPlain(line.slice(at, g.start));
    out += g.kind === 'quote' ? maskQuoted(g) : maskBracketed(g);
    at = g.end;
  }
  return out + maskPlain(line.slice(at));
}

/** Tokens of a log line with numbers, times, durations, ids, hosts, paths, URLs and data values masked. */
export function maskedTokens(line: string): string[] {
  return maskLine(line)
    .split(/\s+/)
    .filter((t) => t.length > 0);
}
