import type { FailureBrief } from '../../../../src-shared/domain/failure-brief';
import type { CitationTarget } from '../agent/citation-registry';
import { clipLine } from '../tools/clip';

type Cite = (target: CitationTarget) => string;

const ELSEWHERE_SHOWN = 3;
const DOWNSTREAM_SHOWN = 8;

const none = { mapIndex: null, tryNumber: null, line: null } as const;

function failingLines(b: FailureBrief, cite: Cite): string[] {
  const { dagId, runId } = b;
  const runRef = cite({ kind: 'run', dagId, runId, taskId: null, ...none, label: `${dagId} · ${runId}` });
  const head = `Run ${runId} of ${dagId} ${b.run.state} [${runRef}]`;
  const t = b.failedTask;
  if (t === null) return [`${head}; no task of it failed (the run itself failed or timed out).`];
  const last = t.tries[t.tries.length - 1];
  const taskRef = cite({
    kind: 'task',
    dagId,
    runId,
    taskId: t.taskId,
    mapIndex: t.mapIndex,
    tryNumber: last?.tryNumber ?? null,
    line: null,
    label: `${dagId}.${t.taskId}`,
  });
  const mapped = t.mapIndex >= 0 ? `[${t.mapIndex}]` : '';
  const others =
    b.otherFailed.length === 0
      ? ''
      : ` Also failed: ${b.otherFailed
          .slice(0, DOWNSTREAM_SHOWN)
          .map((o) => o.taskId)
          .join(', ')}.`;
  return [
    `${head}: task ${t.taskId}${mapped} failed after ${t.tries.length} ${t.tries.length === 1 ? 'try' : 'tries'}${last?.hostname ? ` on ${last.hostname}` : ''} [${taskRef}].${others}`,
  ];
}

function errorLines(b: FailureBrief, cite: Cite): string[] {
  const e = b.error;
  const t = b.failedTask;
  if (t === null) return [];
  if (e === null) return ['No log of the failed try is cached, so the error is not known.'];
  const at = e.errorIndex === null ? null : e.firstLineNo + e.errorIndex;
  const line = e.errorIndex === null ? null : e.lines[e.errorIndex];
  const out: string[] = [];
  if (line !== undefined && line !== null && at !== null) {
    const ref = cite({
      kind: 'log',
      dagId: b.dagId,
      runId: b.runId,
      taskId: t.taskId,
      mapIndex: t.mapIndex,
      tryNumber: e.tryNumber,
      line: at,
      label: `${b.dagId}.${t.taskId} try ${e.tryNumber}, line ${at}`,
    });
    out.push(`Error (log of try ${e.tryNumber}, line ${at}): ${clipLine(line.trim(), 300)} [${ref}]`);
  } else out.push(`The log of try ${e.tryNumber} has no exception or ERROR line.`);
  const p = e.pattern;
  if (p !== null) {
    out.push(
      `Error pattern ${p.exception}: ${p.count} ${p.count === 1 ? 'failure' : 'failures'} since ${p.firstSeen}${p.isNew ? ' (a new pattern)' : ''}.`,
    );
  }
  return out;
}

function changeLines(b: FailureBrief, cite: Cite): string[] {
  const prev = b.changes.previousSuccess;
  const out: string[] = [];
  if (prev === null) out.push('No successful run of this DAG before it is cached, so nothing can be compared.');
  else {
    const ref = cite({ kind: 'run', dagId: b.dagId, runId: prev.runId, taskId: null, ...none, label: `${b.dagId} · ${prev.runId}` });
    const changed = b.changes.items.filter((c) => c.changed);
    const what = changed.map((c) => `${c.what.replace('_', ' ')} ${clipLine(c.before ?? '?', 80)} → ${clipLine(c.now ?? '?', 80)}`);
    out.push(
      changed.length === 0
        ? `Nothing changed since the last success ${prev.runId} [${ref}] (DAG version, conf, host, pool).`
        : `Changed since the last success ${prev.runId} [${ref}]: ${what.join('; ')}.`,
    );
  }
  const up = b.changes.upstream;
  if (up.length > 0) out.push(`Upstream tasks in this run: ${up.map((u) => `${u.taskId} ${u.state}`).join(', ')}.`);
  return out;
}

function downstreamLines(b: FailureBrief, cite: Cite): string[] {
  const out: string[] = [];
  const left = b.downstream.upstreamFailed;
  if (left.length > 0)
    out.push(
      `Left upstream_failed in this run: ${left.length} ${left.length === 1 ? 'task' : 'tasks'} (${left
        .slice(0, DOWNSTREAM_SHOWN)
        .map((t) => t.taskId)
        .join(', ')}).`,
    );
  const far = b.downstream.lineage.filter((i) => i.label === 'Dag' || i.label === 'Asset');
  if (far.length === 0) {
    out.push('Nothing downstream in the lineage graph.');
    return out;
  }
  const named = far.slice(0, DOWNSTREAM_SHOWN).map((i) => {
    const ref =
      i.label === 'Asset'
        ? cite({ kind: 'asset', dagId: i.dagId ?? b.dagId, runId: null, taskId: null, ...none, uri: i.name, label: i.name })
        : cite({ kind: 'dag', dagId: i.name, runId: null, taskId: null, ...none, label: i.name });
    return `${i.label === 'Asset' ? 'asset' : 'DAG'} ${i.name} [${ref}]`;
  });
  out.push(`Downstream: ${named.join(', ')}${far.length > named.length ? ` and ${far.length - named.length} more` : ''}.`);
  return out;
}

function beforeLines(b: FailureBrief, cite: Cite): string[] {
  const t = b.failedTask;
  if (t === null || b.error?.pattern == null) return [];
  const same = b.before.sameTask;
  const out: string[] = [];
  const newest = same[0];
  if (newest === undefined) out.push(`Task ${t.taskId} has not failed before with this error.`);
  else {
    const ref = cite({ kind: 'run', dagId: b.dagId, runId: newest.runId, taskId: null, ...none, label: `${b.dagId} · ${newest.runId}` });
    out.push(
      `Task ${t.taskId} failed with this error in ${b.before.sameTaskRuns} earlier ${b.before.sameTaskRuns === 1 ? 'run' : 'runs'}; the newest is ${newest.runId}${newest.at === null ? '' : ` at ${newest.at}`} [${ref}].`,
    );
  }
  const elsewhere = (b.before.elsewhere?.items ?? []).slice(0, ELSEWHERE_SHOWN).map((i) => {
    const ref = cite({
      kind: 'task',
      dagId: i.dagId,
      runId: i.runId,
      taskId: i.taskId,
      mapIndex: i.mapIndex,
      tryNumber: i.tryNumber,
      line: null,
      label: `${i.dagId}.${i.taskId}`,
    });
    return `${i.dagId}.${i.taskId} [${ref}]`;
  });
  if (elsewhere.length > 0) out.push(`Similar failures elsewhere: ${elsewhere.join(', ')}.`);
  return out;
}

/**
 * The failure brief as short cited lines, without any model: the failing task and its error, what changed,
 * what is downstream, whether it happened before. The same lines are the brief-alone answer and what the
 * model reads (a few hundred tokens instead of the tools' results).
 */
export function briefLines(b: FailureBrief, cite: Cite): string[] {
  return [...failingLines(b, cite), ...errorLines(b, cite), ...changeLines(b, cite), ...downstreamLines(b, cite), ...beforeLines(b, cite)];
}
