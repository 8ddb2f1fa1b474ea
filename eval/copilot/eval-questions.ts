import type Database from 'better-sqlite3';
import { EXCEPTION_OF, type FailureCause } from '../../src-main/services/synth/failure-causes';
import type { SynthLabel } from '../../src-main/services/synth/label-types';
import { EVAL_AS_OF } from './demo-for-eval';

/** What a question asks about: an incident kind the Demo labels, an open question, or one the cache cannot answer. */
export type QuestionFamily = SynthLabel['kind'] | 'downstream' | 'open' | 'unanswerable';

/** One question, with what a good answer does; everything here is derived from the seed's labels and rows. */
export interface EvalQuestion {
  readonly id: string;
  /** The intent; each is asked in at least three wordings. */
  readonly intent: string;
  readonly family: QuestionFamily;
  readonly question: string;
  /** Tools that fit the question: a choice among them counts as right. */
  readonly tools: readonly string[];
  /** The answer is right when it names one of these (case-insensitive): the run, task, version or cause. */
  readonly names: readonly string[];
  /** Ids of other labelled incidents: naming one of them (and none of `names`) is naming something wrong. */
  readonly decoys: readonly string[];
  /** The cache cannot answer it: the right answer says so. */
  readonly abstain: boolean;
}

type LabelOf<K extends SynthLabel['kind']> = Extract<SynthLabel, { kind: K }>;

export function labels<K extends SynthLabel['kind']>(db: Database.Database, envId: string, kind: K): LabelOf<K>[] {
  const rows = db
    .prepare(
      'SELECT label_id, kind, dag_id, task_id, starts_at, ends_at, detail_json FROM synth_labels WHERE env_id = ? AND kind = ? ORDER BY starts_at DESC',
    )
    .all(envId, kind) as {
    label_id: string;
    kind: K;
    dag_id: string;
    task_id: string | null;
    starts_at: string;
    ends_at: string;
    detail_json: string;
  }[];
  return rows.map(
    (r) =>
      ({
        labelId: r.label_id,
        kind: r.kind,
        dagId: r.dag_id,
        taskId: r.task_id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        detail: JSON.parse(r.detail_json),
      }) as LabelOf<K>,
  );
}

function allLabels(db: Database.Database, envId: string): { kind: string; dagId: string; taskId: string | null; endsAt: string }[] {
  return (
    db.prepare('SELECT kind, dag_id, task_id, ends_at FROM synth_labels WHERE env_id = ?').all(envId) as {
      kind: string;
      dag_id: string;
      task_id: string | null;
      ends_at: string;
    }[]
  ).map((r) => ({ kind: r.kind, dagId: r.dag_id, taskId: r.task_id, endsAt: r.ends_at }));
}

const day = (iso: string): string => iso.slice(0, 10);
const FAILURE_TOOLS = [
  'list_failures',
  'get_run',
  'log_excerpt',
  'search_failures',
  'similar_failures',
  'what_changed',
  'upstream_candidates',
  'error_patterns',
];
const SLOW_TOOLS = ['anomalies_and_risks', 'duration_history', 'compare_runs', 'get_run'];
const SCHEDULE_TOOLS = ['get_run', 'anomalies_and_risks', 'duration_history', 'compare_runs'];
const OPEN_TOOLS = ['list_failures', 'anomalies_and_risks', 'error_patterns', 'search_failures'];

/** How an answer may name a cause: the exception class, its last part, and the cause in words. */
export function causeNames(cause: FailureCause): string[] {
  const cls = EXCEPTION_OF[cause];
  const words: Partial<Record<FailureCause, string[]>> = {
    connection_refused: ['connection refused'],
    task_timeout: ['timed out', 'timeout'],
    oom_killed: ['SIGKILL', 'out of memory'],
    api_rate_limited: ['rate limit', '429'],
    certificate_expired: ['certificate'],
    decode_error: ['decode'],
    sensor_timeout: ['sensor timeout', 'timed out'],
  };
  return [cls, cls.split('.').at(-1) ?? cls, cause.replace(/_/g, ' '), ...(words[cause] ?? [])];
}

/** Three wordings of one intent, the last free-form; `tools` and `names` are shared. */
function intent(
  out: EvalQuestion[],
  id: string,
  family: QuestionFamily,
  wordings: readonly string[],
  rest: Pick<EvalQuestion, 'tools' | 'names' | 'abstain'>,
  decoys: readonly string[],
): void {
  const names = rest.names.filter((n) => n.length > 0);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  wordings.forEach((question, i) =>
    out.push({
      id: `${id}#${i + 1}`,
      intent: id,
      family,
      question,
      ...rest,
      names,
      decoys: decoys.filter((d) => !lower.has(d.toLowerCase()) && !question.includes(d)),
    }),
  );
}

