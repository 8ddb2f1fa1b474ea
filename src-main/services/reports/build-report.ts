import { ApiError } from '../../../src-shared/api/errors';
import type { AuditEntry } from '../../../src-shared/domain/actions';
import type { AnomalySummary } from '../../../src-shared/domain/analytics';
import type { Incident, TimelineEntry } from '../../../src-shared/domain/incidents';
import type { ReportSource } from '../../../src-shared/domain/reports';
import { downstreamOf } from '../graph/impact/downstream';
import { nodeKeys } from '../graph/node-keys';
import { hoursBefore } from '../history/run-time';
import { appRoute } from '../incidents/app-route';
import { HistoryEvents } from '../incidents/history-events';
import { actionConcerns, affectedDags, auditEntry, incidentWindow } from '../incidents/incident-timeline';
import type { ReportDeps } from './report-deps';
import type { AffectedDag, AnomalyChart, CopilotFinding, DurationChart, ErrorPatternSection, ReportModel } from './report-model';
import { describeSince, parseSince } from './since';
import { WindowStats, type DagWindowStats } from './window-stats';

const MAX_AFFECTED = 10;
const MAX_DOWNSTREAM = 12;
const MAX_DURATION_CHARTS = 4;
const MAX_ANOMALY_CHARTS = 3;
const MAX_PATTERNS = 6;
const MAX_WINDOW_TIMELINE = 40;
const MIN_CHART_DAYS = 7;

interface EnvRow {
  id: string;
  name: string;
  synthetic: number;
  as_of: string | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Builds what a report says; every format renders the same model. */
export class ReportBuilder {
  private readonly stats;
  private readonly history;
  private readonly env;
  private readonly answers;

  constructor(private readonly deps: ReportDeps) {
    this.stats = new WindowStats(deps.db);
    this.history = new HistoryEvents(deps.db);
    this.env = deps.db.prepare('SELECT id, name, synthetic, as_of FROM environments WHERE id = ?');
    this.answers = deps.db.prepare(
      `SELECT m.text, m.created_at, c.title FROM copilot_messages m
       JOIN copilot_conversations c ON c.env_id = m.env_id AND c.conversation_id = m.conversation_id
       WHERE m.env_id = ? AND m.role = 'assistant' AND m.state = 'done' AND m.created_at >= ? ORDER BY m.created_at DESC LIMIT 5`,
    );
  }

  build(source: ReportSource, generatedAt = new Date().toISOString()): ReportModel {
    return source.kind === 'incident'
      ? this.incident(source.incidentId, generatedAt)
      : this.window(source.envId, source.since, generatedAt);
  }

  private envRow(envId: string): EnvRow {
    const row = this.env.get(envId) as EnvRow | undefined;
    if (!row)
      throw new ApiError('not_found', `There is no environment "${envId}" on this machine.`, 'Pick an environment that is synced here.');
    return row;
  }

