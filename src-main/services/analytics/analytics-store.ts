import type Database from 'better-sqlite3';
import type { AnomalyDetail, AnomalySummary, PatternDetail, PatternSummary, RiskItem } from '../../../src-shared/domain/analytics';
import type { Finding } from './finding';
import { dailyCounts, type MinedPatterns } from './patterns/pattern-miner';
import type { TaskRisk } from './risk-scoring';
import type { ErrorPatternRow } from './error-pattern-row';

const CLEAR_STATEMENTS = [
  'DELETE FROM anomalies WHERE env_id = ?',
  'DELETE FROM error_patterns WHERE env_id = ?',
  'DELETE FROM error_pattern_hits WHERE env_id = ?',
  'DELETE FROM task_risks WHERE env_id = ?',
  'DELETE FROM analytics_runs WHERE env_id = ?',
] as const;
const iso = (ms: number): string => new Date(ms).toISOString();

export interface AnomalyFilter {
  envId: string;
  dagId?: string | undefined;
  kinds?: readonly string[] | undefined;
  severities?: readonly string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
}

type AnomalyRow = {
  env_id: string;
  anomaly_id: string;
  kind: string;
  dag_id: string;
  task_id: string | null;
  run_id: string | null;
  severity: string;
  score: number;
  starts_at: string;
  ends_at: string;
  detected_at: string;
  title: string;
  expected: string;
  observed: string;
  why: string;
  unit: string;
  series_json: string;
  causes_json: string;
  run_ids_json: string;
};

/**
 * What needs attention now comes first: the day an episode was last seen
 * (open and recent episodes on top), then severity, then score. A month-old
 * critical finding sits below today's failure.
 */
const ATTENTION_ORDER = `substr(ends_at, 1, 10) DESC,
  CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, score DESC, ends_at DESC`;

const SUMMARY_COLUMNS =
  'env_id, anomaly_id, kind, dag_id, task_id, run_id, severity, score, starts_at, ends_at, detected_at, title, expected, observed, why';

function toSummary(r: AnomalyRow): AnomalySummary {
  return {
    envId: r.env_id,
    anomalyId: r.anomaly_id,
    kind: r.kind as AnomalySummary['kind'],
    dagId: r.dag_id,
    taskId: r.task_id,
    runId: r.run_id,
    severity: r.severity as AnomalySummary['severity'],
    score: r.score,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    detectedAt: r.detected_at,
    title: r.title,
    expected: r.expected,
    observed: r.observed,
    why: r.why,
  };
}

/**
 * An episode's id: its kind, place and start, the same on every rescoring while
 * the episode goes on (a link to it keeps working as it is updated); a second
 * finding with the same key gets a suffix.
 */
function episodeId(f: Finding, taken: Set<string>): string {
  const base = `${f.kind}:${f.dagId}:${f.taskId ?? ''}:${Math.round(f.startsMs / 1000)}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}:${k}`;
  taken.add(id);
  return id;
}

function levelOf(p: number): RiskItem['level'] {
  return p >= 0.5 ? 'high' : p >= 0.15 ? 'elevated' : 'low';
}

/** Reads and writes the analytics tables; all SQL fixed, values bound. */
export class AnalyticsStore {
  constructor(private readonly db: Database.Database) {}

  fingerprint(envId: string): { fingerprint: string; tiCount: number } {
    const ti = this.db.prepare('SELECT COUNT(*) AS n, MAX(end_date) AS last FROM task_instances WHERE env_id = ?').get(envId) as {
      n: number;
      last: string | null;
    };
    const runs = this.db.prepare('SELECT COUNT(*) AS n, MAX(queued_at) AS last FROM dag_runs WHERE env_id = ?').get(envId) as {
      n: number;
      last: string | null;
    };
    const logs = this.db.prepare('SELECT COUNT(*) AS n FROM task_logs WHERE env_id = ?').get(envId) as { n: number };
    // Set by each sync that changed history: state changes and runs gone upstream move no count above.
    const synced = this.db
      .prepare("SELECT cursor FROM sync_cursors WHERE env_id = ? AND resource = 'history_changed'")
      .pluck()
      .get(envId) as string | undefined;
    return { fingerprint: `${ti.n}|${ti.last ?? ''}|${runs.n}|${runs.last ?? ''}|${logs.n}|${synced ?? ''}`, tiCount: ti.n };
  }

