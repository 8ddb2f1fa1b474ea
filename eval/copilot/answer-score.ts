import type { EvalQuestion } from './eval-questions';

/** The ids the cache holds for one environment: what an answer may name as fact. */
export interface KnownIds {
  readonly dags: ReadonlySet<string>;
  readonly tasks: ReadonlySet<string>;
  readonly runs: ReadonlySet<string>;
  readonly assets: ReadonlySet<string>;
  /** Pools, hosts, versions and other words the rows hold. */
  readonly other: ReadonlySet<string>;
}

export interface AnswerScore {
  /** Names one of the question's right run/task/cause/version. */
  readonly right: boolean;
  /** Ids of other labelled incidents named instead. */
  readonly wrong: readonly string[];
  /** Id-like words that are neither in the cache nor in what this turn's tools returned. */
  readonly hallucinated: readonly string[];
  /** Says the data does not hold the answer. */
  readonly abstained: boolean;
  /** Abstained exactly when it should have. */
  readonly abstentionOk: boolean;
}

const ABSTAIN =
  /\b(not found|no (\w+ ){0,3}(data|records?|information|runs?|failures?|dags?|results?|logs?)\b|(do not|don't|does not|doesn't|did not|didn't) (have|hold|find|exist|contain|show)|could ?n[o']t (find|see)|can ?n[o']t (find|tell|see|answer)|cannot (find|tell|see|answer)|unable to|is not in|isn't in|are not in|no .{0,30}(in|from) the (cache|data|results)|not (in|available in) the (cache|data)|nothing (was )?found|no information)/i;

/** Whether the answer says the data does not hold what was asked. */
export function abstains(text: string): boolean {
  return ABSTAIN.test(text);
}

/** Snake-case ids, Airflow run ids and asset URIs an answer names. */
export function idLikeWords(text: string): string[] {
  const runs = [...text.matchAll(/\b(?:scheduled|manual|backfill|asset_triggered|dataset_triggered)__[\w:+.-]+/g)].map((m) =>
    m[0].replace(/[.:]+$/, ''),
  );
  const uris = [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)\]`'",]+/gi)].map((m) => m[0].replace(/[.:]+$/, ''));
  const rest = text
    .replace(/\b(?:scheduled|manual|backfill|asset_triggered|dataset_triggered)__[\w:+.-]+/g, ' ')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)\]`'",]+/gi, ' ');
  const snake = [...rest.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+){1,}\b/g)].map((m) => m[0]);
  return [...new Set([...runs, ...uris, ...snake])];
}

/** Words that look like ids but are Airflow's or the copilot's vocabulary. */
const VOCABULARY = new Set([
  'up_for_retry',
  'upstream_failed',
  'up_for_reschedule',
  'no_status',
  'run_id',
  'task_id',
  'dag_id',
  'map_index',
  'try_number',
  'logical_date',
  'start_date',
  'end_date',
  'list_failures',
  'get_run',
  'log_excerpt',
  'search_failures',
  'similar_failures',
  'what_changed',
  'upstream_candidates',
  'error_patterns',
  'anomalies_and_risks',
  'duration_history',
  'compare_runs',
  'downstream_impact',
  'default_pool',
  'max_active_runs',
  'execution_timeout',
  'on_failure_callback',
]);

/** Id-like words of the answer that neither the cache nor this turn's prompt (question and tool results) holds. */
export function hallucinatedIds(text: string, known: KnownIds, seen: string): string[] {
  const lowerSeen = seen.toLowerCase();
  return idLikeWords(text).filter((w) => {
    if (VOCABULARY.has(w)) return false;
    if (known.dags.has(w) || known.tasks.has(w) || known.runs.has(w) || known.assets.has(w) || known.other.has(w)) return false;
    return !lowerSeen.includes(w.toLowerCase());
  });
}

const mentions = (text: string, name: string): boolean => {
  const n = name.toLowerCase();
  if (!/^[\w.-]+$/.test(n)) return text.includes(n);
  // Whole words only: a task id inside a longer id is not that task.
  const at = new RegExp(`(^|[^a-z0-9_])${n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}($|[^a-z0-9_])`);
  return at.test(text);
};

/** Scores one answer against its question. `seen` is what the turn's prompt held (question and tool results). */
export function scoreAnswer(q: EvalQuestion, text: string, known: KnownIds, seen: string): AnswerScore {
  const lower = text.toLowerCase();
  const right = q.names.some((n) => mentions(lower, n));
  const wrong = q.decoys.filter((d) => mentions(lower, d));
  const abstained = abstains(text);
  return {
    right: q.abstain ? abstained && wrong.length === 0 : right && wrong.length === 0,
    wrong,
    hallucinated: hallucinatedIds(text, known, seen),
    abstained,
    abstentionOk: q.abstain ? abstained : true,
  };
}