/** A DAG id in the style of the seed's that the cache does not hold. */
function unknownDag(dagIds: readonly string[]): string {
  for (const candidate of ['finance_ledger_close_quarterly', 'treasury_fx_rates_monthly', 'payroll_reconcile_weekly'])
    if (!dagIds.includes(candidate)) return candidate;
  return `${dagIds[0] ?? 'dag'}_archive_yearly`;
}

/**
 * The questions of one seed, built from its incident labels (the newest of each kind) and its rows:
 * every labelled kind, the downstream of an asset, two open questions and three the cache cannot answer,
 * each in three wordings. Nothing is written per seed.
 */
export function evalQuestions(db: Database.Database, envId: string, asOf: string = EVAL_AS_OF): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  const every = allLabels(db, envId);
  const decoysBut = (dagId: string): string[] => [
    ...new Set(
      every
        .filter((l) => l.dagId !== dagId)
        .flatMap((l) => [l.dagId, l.taskId ?? ''])
        .filter((x) => x !== ''),
    ),
  ];
  const dagIds = (db.prepare('SELECT dag_id FROM dags WHERE env_id = ? ORDER BY dag_id').all(envId) as { dag_id: string }[]).map(
    (r) => r.dag_id,
  );

  const burst = labels(db, envId, 'failure_burst')[0];
  if (burst) {
    const [d, on] = [burst.dagId, day(burst.startsAt)];
    intent(
      out,
      'burst',
      'failure_burst',
      [
        `Why did ${d} fail on ${on}?`,
        `What was the root cause of the ${d} failures on ${on}?`,
        `${d} blew up on ${on}, what happened there`,
      ],
      {
        tools: FAILURE_TOOLS,
        abstain: false,
        names: [
          burst.taskId ?? '',
          burst.detail.resource,
          ...causeNames(burst.detail.cause),
          ...burst.detail.failedTaskInstances.slice(0, 20).map((t) => t.runId),
        ],
      },
      decoysBut(d),
    );
  }
  const deploy = labels(db, envId, 'bad_deploy')[0];
  if (deploy) {
    const [d, on] = [deploy.dagId, day(deploy.startsAt)];
    intent(
      out,
      'deploy',
      'bad_deploy',
      [
        `Why did ${d} start failing on ${on}?`,
        `Did a new version of ${d} break it around ${on}?`,
        `${d} keeps failing since ${on} — what changed?`,
      ],
      {
        tools: [...FAILURE_TOOLS, 'compare_runs'],
        abstain: false,
        names: [
          `version ${deploy.detail.badVersion}`,
          `-> ${deploy.detail.badVersion}`,
          `→ ${deploy.detail.badVersion}`,
          deploy.detail.badVersion,
          ...deploy.detail.taskIds,
        ],
      },
      decoysBut(d),
    );
  }
  const flaky = labels(db, envId, 'flaky_task')[0];
  if (flaky) {
    const d = flaky.dagId;
    intent(
      out,
      'flaky',
      'flaky_task',
      [`Which task of ${d} fails intermittently?`, `Is something in ${d} flaky?`, `${d} needs retries all the time, which step and why`],
      {
        tools: [...FAILURE_TOOLS, 'anomalies_and_risks'],
        abstain: false,
        names: [flaky.taskId ?? '', ...causeNames(flaky.detail.cause)],
      },
      decoysBut(d),
    );
  }
  const fresh = labels(db, envId, 'new_error_pattern')[0];
  if (fresh) {
    const d = fresh.dagId;
    intent(
      out,
      'new-error',
      'new_error_pattern',
      [
        `What new error appeared in ${d} recently?`,
        `Is there a new kind of failure in ${d}?`,
        `${d} logs show something I have not seen before?`,
      ],
      {
        tools: ['error_patterns', 'search_failures', 'list_failures', 'log_excerpt', 'anomalies_and_risks', 'similar_failures'],
        abstain: false,
        names: [fresh.detail.exceptionClass, fresh.detail.exceptionClass.split('.').at(-1) ?? ''],
      },
      decoysBut(d),
    );
  }
  const slow = labels(db, envId, 'gradual_slowdown')[0];
  if (slow) {
    const d = slow.dagId;
    intent(
      out,
      'slowdown',
      'gradual_slowdown',
      [`Which task of ${d} got slower this week?`, `Is ${d} getting slower over time?`, `${d} takes longer every day lately, which step`],
      {
        tools: SLOW_TOOLS,
        abstain: false,
        names: [slow.taskId ?? ''],
      },
      decoysBut(d),
    );
  }
  const spike = labels(db, envId, 'duration_spike')[0];
  if (spike) {
    const [d, on] = [spike.dagId, day(spike.startsAt)];
    intent(
      out,
      'spike',
      'duration_spike',
      [
        `Why was ${d} so slow on ${on}?`,
        `Which task of ${d} took much longer than usual on ${on}?`,
        `${d} ran forever on ${on}?? what was slow`,
      ],
      {
        tools: SLOW_TOOLS,
        abstain: false,
        names: [spike.taskId ?? '', ...spike.detail.runIds],
      },
      decoysBut(d),
    );
  }
  const late = labels(db, envId, 'late_schedule')[0];
  if (late) {
    const [d, on] = [late.dagId, day(late.startsAt)];
    intent(
      out,
      'late',
      'late_schedule',
      [`Why did ${d} start late on ${on}?`, `Were runs of ${d} delayed on ${on}?`, `${d} kicked off hours late on ${on}, why`],
      {
        tools: SCHEDULE_TOOLS,
        abstain: false,
        names: late.detail.delayedRuns.map((r) => r.runId),
      },
      decoysBut(d),
    );
  }
  const missed = labels(db, envId, 'missed_schedule')[0];
  if (missed) {
    const [d, on] = [missed.dagId, day(missed.startsAt)];
    intent(
      out,
      'missed',
      'missed_schedule',
      [`Did ${d} miss a scheduled run around ${on}?`, `Is a run of ${d} missing on ${on}?`, `no ${d} run on ${on}? where did it go`],
      {
        tools: SCHEDULE_TOOLS,
        abstain: false,
        names: missed.detail.missedRuns.flatMap((r) => [r.runId, day(r.logicalDate)]),
      },
      decoysBut(d),
    );
  }
  const queue = labels(db, envId, 'queue_spike')[0];
  if (queue) {
    const on = day(queue.detail.stallStart);
    const hour = queue.detail.stallStart.slice(11, 16);
    intent(
      out,
      'queue',
      'queue_spike',
      [
        `Why were tasks stuck in queued on ${on} around ${hour}?`,
        `Which pool was full on ${on}?`,
        `everything sat in the queue on ${on} at ${hour} — what held it up`,
      ],
      {
        tools: ['anomalies_and_risks', 'duration_history', 'get_run', 'list_failures'],
        abstain: false,
        names: [queue.detail.pool],
      },
      [],
    );
  }
  const asset = db
    .prepare(
      "SELECT uri, group_concat(dag_id, ' ') AS consumers FROM asset_links WHERE env_id = ? AND role = 'consumer' GROUP BY uri ORDER BY uri LIMIT 1",
    )
    .get(envId) as { uri: string; consumers: string } | undefined;
  if (asset) {
    intent(
      out,
      'downstream',
      'downstream',
      [`What is downstream of asset ${asset.uri}?`, `Which DAGs consume ${asset.uri}?`, `if ${asset.uri} stops updating, what breaks`],
      {
        tools: ['downstream_impact'],
        abstain: false,
        names: asset.consumers.split(' '),
      },
      [],
    );
  }

  // Open questions: what is wrong now is what the labels say is going on in the last day.
  const dayBefore = new Date(Date.parse(asOf) - 86_400_000).toISOString();
  const active = every.filter((l) => l.endsAt >= dayBefore && l.kind !== 'missed_schedule' && l.kind !== 'late_schedule');
  intent(
    out,
    'first-today',
    'open',
    ['What should I look at first today?', 'Is anything broken right now?', 'where do i start this morning, whats on fire'],
    {
      tools: OPEN_TOOLS,
      abstain: false,
      names: active.flatMap((l) => [l.dagId, l.taskId ?? '']),
    },
    [],
  );
  const finance = dagIds.filter((d) => /^(finance|billing)_/.test(d));
  const weekBefore = new Date(Date.parse(asOf) - 7 * 86_400_000).toISOString();
  const financeTrouble = every.filter((l) => finance.includes(l.dagId) && l.endsAt >= weekBefore);
  intent(
    out,
    'finance',
    'open',
    ['Is anything wrong with the finance DAGs?', 'How are the finance and billing pipelines doing this week?', 'finance dags ok?'],
    {
      tools: OPEN_TOOLS,
      abstain: finance.length === 0,
      names: financeTrouble.flatMap((l) => [l.dagId, l.taskId ?? '']),
    },
    every.filter((l) => !finance.includes(l.dagId)).map((l) => l.dagId),
  );

  // What the cache does not hold: the right answer says it was not found.
  const first = dagIds[0] ?? 'dag';
  const ghost = unknownDag(dagIds);
  intent(
    out,
    'unknown-dag',
    'unanswerable',
    [`Why did ${ghost} fail yesterday?`, `Show me the last failure of ${ghost}.`, `${ghost} broke again?`],
    { tools: FAILURE_TOOLS, abstain: true, names: [] },
    [],
  );
  intent(
    out,
    'before-history',
    'unanswerable',
    [`Why did ${first} fail on 2019-03-04?`, `What changed in ${first} on 2019-03-04?`, `${first} on 2019-03-04, anything wrong back then`],
    { tools: FAILURE_TOOLS, abstain: true, names: [] },
    [],
  );
  intent(
    out,
    'not-held',
    'unanswerable',
    [
      'How much memory did the scheduler pod use yesterday?',
      'Who deployed the last release to production?',
      'what did our Snowflake warehouse cost last month',
    ],
    { tools: OPEN_TOOLS, abstain: true, names: [] },
    [],
  );
  return out;
}
