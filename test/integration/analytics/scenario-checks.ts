/** Compares the app's findings and views with what happened in the scenario. */
import type Database from 'better-sqlite3';
import type { AnomalyDetail, AnomalyKind } from '../../../src-shared/domain/analytics';
import { HistoryQueries } from '../../../src-main/services/history/history-queries';
import { DagGridQuery } from '../../../src-main/services/investigate/dag-grid';
import { TaskInvestigator } from '../../../src-main/services/investigate/task-investigation';
import { countByState, type ScenarioTruth } from './scenario-truth';

/** A finding reduced to what must be the same on Airflow 2 and 3: kind, task, and the slots of its runs. */
export function signature(f: AnomalyDetail, slotOf: (runId: string) => string | undefined): string {
  const slots = f.runIds.map((r) => slotOf(r) ?? `?${r}`).sort();
  return `${f.kind} ${f.dagId}.${f.taskId ?? '-'} [${slots.join(', ')}]`;
}

/** Every "<n> failed tries" / "<n> failed runs" a finding's text claims. */
export function claimedCounts(f: AnomalyDetail): { tries: number[]; runs: number[] } {
  const text = `${f.title} ${f.observed} ${f.expected} ${f.why}`;
  const all = (re: RegExp): number[] => [...text.matchAll(re)].map((m) => Number(m[1]));
  return {
    tries: all(/\b(\d+) failed tr(?:y|ies)\b/gi),
    runs: all(/\bfailed (\d+) runs?\b|\b(\d+) failed runs?\b/gi).filter((n) => Number.isFinite(n)),
  };
}

export function findingText(f: AnomalyDetail): string {
  return `${f.title} ${f.observed} ${f.expected} ${f.why}`;
}

export function ofKinds(
  findings: readonly AnomalyDetail[],
  dagId: string,
  taskId: string | null,
  kinds: readonly AnomalyKind[],
): AnomalyDetail[] {
  return findings.filter((f) => f.dagId === dagId && (taskId === null || f.taskId === taskId) && kinds.includes(f.kind));
}

/** What the app's views say for a DAG: its runs by state (run list), and per task the highest try of each cell (grid). */
export function viewCounts(
  db: Database.Database,
  envId: string,
  dagId: string,
  taskId: string,
): { runsByState: Record<string, number>; tries: Map<string, number> } {
  const runs = new HistoryQueries(db).runs({ envId, dagId, limit: 10_000 });
  const grid = new DagGridQuery(db).grid(envId, dagId, '1970-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z', 10_000);
  const column = grid.tasks.findIndex((t) => t.taskId === taskId);
  const tries = new Map<string, number>();
  for (const r of grid.runs) if (column >= 0) tries.set(r.runId, r.tries[column] ?? 0);
  return { runsByState: countByState(runs), tries };
}

/** The tries the task view lists for one task instance, with their states. */
export function viewTries(db: Database.Database, envId: string, dagId: string, runId: string, taskId: string): string[] {
  return new TaskInvestigator(db).investigate({ envId, dagId, runId, taskId, mapIndex: -1 })?.tries.map((t) => t.state) ?? [];
}

export function slotLookup(truth: ScenarioTruth): (runId: string) => string | undefined {
  const slots = new Map<string, string>();
  for (const d of truth.dags.values()) for (const r of d.runs) if (r.slot) slots.set(`${r.runId}`, r.slot);
  return (runId) => slots.get(runId);
}
