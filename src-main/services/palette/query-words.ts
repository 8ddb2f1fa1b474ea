import { likeContains } from '../history/run-time';

/** At most this many words of a query are matched (more narrows nothing useful and costs a LIKE each). */
export const MAX_WORDS = 4;

/**
 * A palette query as words: split on spaces and on the separators ids are made of (_ - . / :), lower-cased, so
 * "returns snap" finds returns_snapshot_hourly and "transform_returns" finds the task transform_returns.
 */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[\s_\-./:]+/)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, MAX_WORDS);
}

/** Named LIKE parameters @w0..@w3 for the words (unused ones match everything). */
export function wordParams(words: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (let i = 0; i < MAX_WORDS; i++) params[`w${i}`] = words[i] === undefined ? '%' : likeContains(words[i] ?? '');
  return params;
}

/** `(lower(expr) LIKE @w0 ESCAPE '\' AND ... @w3)` over one SQL expression fixed in code. */
export function allWordsIn(expr: string): string {
  return `(${Array.from({ length: MAX_WORDS }, (_, i) => `lower(${expr}) LIKE @w${i} ESCAPE '\\'`).join(' AND ')})`;
}

/** Orders hits: the whole query as the id first, then ids starting with the first word, then shorter ids. */
export function rankById<T>(items: readonly T[], idOf: (item: T) => string, query: string, words: readonly string[]): T[] {
  const q = query.trim().toLowerCase();
  const first = words[0] ?? '';
  const score = (id: string): number => {
    const l = id.toLowerCase();
    return l === q ? 0 : l.startsWith(q) ? 1 : l.startsWith(first) ? 2 : 3;
  };
  return [...items].sort((a, b) => score(idOf(a)) - score(idOf(b)) || idOf(a).length - idOf(b).length || idOf(a).localeCompare(idOf(b)));
}