  private window(envId: string, since: string, generatedAt: string): ReportModel {
    const env = this.envRow(envId);
    const span = parseSince(since);
    if (span === null)
      throw new ApiError('invalid_input', `"${since}" is not a time span.`, 'Use a number and m, h or d, such as 24h or 30d.');
    const to = env.synthetic === 1 && env.as_of !== null ? env.as_of : generatedAt;
    // A span longer than the cached history starts at the oldest run, not in a year nothing was recorded.
    const asked = new Date(Date.parse(to) - span).toISOString();
    const first = this.stats.firstRunAt(envId);
    const from = first !== null && first > asked ? first : asked;
    const spanText = from === asked ? `the last ${describeSince(since)}` : `all its history (since ${from.slice(0, 10)})`;
    const dagStats = this.stats.dags(envId, { from, to });
    const failing = dagStats.filter((d) => d.failedRuns > 0);
    const totals = this.stats.totals(envId, { from, to });
    const anomalies = this.deps.analytics.list({ envId, since: from, until: to, limit: 500 }).items;
    const actions = this.deps.audit.list(envId, 5000).filter((a) => a.at >= from);
    const affected = this.affected(envId, failing.slice(0, MAX_AFFECTED));
    const chartDags = [...new Set([...failing.map((d) => d.dagId), ...anomalies.map((a) => a.dagId)])].slice(0, MAX_DURATION_CHARTS);
    // A window's timeline: when each failing DAG first failed, the serious anomalies, and every action taken.
    const timeline: TimelineEntry[] = [
      ...affected.flatMap((d) => this.history.forDag(envId, d.dagId, from, to).filter((e) => e.kind === 'first_failure')),
      ...firstOfEach(anomalies.filter((a) => (a.severity === 'high' || a.severity === 'critical') && a.startsAt >= from)).map((a) =>
        anomalyEntry(envId, a),
      ),
      ...actions.map(auditEntry),
    ]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .slice(-MAX_WINDOW_TIMELINE);
    const failed = totals.byState.failed;
    const succeeded = totals.byState.success;
    const active = totals.byState.queued + totals.byState.running;
    const rate = totals.failureRate === null ? '—' : `${(100 * totals.failureRate).toFixed(1)}%`;
    const severe = anomalies.filter((a) => a.severity === 'high' || a.severity === 'critical').length;
    const summary = [
      `${from === asked ? `In the ${describeSince(since)}` : `From its first cached run (${from.slice(0, 16).replace('T', ' ')})`} to ${to.slice(0, 16).replace('T', ' ')} UTC, ${env.name} had ${totals.runs.toLocaleString('en-US')} DAG run${totals.runs === 1 ? '' : 's'}: ${succeeded} succeeded and ${failed} failed (${rate} of those that finished)${active > 0 ? `; ${active} ${active === 1 ? 'was' : 'were'} still queued or running` : ''}.`,
      failing.length === 0
        ? 'No DAG failed in this window.'
        : `${plural(failing.length, 'DAG')} had failed runs; the most affected was ${failing[0]?.dagId ?? ''} with ${plural(failing[0]?.failedRuns ?? 0, 'failed run')}.`,
      `${plural(totals.failedTasks, 'task instance')} of these runs failed, and ${plural(totals.retriedTries, 'try', 'tries')} failed and ${totals.retriedTries === 1 ? 'was' : 'were'} tried again.`,
      `${plural(anomalies.length, 'anomaly', 'anomalies')} were detected, ${severe} of high or critical severity. ${plural(actions.length, 'action')} were taken on Airflow from this app.`,
    ];
    return {
      kind: 'window',
      title: `${env.name}: ${spanText}`,
      env: { id: env.id, name: env.name, synthetic: env.synthetic === 1 },
      window: { from, to },
      generatedAt,
      incident: null,
      figures: [
        { label: 'DAG runs', value: totals.runs.toLocaleString('en-US'), tone: 'neutral' },
        { label: 'Failed runs', value: String(failed), tone: failed > 0 ? 'bad' : 'good' },
        { label: 'Failure rate', value: rate, tone: failed > 0 ? 'bad' : 'good' },
        { label: 'DAGs failing', value: String(failing.length), tone: failing.length > 0 ? 'warn' : 'good' },
        { label: 'Retried tries', value: String(totals.retriedTries), tone: totals.retriedTries > 0 ? 'warn' : 'neutral' },
        { label: 'Anomalies', value: String(anomalies.length), tone: severe > 0 ? 'warn' : 'neutral' },
      ],
      summary,
      timeline,
      affectedDags: affected,
      durationCharts: this.durationCharts(envId, chartDags, from, to, dagStats),
      anomalies: grouped(anomalies).slice(0, 15),
      anomalyCharts: this.anomalyCharts(envId, anomalies),
      errorPatterns: this.patterns(envId, from, to, null),
      actions,
      copilotFindings: (this.answers.all(envId, from) as { text: string; created_at: string; title: string }[]).map((m) => ({
        title: m.title,
        text: m.text,
        at: m.created_at,
      })),
      evidence: [],
    };
  }

