import { RunState, RunType, TaskState } from '../../../../src-shared/domain/states';

/** What kind of fact a claim in an answer states. */
export type ClaimKind = 'asset' | 'run' | 'time' | 'error' | 'quantity' | 'count' | 'id';

/** One checkable fact an answer states: its kind, its text and where it is. */
export interface Claim {
  readonly kind: ClaimKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Count nouns: "3 runs", "12 failures". Durations and windows ("7 days") are not counts of the data. */
const COUNT_NOUNS =
  'times?|runs?|failures?|failed runs?|tries|try|attempts?|retries|tasks?|task instances?|DAGs?|occurrences?|errors?|assets?';

/** Patterns in priority order: a span claimed by an earlier kind is not claimed again (a run id holds a time). */
const PATTERNS: readonly (readonly [ClaimKind, RegExp])[] = [
  ['asset', /\b[a-z][a-z0-9+.-]*:\/\/[^\s`'"<>()[\]]+/gi],
  ['run', /\b(?:scheduled|manual|backfill|dataset_triggered|asset_triggered)__[A-Za-z0-9:+._-]+/g],
  ['time', /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g],
  ['error', /\b(?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Z][A-Za-z0-9]*(?:Error|Exception|Timeout|Interrupt)\b/g],
  // A measured amount: memory, disk, CPUs or a share ("1.5 GB", "35 %"). Durations are left out, as for counts.
  ['quantity', /(?<![\w.])\d+(?:[.,]\d+)?\s?(?:%|percent\b|[KMGTP]i?B\b|bytes\b|CPUs?\b|cores?\b)/gi],
  ['count', new RegExp(`(?<![\\w.:-])\\d+(?= (?:more |earlier |other |failed |downstream )?(?:${COUNT_NOUNS})\\b)`, 'gi')],
  // An id: one backticked token, or a word (dotted dag.task names included); words without an underscore are dropped below.
  ['id', /`[^`\s]{2,250}`|\b[A-Za-z][\w.-]*/g],
];

/** Airflow's own words with an underscore (states, run types): vocabulary, not facts about this data. */
const AIRFLOW_WORDS: ReadonlySet<string> = new Set([
  ...TaskState.options,
  ...RunState.options,
  ...RunType.options,
  'max_tries',
  'try_number',
  'map_index',
  'dag_id',
  'run_id',
  'task_id',
]);

/** Sentence punctuation that follows an id or a URI without being part of it. */
const TRAILING = /[.,;:!?-]+$/;

function overlaps(taken: readonly Claim[], start: number, end: number): boolean {
  return taken.some((c) => start < c.end && c.start < end);
}

/** Every run id, asset URI, time, error class, quantity, count and task/DAG id an answer states, in text order. */
export function extractClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      let raw = m[0];
      let start = m.index;
      const ticked = raw.startsWith('`');
      if (ticked) {
        raw = raw.slice(1, -1);
        start += 1;
      }
      const trimmed = kind === 'count' ? raw : raw.replace(TRAILING, '');
      if (trimmed.length === 0) continue;
      if (kind === 'id' && !ticked && (!trimmed.includes('_') || AIRFLOW_WORDS.has(trimmed))) continue;
      const end = start + trimmed.length;
      if (!overlaps(claims, start, end)) claims.push({ kind, text: trimmed, start, end });
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}