  scoredFingerprint(envId: string): string | null {
    const row = this.db.prepare('SELECT fingerprint FROM analytics_runs WHERE env_id = ?').get(envId) as
      | { fingerprint: string }
      | undefined;
    return row?.fingerprint ?? null;
  }

  scoredAt(envId: string): string | null {
    const row = this.db.prepare('SELECT scored_at FROM analytics_runs WHERE env_id = ?').get(envId) as { scored_at: string } | undefined;
    return row?.scored_at ?? null;
  }

  /** Replaces everything scored for the environment in one transaction. */
  replace(
    envId: string,
    asOfMs: number,
    findings: readonly Finding[],
    mined: MinedPatterns,
    risks: readonly TaskRisk[],
    meta: { fingerprint: string; tiCount: number; modelJson: string },
  ): void {
    const insertAnomaly = this.db
      .prepare(`INSERT INTO anomalies (env_id, anomaly_id, kind, dag_id, task_id, run_id, severity, score, starts_at, ends_at,
      detected_at, title, expected, observed, why, unit, series_json, causes_json, run_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertPattern = this.db
      .prepare(`INSERT INTO error_patterns (env_id, pattern_id, template, exception, count, first_seen, last_seen, is_new,
      daily_json, tasks_json, samples_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertHit = this.db.prepare(
      'INSERT INTO error_pattern_hits (env_id, dag_id, run_id, task_id, map_index, try_number, pattern_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertRisk = this.db.prepare(
      'INSERT INTO task_risks (env_id, dag_id, task_id, probability, reasons_json, late_probability, late_reasons_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const statement of CLEAR_STATEMENTS) this.db.prepare(statement).run(envId);
      const ids = new Set<string>();
      for (const f of findings) {
        const id = episodeId(f, ids);
        insertAnomaly.run(
          envId,
          id,
          f.kind,
          f.dagId,
          f.taskId,
          f.runId,
          f.severity,
          Math.round(f.score * 100) / 100,
          iso(f.startsMs),
          iso(f.endsMs),
          iso(f.detectedMs),
          f.title,
          f.expected,
          f.observed,
          f.why,
          f.unit,
          JSON.stringify(f.series),
          JSON.stringify(f.causes),
          JSON.stringify(f.runIds.slice(0, 50)),
        );
      }
      for (const p of mined.patterns) {
        const tasks = [...p.tasks]
          .map(([key, v]) => {
            const [dagId = '', taskId = ''] = key.split('\u0000');
            return { dagId, taskId, count: v.count, lastSeen: iso(v.lastMs) };
          })
          .sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : -1));
        const samples = p.samples.map((s) => ({
          dagId: s.dagId,
          taskId: s.taskId,
          runId: s.runId,
          tryNumber: s.tryNumber,
          at: iso(s.atMs),
          line: s.line,
        }));
        insertPattern.run(
          envId,
          p.patternId,
          p.template,
          p.exception,
          p.count,
          iso(p.firstSeenMs),
          iso(p.lastSeenMs),
          p.isNew ? 1 : 0,
          JSON.stringify(dailyCounts(p.times, asOfMs, 30)),
          JSON.stringify(tasks),
          JSON.stringify(samples),
        );
      }
      for (const [key, patternId] of mined.byLog) {
        const [dagId = '', runId = '', taskId = '', mapIndex = '-1', tryNumber = '0'] = key.split('\u0000');
        insertHit.run(envId, dagId, runId, taskId, Number(mapIndex), Number(tryNumber), patternId);
      }
      for (const r of risks)
        insertRisk.run(
          envId,
          r.dagId,
          r.taskId,
          r.probability,
          JSON.stringify(r.reasons),
          r.lateProbability,
          JSON.stringify(r.lateReasons),
        );
      this.db
        .prepare('INSERT INTO analytics_runs (env_id, scored_at, fingerprint, ti_count, model_json) VALUES (?, ?, ?, ?, ?)')
        .run(envId, new Date().toISOString(), meta.fingerprint, meta.tiCount, meta.modelJson);
    })();
  }

  list(filter: AnomalyFilter): { items: AnomalySummary[]; total: number } {
    const where = ['env_id = @envId'];
    const params: Record<string, unknown> = { envId: filter.envId, limit: filter.limit };
    if (filter.dagId !== undefined) {
      where.push('dag_id = @dagId');
      params.dagId = filter.dagId;
    }
    if (filter.since !== undefined) {
      where.push('ends_at >= @since');
      params.since = filter.since;
    }
    if (filter.until !== undefined) {
      where.push('starts_at <= @until');
      params.until = filter.until;
    }
    for (const [name, values] of [
      ['kind', filter.kinds],
      ['severity', filter.severities],
    ] as const) {
      if (!values || values.length === 0) continue;
      const names = values.map((_, i) => `@${name}${i}`);
      where.push(`${name} IN (${names.join(', ')})`);
      values.forEach((v, i) => (params[`${name}${i}`] = v));
    }
    const clause = where.join(' AND ');
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM anomalies WHERE ${clause} ORDER BY ${ATTENTION_ORDER} LIMIT @limit`)
      .all(params) as AnomalyRow[];
    const { limit: _limit, ...countParams } = params;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM anomalies WHERE ${clause}`).get(countParams) as { n: number }).n;
    return { items: rows.map(toSummary), total };
  }

  get(envId: string, anomalyId: string): AnomalyDetail | null {
    const r = this.db.prepare('SELECT * FROM anomalies WHERE env_id = ? AND anomaly_id = ?').get(envId, anomalyId) as
      | AnomalyRow
      | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      unit: r.unit,
      series: JSON.parse(r.series_json),
      causes: JSON.parse(r.causes_json),
      runIds: JSON.parse(r.run_ids_json),
    };
  }

  risks(envId: string, dagId: string | undefined, limit: number): RiskItem[] {
    const rows = this.db
      .prepare(
        `SELECT dag_id, task_id, probability, reasons_json, late_probability, late_reasons_json FROM task_risks
                WHERE env_id = @envId ${dagId === undefined ? '' : 'AND dag_id = @dagId'} ORDER BY probability DESC LIMIT @limit`,
      )
      .all({ envId, dagId, limit }) as {
      dag_id: string;
      task_id: string;
      probability: number;
      reasons_json: string;
      late_probability: number | null;
      late_reasons_json: string;
    }[];
    return rows.map((r) => {
      const reasons = JSON.parse(r.reasons_json) as RiskItem['reasons'];
      const lateReasons = JSON.parse(r.late_reasons_json) as RiskItem['lateReasons'];
      const pct = Math.round(r.probability * 100);
      const late =
        r.late_probability === null
          ? ''
          : `; ${Math.round(r.late_probability * 100)}% likely to finish later than usual${lateReasons.length > 0 ? ` (${lateReasons.map((x) => x.text).join(', ')})` : ''}`;
      return {
        envId,
        dagId: r.dag_id,
        taskId: r.task_id,
        probability: r.probability,
        level: levelOf(r.probability),
        reasons,
        lateProbability: r.late_probability,
        lateReasons,
        summary: `${pct}% likely to fail or need a retry next run${reasons.length > 0 ? `: ${reasons.map((x) => x.text).join(', ')}` : ''}${late}`,
      };
    });
  }

  patterns(envId: string): PatternSummary[] {
    const rows = this.db.prepare('SELECT * FROM error_patterns WHERE env_id = ? ORDER BY last_seen DESC').all(envId) as ErrorPatternRow[];
    return rows.map(toPattern);
  }

  pattern(envId: string, patternId: string): PatternDetail | null {
    const r = this.db.prepare('SELECT * FROM error_patterns WHERE env_id = ? AND pattern_id = ?').get(envId, patternId) as
      | ErrorPatternRow
      | undefined;
    if (!r) return null;
    return { ...toPattern(r), tasks: JSON.parse(r.tasks_json), samples: JSON.parse(r.samples_json) };
  }
}

function toPattern(r: ErrorPatternRow): PatternSummary {
  const tasks = JSON.parse(r.tasks_json) as unknown[];
  return {
    envId: r.env_id,
    patternId: r.pattern_id,
    template: r.template,
    exception: r.exception,
    count: r.count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    isNew: r.is_new === 1,
    taskCount: tasks.length,
    daily: JSON.parse(r.daily_json),
  };
}