  private incident(incidentId: string, generatedAt: string): ReportModel {
    const incident: Incident = this.deps.incidents.get(incidentId);
    const local = this.env.get(incident.envId) as EnvRow | undefined;
    const { from, to } = incidentWindow(incident);
    const dags = affectedDags(incident);
    const stats = local === undefined ? [] : this.stats.dags(incident.envId, { from, to });
    const byDag = new Map(stats.map((s) => [s.dagId, s]));
    const dagStats = dags.map((d): DagWindowStats => byDag.get(d) ?? { dagId: d, runs: 0, failedRuns: 0, lastFailureAt: null });
    const anomalies =
      local === undefined
        ? []
        : this.deps.analytics
            .list({ envId: incident.envId, since: from, until: to, limit: 500 })
            .items.filter((a) => dags.includes(a.dagId));
    const actions: AuditEntry[] =
      local === undefined ? [] : this.deps.audit.list(incident.envId, 5000).filter((a) => a.at >= from && actionConcerns(a, dags));
    const copilot: CopilotFinding[] = incident.pins
      .filter((p) => p.snapshot.generated)
      .map((p) => ({ title: p.snapshot.title, text: p.snapshot.body ?? '', at: p.snapshot.at }));
    const failedRuns = dagStats.reduce((n, d) => n + d.failedRuns, 0);
    const summary = [
      incident.summary.trim() !== ''
        ? incident.summary.trim()
        : `Incident "${incident.title}" in ${incident.envName}, opened ${incident.createdAt.slice(0, 16).replace('T', ' ')} UTC, is ${incident.status}.`,
      dags.length === 0
        ? 'No DAG is pinned to it yet.'
        : `It concerns ${plural(dags.length, 'DAG')}: ${dags.join(', ')}, with ${plural(failedRuns, 'failed run')} between ${from.slice(0, 16).replace('T', ' ')} and ${to.slice(0, 16).replace('T', ' ')} UTC.`,
      `${plural(incident.pins.length, 'item')} pinned, ${plural(incident.notes.filter((n) => n.kind === 'note').length, 'note')}, ${plural(actions.length, 'action')} taken on Airflow.`,
    ];
    if (local === undefined)
      summary.push(`The history of ${incident.envName} is not on this machine: the report shows the pinned snapshots only.`);
    return {
      kind: 'incident',
      title: incident.title,
      env: { id: incident.envId, name: incident.envName, synthetic: local?.synthetic === 1 },
      window: { from, to },
      generatedAt,
      incident: {
        id: incident.id,
        status: incident.status,
        summary: incident.summary,
        createdAt: incident.createdAt,
        notes: incident.notes,
      },
      figures: [
        {
          label: 'Status',
          value: incident.status,
          tone: incident.status === 'resolved' ? 'good' : incident.status === 'mitigated' ? 'warn' : 'bad',
        },
        { label: 'DAGs affected', value: String(dags.length), tone: 'neutral' },
        { label: 'Failed runs', value: String(failedRuns), tone: failedRuns > 0 ? 'bad' : 'neutral' },
        { label: 'Pinned items', value: String(incident.pins.length), tone: 'neutral' },
        { label: 'Actions taken', value: String(actions.length), tone: 'neutral' },
      ],
      summary,
      timeline: this.deps.incidents.timeline(incident.id),
      affectedDags:
        local === undefined ? dagStats.map((d) => ({ ...d, downstream: [], downstreamMore: 0 })) : this.affected(incident.envId, dagStats),
      durationCharts:
        local === undefined ? [] : this.durationCharts(incident.envId, dags.slice(0, MAX_DURATION_CHARTS), from, to, dagStats),
      anomalies: grouped(anomalies),
      anomalyCharts: local === undefined ? [] : this.anomalyCharts(incident.envId, anomalies),
      errorPatterns: local === undefined ? [] : this.patterns(incident.envId, from, to, dags),
      actions,
      copilotFindings: copilot,
      evidence: incident.pins.filter((p) => !p.snapshot.generated).map((p) => p.snapshot),
    };
  }

