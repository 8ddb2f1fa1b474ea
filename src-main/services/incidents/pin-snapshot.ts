import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { PinSnapshot, PinTarget } from '../../../src-shared/domain/incidents';
import type { AnalyticsStore } from '../analytics/analytics-store';
import { RunReads } from '../history/run-reads';
import type { TaskInvestigator } from '../investigate/task-investigation';
import { appRoute, routeDag } from './app-route';

type Fact = [string, string];
const dash = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : String(v));
const seconds = (s: number | null): string =>
  s === null ? '—' : s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const missing = (what: string): ApiError =>
  new ApiError('not_found', `${what} is not in the cache.`, 'Sync the environment, or pick it again from its page.');

interface MessageRow {
  role: string;
  text: string;
  state: string;
  created_at: string;
  citations_json: string;
  title: string;
  context_json: string | null;
}

/**
 * Reads what a pin target points at and keeps a snapshot of it: the incident
 * still shows it after the history rolls out of the window, and on another
 * machine after an export. All SQL fixed, values bound.
 */
export class PinReader {
  private readonly reads;
  private readonly message;

  constructor(
    db: Database.Database,
    private readonly analytics: AnalyticsStore,
    private readonly tasks: TaskInvestigator,
  ) {
    this.reads = RunReads.of(db);
    this.message = db.prepare(
      `SELECT m.role, m.text, m.state, m.created_at, m.citations_json, c.title, c.context_json FROM copilot_messages m
       JOIN copilot_conversations c ON c.env_id = m.env_id AND c.conversation_id = m.conversation_id
       WHERE m.env_id = ? AND m.conversation_id = ? AND m.message_id = ?`,
    );
  }

