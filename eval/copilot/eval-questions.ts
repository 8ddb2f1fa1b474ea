import type Database from 'better-sqlite3';
import type { SynthLabel } from '../../src-main/services/synth/label-types';

/** One question about a labelled incident, with what a good answer does. */
export interface EvalQuestion {
  readonly id: string;
  readonly question: string;
  /** A first tool from this set counts as the right tool choice. */
  readonly tools: readonly string[];
  /** The answer is right when it names one of these (case-insensitive): the run, task, version or cause. */
  readonly names: readonly string[];
}

type LabelOf<K extends SynthLabel['kind']> = Extract<SynthLabel, { kind: K }>;

export function labels<K extends SynthLabel['kind']>(db: Database.Database, envId: string, kind: K): LabelOf<K>[] {
  const rows = db.prepare('SELECT label_id, kind, dag_id, task_id, starts_at, ends_at, detail_json FROM synth_labels WHERE env_id = ? AND kind = ? ORDER BY starts_at DESC').all(envId, kind) as {
    label_id: string; kind: K; dag_id: string; task_id: string | null; starts_at: string; ends_at: string; detail_json: string;
  }[];
  return rows.map((r) => ({ labelId: r.label_id, kind: r.kind, dagId: r.dag_id, taskId: r.task_id, startsAt: r.starts_at, endsAt: r.ends_at, detail: JSON.parse(r.detail_json) }) as LabelOf<K>);
}

const day = (iso: string): string => iso.slice(0, 10);
const FAILURE_TOOLS = ['list_failures', 'get_run', 'log_excerpt', 'search_failures', 'similar_failures', 'what_changed', 'upstream_candidates', 'error_patterns'];

/** The questions, built from the Demo's exact incident labels (newest incidents first). */
export function evalQuestions(db: Database.Database, envId: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  for (const b of labels(db, envId, 'failure_burst').slice(0, 2)) {
    out.push({
      id: `burst:${b.dagId}`,
      question: `Why did ${b.dagId} fail on ${day(b.startsAt)}?`,
      tools: FAILURE_TOOLS,
      names: [b.taskId ?? '', b.detail.resource, b.detail.cause, ...b.detail.failedTaskInstances.slice(0, 20).map((t) => t.runId)].filter((n) => n.length > 0),
    });
  }
  for (const d of labels(db, envId, 'bad_deploy').slice(0, 1)) {
    out.push({
      id: `deploy:${d.dagId}`,
      question: `Why did ${d.dagId} start failing on ${day(d.startsAt)}?`,
      tools: FAILURE_TOOLS,
      names: [`version ${d.detail.badVersion}`, `-> ${d.detail.badVersion}`, `→ ${d.detail.badVersion}`, ...d.detail.taskIds],
    });
  }
  const slow = labels(db, envId, 'gradual_slowdown');
  if (slow.length > 0) {
    out.push({ id: 'slower:any', question: 'Which task got slower this week?', tools: ['anomalies_and_risks', 'duration_history'], names: slow.map((s) => s.taskId ?? '').filter((t) => t !== '') });
  }
  for (const s of slow.slice(0, 1)) {
    out.push({ id: `slower:${s.dagId}`, question: `Which task of ${s.dagId} got slower this week?`, tools: ['anomalies_and_risks', 'duration_history'], names: [s.taskId ?? s.dagId] });
  }
  for (const n of labels(db, envId, 'new_error_pattern').slice(0, 1)) {
    out.push({ id: `new-error:${n.dagId}`, question: `What new error appeared in ${n.dagId} recently?`, tools: ['error_patterns', 'search_failures', 'list_failures', 'log_excerpt', 'anomalies_and_risks'], names: [n.detail.exceptionClass] });
  }
  const asset = db.prepare("SELECT uri, group_concat(dag_id, ' ') AS consumers FROM asset_links WHERE env_id = ? AND role = 'consumer' GROUP BY uri ORDER BY uri LIMIT 1").get(envId) as
    | { uri: string; consumers: string }
    | undefined;
  if (asset) {
    out.push({ id: `downstream:${asset.uri}`, question: `What is downstream of asset ${asset.uri}?`, tools: ['downstream_impact'], names: asset.consumers.split(' ') });
  }
  return out;
}