  private affected(envId: string, dags: readonly DagWindowStats[]): AffectedDag[] {
    const graph = this.deps.graph.graph;
    return dags.map((d) => {
      let items: AffectedDag['downstream'] = [];
      try {
        items = downstreamOf(graph, nodeKeys.dag(envId, d.dagId), 6)
          .items.filter((i) => i.label === 'Dag' || i.label === 'Asset')
          .map((i) => ({ name: i.name, label: i.label, envId: i.envId, depth: i.depth }));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
      return { ...d, downstream: items.slice(0, MAX_DOWNSTREAM), downstreamMore: Math.max(0, items.length - MAX_DOWNSTREAM) };
    });
  }

  /** Charts span at least a week for context; their runs and failed runs are the report window's figures. */
  private durationCharts(
    envId: string,
    dagIds: readonly string[],
    from: string,
    to: string,
    stats: readonly DagWindowStats[],
  ): DurationChart[] {
    const chartFrom = Date.parse(to) - Date.parse(from) < MIN_CHART_DAYS * 86_400_000 ? hoursBefore(to, MIN_CHART_DAYS * 24) : from;
    const inWindow = new Map(stats.map((s) => [s.dagId, s]));
    return dagIds
      .map((dagId) => {
        const h = this.deps.durations.history(envId, dagId, undefined, chartFrom, to);
        const s = inWindow.get(dagId);
        return {
          dagId,
          from: chartFrom,
          to,
          points: h.points,
          band: h.band,
          median: h.median,
          runs: s?.runs ?? 0,
          failedRuns: s?.failedRuns ?? 0,
        };
      })
      .filter((c) => c.points.length > 0);
  }

  private anomalyCharts(envId: string, anomalies: readonly AnomalySummary[]): AnomalyChart[] {
    return anomalies
      .slice(0, MAX_ANOMALY_CHARTS)
      .map((a) => this.deps.analytics.get(envId, a.anomalyId))
      .filter((d): d is NonNullable<typeof d> => d !== null && d.series.length > 1)
      .map((d) => ({ anomaly: d, unit: d.unit, series: d.series }));
  }

  private patterns(envId: string, from: string, to: string, dags: readonly string[] | null): ErrorPatternSection[] {
    const inWindow = this.deps.analytics.patterns(envId).filter((p) => p.lastSeen >= from && p.firstSeen <= to);
    const sections: ErrorPatternSection[] = [];
    for (const p of inWindow.sort((a, b) => b.count - a.count)) {
      const detail = this.deps.analytics.pattern(envId, p.patternId);
      if (detail === null) continue;
      if (dags !== null && !detail.tasks.some((t) => dags.includes(t.dagId))) continue;
      const samples = detail.samples.filter((s) => dags === null || dags.includes(s.dagId)).slice(0, 3);
      sections.push({
        exception: p.exception,
        template: p.template,
        count: p.count,
        isNew: p.isNew,
        firstSeen: p.firstSeen,
        lastSeen: p.lastSeen,
        samples,
      });
      if (sections.length >= MAX_PATTERNS) break;
    }
    return sections;
  }
}

/** Anomalies by kind and task, most unusual first: the top one of each group and the group's size. */
function grouped(anomalies: readonly AnomalySummary[]): (AnomalySummary & { occurrences: number })[] {
  const groups = new Map<string, AnomalySummary & { occurrences: number }>();
  for (const a of anomalies) {
    const key = JSON.stringify([a.kind, a.dagId, a.taskId]);
    const top = groups.get(key);
    if (top === undefined) groups.set(key, { ...a, occurrences: 1 });
    else top.occurrences += 1;
  }
  return [...groups.values()];
}

/** The earliest anomaly of each kind on each task: a flaky task is one line, not one per flagged run. */
function firstOfEach(anomalies: readonly AnomalySummary[]): AnomalySummary[] {
  const seen = new Set<string>();
  return [...anomalies]
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))
    .filter((a) => {
      const key = JSON.stringify([a.kind, a.dagId, a.taskId]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function anomalyEntry(envId: string, a: AnomalySummary): TimelineEntry {
  return {
    at: a.startsAt,
    kind: 'anomaly',
    text: `${a.severity} anomaly: ${a.title}`,
    dagId: a.dagId,
    route: appRoute('anomalies', { env: envId, dag: a.dagId }),
    source: 'history',
  };
}
