import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../../src-main/services/copilot/tools/tool-registry';
import { CitationRegistry } from '../../../src-main/services/copilot/agent/citation-registry';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import { daysUpTo } from '../../../src-main/services/history/figures/figure-window';
import { HistoryQueries } from '../../../src-main/services/history/history-queries';
import { FleetQueries } from '../../../src-main/services/investigate/fleet-queries';
import { TriageStore } from '../../../src-main/services/investigate/triage-store';
import { ReportBuilder } from '../../../src-main/services/reports/build-report';
import { reportDepsOver } from '../../../src-main/services/reports/report-deps';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

interface Seen {
  failedRuns7d: number;
  failedTasks24h: number;
  runs24h: number;
  fleet7d: number;
  triage7d: number;
  report7d: string;
  reportRuns24h: string;
  copilot7d: string;
}

/**
 * A run Airflow no longer returns (deleted, or pruned by `airflow db clean`) stays in the cache marked
 * deleted_upstream; every figure stops counting it and its task instances at once, so "failed runs" and
 * "failed tasks" never disagree about it (issue 14: 3 failed runs beside 4 failed tasks).
 */
describe('a run deleted upstream leaves every figure together', () => {
  let g: Generated;
  let runId = '';
  let dagId = '';

  beforeAll(() => {
    g = generate({ dags: 8, days: 10, seed: 3 });
    // The newest finished run becomes a failed run with two failed task instances, inside the last 24 h.
    const run = g.db
      .prepare(
        "SELECT dag_id, run_id FROM dag_runs WHERE env_id = 'demo' AND state = 'success' AND start_date <= ? ORDER BY start_date DESC LIMIT 1",
      )
      .get(AS_OF) as { dag_id: string; run_id: string };
    ({ dag_id: dagId, run_id: runId } = run);
    g.db.prepare("UPDATE dag_runs SET state = 'failed' WHERE env_id = 'demo' AND dag_id = ? AND run_id = ?").run(dagId, runId);
    g.db
      .prepare(
        "UPDATE task_instances SET state = 'failed' WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id IN (SELECT task_id FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? ORDER BY task_id LIMIT 2)",
      )
      .run(dagId, runId, dagId, runId);
  });
  afterAll(() => g.dispose());

  function seen(): Seen {
    const overview = new HistoryQueries(g.db).overview('demo', AS_OF);
    const fleet = new FleetQueries(g.db).forEnvironment('demo', 'Demo', AS_OF, 3);
    const report = (since: string) => new ReportBuilder(reportDepsOver(g.db)).build({ kind: 'window', envId: 'demo', since }, AS_OF);
    const tool = findTool('list_failures');
    if (!tool) throw new Error('no list_failures');
    const registry = new CitationRegistry();
    const graph = buildGraph(g.db, () => AS_OF);
    const copilot = tool.run(
      { db: g.db, envId: 'demo', asOf: AS_OF, graph: () => graph, cite: (c) => registry.cite(c) },
      tool.input.parse({ days: 7 }),
    ).text;
    return {
      failedRuns7d: overview.failedRuns7d,
      failedTasks24h: overview.failedTasks24h,
      runs24h: Object.values(overview.runs24h).reduce((a, b) => a + b, 0),
      fleet7d: fleet.failed7d.reduce((n, d) => n + d.count, 0),
      triage7d: new TriageStore(g.db).list('demo', daysUpTo(AS_OF, 7), true, 500).unseen,
      report7d: report('7d').figures.find((f) => f.label === 'Failed runs')?.value ?? '',
      reportRuns24h: report('24h').figures.find((f) => f.label === 'DAG runs')?.value ?? '',
      copilot7d: copilot.split(' ')[0] ?? '',
    };
  }

  it('counts the run while Airflow has it, and none of it once Airflow deleted it', () => {
    const before = seen();
    expect(before.failedTasks24h).toBeGreaterThanOrEqual(2);
    expect(before.fleet7d).toBe(before.failedRuns7d);
    expect(before.triage7d).toBe(before.failedRuns7d);
    expect(before.report7d).toBe(String(before.failedRuns7d));
    expect(before.copilot7d).toBe(String(before.failedRuns7d));
    expect(before.reportRuns24h).toBe(String(before.runs24h));

    g.db.prepare("UPDATE dag_runs SET deleted_upstream = 1 WHERE env_id = 'demo' AND dag_id = ? AND run_id = ?").run(dagId, runId);
    const after = seen();
    expect(after).toEqual({
      failedRuns7d: before.failedRuns7d - 1,
      failedTasks24h: before.failedTasks24h - 2,
      runs24h: before.runs24h - 1,
      fleet7d: before.failedRuns7d - 1,
      triage7d: before.failedRuns7d - 1,
      report7d: String(before.failedRuns7d - 1),
      reportRuns24h: String(before.runs24h - 1),
      copilot7d: before.failedRuns7d - 1 === 0 ? 'No' : String(before.failedRuns7d - 1),
    });
    // The run itself is still in the cache, with its task instances.
    expect(new HistoryQueries(g.db).run('demo', dagId, runId)?.taskInstances.filter((t) => t.state === 'failed')).toHaveLength(2);
  });

  it('lists the run only under "gone from Airflow", and its own page says Airflow no longer has it', () => {
    const history = new HistoryQueries(g.db);
    const live = history.runs({ envId: 'demo', dagId, limit: 1000 });
    const gone = history.runs({ envId: 'demo', dagId, gone: true, limit: 1000 });
    expect(live.some((r) => r.runId === runId)).toBe(false);
    expect(gone.map((r) => [r.runId, r.goneUpstream])).toEqual([[runId, true]]);
    expect(live.every((r) => !r.goneUpstream)).toBe(true);
    expect(history.run('demo', dagId, runId)?.run.goneUpstream).toBe(true);
  });
});
