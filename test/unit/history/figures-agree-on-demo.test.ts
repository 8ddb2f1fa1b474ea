import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/api/contract';
import { CACHE_FILE_NAME, createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { CitationRegistry } from '../../../src-main/services/copilot/agent/citation-registry';
import { findTool } from '../../../src-main/services/copilot/tools/tool-registry';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import { TaskTroubleQuery } from '../../../src-main/services/history/figures/task-trouble';
import { ReportBuilder } from '../../../src-main/services/reports/build-report';
import { reportDepsOver } from '../../../src-main/services/reports/report-deps';
import type { ReportModel } from '../../../src-main/services/reports/report-model';
import { renderMarkdown } from '../../../src-main/services/reports/render-markdown';
import { makeTempDir } from '../temp-dir';

const AS_OF = '2025-06-02T12:00:00.000Z';
const DAY = 86_400_000;
const before = (days: number): string => new Date(Date.parse(AS_OF) - days * DAY).toISOString();

type Caller = <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestOutput<N>>;

const figure = (m: ReportModel, label: string): string => m.figures.find((f) => f.label === label)?.value ?? `no figure "${label}"`;
const num = (text: string): number => Number(text.replace(/,/g, ''));
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A count per key, from a list of keys. */
function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Drops zero counts, so "absent" and "0" compare equal. */
const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

/**
 * The Demo as the engine builds it: every figure the app shows in two places (Overview, DAGs list, runs list, Fleet,
 * triage, reports, the copilot's tools, the risk tooltips) must be the same number for the same window.
 */
describe('every figure agrees with every other on the Demo', () => {
  let engine: Engine;
  let db: Database.Database;
  let cleanup: () => void;
  let call: Caller;
  let report: (since: string) => ReportModel;
  let tool: (name: string, args: unknown) => string;

  beforeAll(async () => {
    const t = makeTempDir('orc-figures-');
    cleanup = t.cleanup;
    engine = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demoAsOf: AS_OF,
      validateOutput: true,
      scoringInProcess: true,
      log: (line) => console.log(line),
    });
    await engine.ready; // the Demo is built in the background
    call = async (name, input) => {
      const result = await engine.handle(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    };
    while ((await call('jobs.list', {})).some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 100));
    db = new Database(join(t.dir, CACHE_FILE_NAME), { readonly: true });
    const builder = new ReportBuilder(reportDepsOver(db));
    report = (since) => builder.build({ kind: 'window', envId: 'demo', since }, AS_OF);
    const graph = buildGraph(db, () => AS_OF);
    tool = (name, args) => {
      const found = findTool(name);
      if (!found) throw new Error(`no tool ${name}`);
      const registry = new CitationRegistry();
      return found.run({ db, envId: 'demo', asOf: AS_OF, graph: () => graph, cite: (c) => registry.cite(c) }, found.input.parse(args)).text;
    };
  }, 240_000);

  afterAll(async () => {
    db?.close();
    await engine?.close();
    cleanup?.();
  });

  it('runs of the last 24 h by state: Overview, runs list and the 24 h report', async () => {
    const overview = await call('overview.get', { envId: 'demo' });
    const runs = await call('runs.list', { envId: 'demo', since: before(1), limit: 1000 });
    expect(runs.length).toBeLessThan(1000);
    const total = sum(Object.values(overview.runs24h));
    expect(total).toBeGreaterThan(100);
    expect(nonZero(tally(runs.map((r) => r.state)))).toEqual(nonZero(overview.runs24h));
    expect(nonZero(tally(runs.map((r) => r.dagId)))).toEqual(nonZero(Object.fromEntries(overview.dags.map((d) => [d.dagId, d.runs24h]))));
    expect(sum(overview.dags.map((d) => d.failed24h))).toBe(overview.runs24h.failed);
    const day = report('24h');
    expect(num(figure(day, 'DAG runs'))).toBe(total);
    expect(num(figure(day, 'Failed runs'))).toBe(overview.runs24h.failed);
    expect(day.summary[0]).toContain(`${total.toLocaleString('en-US')} DAG run`);
    expect(day.summary[0]).toContain(`${overview.runs24h.success} succeeded and ${overview.runs24h.failed} failed`);
  });

  it('failed runs of the last 7 days: Overview, Fleet, triage, runs list, the 7 d report and the copilot', async () => {
    const overview = await call('overview.get', { envId: 'demo' });
    const fleet = (await call('fleet.overview', { envId: 'demo' })).envs[0];
    if (!fleet) throw new Error('no fleet entry for the Demo');
    const triage = await call('triage.list', { envId: 'demo', days: 7, includeSeen: true, limit: 500 });
    const failedRuns = await call('runs.list', { envId: 'demo', states: ['failed'], since: before(7), limit: 1000 });
    const week = report('7d');
    const n = overview.failedRuns7d;
    expect(n).toBeGreaterThan(0);
    expect(sum(overview.dags.map((d) => d.failed7d))).toBe(n);
    expect(sum(fleet.failed7d.map((d) => d.count))).toBe(n);
    expect(triage.unseen).toBe(n);
    expect(triage.items.length).toBe(n);
    expect(failedRuns.length).toBe(n);
    expect(num(figure(week, 'Failed runs'))).toBe(n);
    expect(sum(week.affectedDags.map((d) => d.failedRuns))).toBe(n);
    expect(tool('list_failures', { days: 7 })).toMatch(new RegExp(`^${n} failed runs? in the last 7 days`));
    // The same runs, not only the same number.
    const key = (r: { dagId: string; runId: string }): string => `${r.dagId} ${r.runId}`;
    expect(triage.items.map(key).sort()).toEqual(failedRuns.map(key).sort());
    // The same runs per DAG wherever a page counts them per DAG.
    const perDag = nonZero(Object.fromEntries(overview.dags.map((d) => [d.dagId, d.failed7d])));
    expect(nonZero(Object.fromEntries(fleet.failed7d.map((d) => [d.dagId, d.count])))).toEqual(perDag);
    expect(nonZero(Object.fromEntries(week.affectedDags.map((d) => [d.dagId, d.failedRuns])))).toEqual(perDag);
    expect(nonZero(tally(failedRuns.map((r) => r.dagId)))).toEqual(perDag);
  });

  it('failed runs of the last 24 h: Overview, Fleet, triage, the 24 h report and the copilot', async () => {
    const overview = await call('overview.get', { envId: 'demo' });
    const fleet = (await call('fleet.overview', { envId: 'demo' })).envs[0];
    const triage = await call('triage.list', { envId: 'demo', days: 1, includeSeen: true, limit: 500 });
    const day = report('24h');
    const n = overview.runs24h.failed;
    expect(sum(fleet?.failed24h.map((d) => d.count) ?? [])).toBe(n);
    expect(triage.unseen).toBe(n);
    expect(num(figure(day, 'Failed runs'))).toBe(n);
    expect(tool('list_failures', { days: 1 })).toMatch(new RegExp(`^${n === 0 ? 'No' : n} failed runs? in the last 1 day`));
  });

  for (const since of ['24h', '7d', '30d']) {
    it(`the ${since} report says the same thing in its summary, its figures and its tables`, () => {
      const m = report(since);
      const failed = num(figure(m, 'Failed runs'));
      const failing = m.affectedDags.filter((d) => d.failedRuns > 0);
      expect(num(figure(m, 'DAGs failing'))).toBe(failing.length);
      expect(sum(m.affectedDags.map((d) => d.failedRuns))).toBe(failed);
      if (failed === 0) expect(m.summary.join(' ')).toContain('No DAG failed');
      else expect(m.summary.join(' ')).not.toContain('No DAG failed');
      // The durations table's "Failed" column counts the report's window, as the affected DAGs table does.
      const markdown = renderMarkdown(m);
      const durations = markdown.slice(markdown.indexOf('## Durations'), markdown.indexOf('## Anomalies'));
      const failedOf = new Map(m.affectedDags.map((d) => [d.dagId, d.failedRuns]));
      for (const row of durations.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| DAG') && !l.startsWith('| ---'))) {
        const cells = row.split('|').map((c) => c.trim());
        expect(Number(cells[3]), row).toBe(failedOf.get((cells[1] ?? '').replace(/\\(.)/g, '$1')) ?? 0);
      }
    });
  }

  it('failed task instances of the last 24 h and 3 days: Overview, reports and the runs themselves', async () => {
    const overview = await call('overview.get', { envId: 'demo' });
    expect(report('24h').summary.join(' ')).toContain(`${overview.failedTasks24h} task instance`);
    // Every failed task instance of the runs of 3 days, read run by run.
    const runs = await call('runs.list', { envId: 'demo', since: before(3), limit: 1000 });
    expect(runs.length).toBeLessThan(1000);
    let failedTis = 0;
    for (const r of runs) {
      failedTis += (await call('runs.get', { envId: 'demo', dagId: r.dagId, runId: r.runId })).taskInstances.filter(
        (t) => t.state === 'failed',
      ).length;
    }
    expect(failedTis).toBeGreaterThan(0);
    expect(report('3d').summary.join(' ')).toContain(`${failedTis} task instance`);
  });

  it('failure rate of each DAG over 30 days: DAGs list and the 30 d report', async () => {
    const list = await call('dags.list', { envId: 'demo', days: 30, runs: 1 });
    const month = report('30d');
    const failedOf = new Map(month.affectedDags.map((d) => [d.dagId, d.failedRuns]));
    let failedTotal = 0;
    let finishedTotal = 0;
    for (const d of list.dags) {
      const failed = Math.round((d.stats.failureRate ?? 0) * d.stats.finishedRuns);
      expect(failed, d.dagId).toBe(failedOf.get(d.dagId) ?? 0);
      failedTotal += failed;
      finishedTotal += d.stats.finishedRuns;
    }
    expect(failedTotal).toBeGreaterThan(0);
    expect(figure(month, 'Failure rate')).toBe(`${((100 * failedTotal) / finishedTotal).toFixed(1)}%`);
  });

  it('failure rate of each DAG over 30 days: DAGs list and the lineage graph', async () => {
    const list = await call('dags.list', { envId: 'demo', days: 30, runs: 1 });
    const lineage = await call('lineage.view', { envId: 'demo', scope: { kind: 'environment', expand: false } });
    const rateOf = new Map(lineage.nodes.filter((n) => n.kind === 'dag').map((n) => [n.dagId ?? n.name, n.failureRate]));
    expect(rateOf.size).toBe(list.dags.length);
    for (const d of list.dags) expect(rateOf.get(d.dagId), d.dagId).toBeCloseTo(d.stats.failureRate ?? 0, 4);
  });

  it("the risk tooltips state no DAG failure rate other than the DAGs list's", async () => {
    const risks = await call('risks.list', { envId: 'demo' });
    const list = await call('dags.list', { envId: 'demo', days: 30, runs: 1 });
    const rateOf = new Map(list.dags.map((d) => [d.dagId, d.stats.failureRate]));
    const texts = risks.flatMap((r) => r.reasons.map((reason) => ({ dagId: r.dagId, text: reason.text })));
    expect(texts.length).toBeGreaterThan(0);
    for (const { dagId, text } of texts) {
      const pct = /([\d.]+)\s?% of its runs/.exec(text);
      if (pct) expect(`${dagId}: ${pct[1]}%`).toBe(`${dagId}: ${((rateOf.get(dagId) ?? 0) * 100).toFixed(1)}%`);
    }
    // The long-run reason counts the task's own instances, the same ones the cache holds.
    const trouble = new TaskTroubleQuery(db);
    let longRun = 0;
    for (const r of risks) {
      for (const reason of r.reasons) {
        const counts = /failed or needed a retry in (\d+) of its last (\d+) runs/.exec(reason.text);
        if (!counts || r.taskId === null) continue;
        longRun += 1;
        const actual = trouble.lastRuns('demo', r.dagId, r.taskId, Number(counts[2]));
        expect(`${r.dagId}.${r.taskId}: ${counts[1]} of ${counts[2]}`).toBe(`${r.dagId}.${r.taskId}: ${actual.troubled} of ${actual.runs}`);
      }
    }
    expect(longRun).toBeGreaterThan(0);
  });
});
