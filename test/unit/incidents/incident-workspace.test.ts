import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { IncidentFile } from '../../../src-shared/domain/incidents';
import { AuditLog } from '../../../src-main/services/actions/audit-log';
import { AnalyticsStore } from '../../../src-main/services/analytics/analytics-store';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { IncidentService } from '../../../src-main/services/incidents/incident-service';
import { TaskInvestigator } from '../../../src-main/services/investigate/task-investigation';
import { aFailedRun, scoredDemo, type ScoredDemo } from '../reports/report-fixture';
import { makeTempDir } from '../temp-dir';

const serviceOver = (db: ScoredDemo['db']): IncidentService =>
  new IncidentService(db, new AnalyticsStore(db), new TaskInvestigator(db), new AuditLog(db));

describe('the incident workspace on a real SQLite cache', () => {
  let demo: ScoredDemo;
  beforeAll(async () => {
    demo = await scoredDemo({ dags: 12, days: 30 });
  });
  afterAll(() => demo.dispose());

  it('opens an incident from a failed run, pins a log excerpt, an anomaly, a view and a Cypher result, and builds the timeline', () => {
    const incidents = serviceOver(demo.db);
    const { dagId, runId } = aFailedRun(demo);
    const created = incidents.create('demo', undefined, { kind: 'run', envId: 'demo', dagId, runId });
    expect(created.title).toContain(runId);
    expect(created.pinCount).toBe(1);

    const log = demo.db
      .prepare("SELECT task_id, map_index, try_number, content FROM task_logs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? LIMIT 1")
      .get(dagId, runId) as { task_id: string; map_index: number; try_number: number; content: string } | undefined;
    expect(log).toBeDefined();
    const excerpt = incidents.pin(created.id, {
      kind: 'log_excerpt',
      envId: 'demo',
      dagId,
      runId,
      taskId: log?.task_id ?? '',
      mapIndex: log?.map_index ?? -1,
      tryNumber: log?.try_number ?? 1,
      fromLine: 2,
      toLine: 4,
    });
    expect(excerpt.snapshot.body).toBe((log?.content ?? '').split(/\r?\n/).slice(1, 4).join('\n'));

    const anomaly =
      new AnalyticsStore(demo.db).list({ envId: 'demo', dagId, limit: 1 }).items[0] ??
      new AnalyticsStore(demo.db).list({ envId: 'demo', limit: 1 }).items[0];
    expect(anomaly).toBeDefined();
    expect(() => incidents.pin(created.id, { kind: 'anomaly', envId: 'other', anomalyId: anomaly?.anomalyId ?? '' })).toThrow(ApiError);
    incidents.pin(created.id, { kind: 'anomaly', envId: 'demo', anomalyId: anomaly?.anomalyId ?? '' });
    incidents.pin(created.id, {
      kind: 'view',
      view: 'lineage',
      envId: 'demo',
      route: `#/lineage?dag=${encodeURIComponent(dagId)}`,
      title: 'Lineage around the failure',
    });
    incidents.pin(created.id, {
      kind: 'cypher_result',
      cypher: 'MATCH (d:Dag) RETURN d.dagId LIMIT 2',
      columns: ['d.dagId'],
      rows: [[dagId], ['<img src=x onerror=alert(1)>']],
      source: 'embedded',
    });
    incidents.note(created.id, 'Upstream warehouse was down; cleared after it came back.');
    incidents.update(created.id, { status: 'mitigated' });

    const timeline = incidents.timeline(created.id);
    const kinds = new Set(timeline.map((e) => e.kind));
    for (const kind of ['pin', 'anomaly', 'note', 'status', 'first_failure', 'failure'] as const) expect(kinds, kind).toContain(kind);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());
    expect(timeline.find((e) => e.kind === 'status')?.text).toMatch(/from open to mitigated/);
    expect(incidents.get(created.id).pins).toHaveLength(5);
  });

  it('exports an incident as one JSON file and imports it on another machine unchanged', () => {
    const incidents = serviceOver(demo.db);
    const { dagId, runId } = aFailedRun(demo);
    const original = incidents.get(incidents.create('demo', 'Billing outage', { kind: 'run', envId: 'demo', dagId, runId }).id);
    incidents.note(original.id, 'first note');
    const before = incidents.get(original.id);
    const file = incidents.export(original.id);
    expect(file.fileName).toBe('incident-Billing-outage.json');
    expect(IncidentFile.safeParse(JSON.parse(file.text)).success).toBe(true);

    const other = makeTempDir();
    const { db } = openCache(join(other.dir, 'cache.sqlite'));
    try {
      const elsewhere = serviceOver(db);
      const imported = elsewhere.import(file.text);
      expect(imported.id).toBe(before.id);
      expect(imported.imported).toBe(true);
      const after = elsewhere.get(imported.id);
      expect({ ...after, imported: false }).toEqual({ ...before, imported: false });
      // Its history is not on this machine: the timeline comes from the pins and notes alone.
      expect(elsewhere.timeline(imported.id).every((e) => e.source === 'pinned' || e.source === 'incident')).toBe(true);
      // Importing again does not overwrite: the copy gets a new id.
      expect(elsewhere.import(file.text).id).not.toBe(before.id);
      // And a re-export round-trips byte for byte apart from the export time.
      const again = JSON.parse(elsewhere.export(imported.id).text) as { exportedAt: string };
      expect({ ...again, exportedAt: '' }).toEqual({ ...(JSON.parse(file.text) as object), exportedAt: '' });
    } finally {
      db.close();
      other.cleanup();
    }
  });

  it('refuses files that are not incidents, and routes that are not app routes', () => {
    const incidents = serviceOver(demo.db);
    expect(() => incidents.import('not json')).toThrow(/not JSON/);
    expect(() => incidents.import('{"format":"something-else"}')).toThrow(/not a valid incident file/);
    const { dagId, runId } = aFailedRun(demo);
    const file = JSON.parse(incidents.export(incidents.create('demo', 'x', { kind: 'run', envId: 'demo', dagId, runId }).id).text) as {
      pins: { snapshot: { route: string } }[];
    };
    const pin = file.pins[0];
    if (pin) pin.snapshot.route = 'javascript:alert(1)';
    expect(() => incidents.import(JSON.stringify(file))).toThrow(ApiError);
  });
});
