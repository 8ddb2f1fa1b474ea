import type Database from 'better-sqlite3';
import type { RunStateCounts } from '../../../src-shared/api/requests/history';
import { DagRunFiguresQuery, failureRate, sumByState } from '../history/figures/dag-run-figures';
import type { FigureWindow } from '../history/figures/figure-window';
import { FirstRunQuery } from '../history/figures/first-run';
import { TaskFiguresQuery } from '../history/figures/task-figures';

export interface DagWindowStats {
  dagId: string;
  runs: number;
  failedRuns: number;
  lastFailureAt: string | null;
}

export interface WindowTotals {
  runs: number;
  byState: RunStateCounts;
  /** Failed / finished runs; null when none finished. */
  failureRate: number | null;
  failedTasks: number;
  retriedTries: number;
}

/** A report's counts over one environment's window: the figures of history/figures, never counted again here. */
export class WindowStats {
  private readonly dagFigures;
  private readonly taskFigures;
  private readonly firstRun;

  constructor(db: Database.Database) {
    this.dagFigures = new DagRunFiguresQuery(db);
    this.taskFigures = new TaskFiguresQuery(db);
    this.firstRun = new FirstRunQuery(db);
  }

  /** When the environment's oldest cached run happened (the run time of history/run-time), or null with no runs. */
  firstRunAt(envId: string): string | null {
    return this.firstRun.at(envId);
  }

  totals(envId: string, w: FigureWindow): WindowTotals {
    const byState = sumByState(this.dagFigures.perDag(envId, w).values());
    const tasks = this.taskFigures.inWindow(envId, w);
    return {
      runs: byState.queued + byState.running + byState.success + byState.failed,
      byState,
      failureRate: failureRate(byState.failed, byState.success + byState.failed),
      failedTasks: tasks.failedTaskInstances,
      retriedTries: tasks.retriedTries,
    };
  }

  /** Every DAG that ran in the window, most failed runs first. */
  dags(envId: string, w: FigureWindow): DagWindowStats[] {
    return [...this.dagFigures.perDag(envId, w).values()]
      .map((f) => ({ dagId: f.dagId, runs: f.runs, failedRuns: f.byState.failed, lastFailureAt: f.lastFailureAt }))
      .sort((a, b) => b.failedRuns - a.failedRuns || a.dagId.localeCompare(b.dagId));
  }
}