  snapshot(target: PinTarget): PinSnapshot {
    const base = { body: null, table: null, generated: false };
    switch (target.kind) {
      case 'run': {
        const r = this.reads.run(target.envId, target.dagId, target.runId);
        if (!r) throw missing(`Run ${target.runId} of ${target.dagId}`);
        const failed = this.reads.failedTaskIds(target.envId, target.dagId, target.runId, 20);
        const facts: Fact[] = [
          ['State', r.state],
          ['Type', r.run_type.replace(/_/g, ' ')],
          ['Started', dash(r.start_date)],
          ['Ended', dash(r.end_date)],
          ['Duration', seconds(r.duration_s)],
        ];
        if (failed.length > 0) facts.push(['Failed tasks', failed.join(', ')]);
        return {
          ...base,
          title: `Run ${target.runId} of ${target.dagId} (${r.state})`,
          facts,
          at: r.start_date ?? r.queued_at ?? r.logical_date,
          route: appRoute('run', { env: target.envId, dag: target.dagId, run: target.runId }),
          dagIds: [target.dagId],
        };
      }
      case 'task_instance': {
        const t = this.reads.taskInstance(target);
        if (!t) throw missing(`Task ${target.taskId} of run ${target.runId}`);
        const label = target.mapIndex >= 0 ? `${target.taskId} [${target.mapIndex}]` : target.taskId;
        return {
          ...base,
          title: `Task ${label} of ${target.dagId} (${t.state}, try ${t.try_number})`,
          facts: [
            ['State', t.state],
            ['Run', target.runId],
            ['Try', String(t.try_number)],
            ['Started', dash(t.start_date)],
            ['Duration', seconds(t.duration_s)],
            ['Host', dash(t.hostname)],
            ['Operator', dash(t.operator)],
          ],
          at: t.end_date ?? t.start_date,
          route: appRoute('task', {
            env: target.envId,
            dag: target.dagId,
            run: target.runId,
            task: target.taskId,
            map: target.mapIndex >= 0 ? target.mapIndex : undefined,
          }),
          dagIds: [target.dagId],
        };
      }
      case 'log_excerpt': {
        const key = { envId: target.envId, dagId: target.dagId, runId: target.runId, taskId: target.taskId, mapIndex: target.mapIndex };
        const log = this.tasks.logOf(key, target.tryNumber);
        if (!log) throw missing(`The log of try ${target.tryNumber} of ${target.taskId}`);
        const lines = log.content.split(/\r?\n/);
        if (target.fromLine > lines.length)
          throw new ApiError('invalid_input', `The log has ${lines.length} lines; line ${target.fromLine} is past its end.`);
        const to = Math.min(target.toLine, lines.length);
        const t = this.reads.taskInstance(target);
        return {
          ...base,
          title: `Log of ${target.taskId} (${target.dagId}), try ${target.tryNumber}, lines ${target.fromLine}–${to}`,
          facts: [
            ['Run', target.runId],
            ['Lines', `${target.fromLine}–${to} of ${lines.length}${log.truncated ? ' (end of a longer log)' : ''}`],
          ],
          body: lines.slice(target.fromLine - 1, to).join('\n'),
          at: t?.end_date ?? t?.start_date ?? null,
          route: appRoute('task', {
            env: target.envId,
            dag: target.dagId,
            run: target.runId,
            task: target.taskId,
            map: target.mapIndex >= 0 ? target.mapIndex : undefined,
            try: target.tryNumber,
          }),
          dagIds: [target.dagId],
        };
      }
      case 'anomaly': {
        const a = this.analytics.get(target.envId, target.anomalyId);
        if (!a) throw missing('That anomaly');
        return {
          ...base,
          title: a.title,
          facts: [
            ['Kind', a.kind.replace(/_/g, ' ')],
            ['Severity', a.severity],
            ['Score', a.score.toFixed(1)],
            ['Expected', a.expected],
            ['Observed', a.observed],
            ['Why', a.why],
            ['Task', dash(a.taskId)],
          ],
          at: a.startsAt,
          route: appRoute('anomalies', { dag: a.dagId }),
          dagIds: [a.dagId],
        };
      }
      case 'risk': {
        const risk = this.analytics.risks(target.envId, target.dagId, 5000).find((r) => r.taskId === target.taskId);
        if (!risk) throw missing(`A failure risk for ${target.taskId}`);
        return {
          ...base,
          title: `Failure risk of ${target.taskId} (${target.dagId}): ${Math.round(risk.probability * 100)}%`,
          facts: [['Level', risk.level], ...risk.reasons.slice(0, 6).map((r): Fact => [r.text, r.mitigation])],
          at: null,
          route: appRoute('dag', { env: target.envId, dag: target.dagId }),
          dagIds: [target.dagId],
        };
      }
      case 'copilot_answer': {
        const m = this.message.get(target.envId, target.conversationId, target.messageId) as MessageRow | undefined;
        if (!m || m.role !== 'assistant') throw missing('That copilot answer');
        const dags = new Set<string>();
        for (const c of JSON.parse(m.citations_json) as { dagId?: unknown }[]) if (typeof c.dagId === 'string') dags.add(c.dagId);
        const context = m.context_json === null ? null : (JSON.parse(m.context_json) as { dagId?: unknown } | null);
        if (typeof context?.dagId === 'string') dags.add(context.dagId);
        return {
          ...base,
          title: `Copilot answer: ${clip(m.title, 200)}`,
          facts: [
            ['Conversation', m.title],
            ['State', m.state],
          ],
          body: m.text,
          at: m.created_at,
          route: appRoute('copilot', { conversation: target.conversationId }),
          generated: true,
          dagIds: [...dags].slice(0, 50),
        };
      }
      case 'view': {
        const dag = routeDag(target.route);
        return {
          ...base,
          title: target.title,
          facts: [['View', target.view]],
          at: null,
          route: target.route,
          dagIds: dag === null ? [] : [dag],
        };
      }
      case 'cypher_result':
        return {
          ...base,
          title: `Cypher result (${target.rows.length} row${target.rows.length === 1 ? '' : 's'}, ${target.source})`,
          facts: [],
          body: target.cypher,
          table: { columns: target.columns, rows: target.rows },
          at: null,
          route: appRoute('graph', {}),
          dagIds: [],
        };
    }
  }
}
