import type Database from 'better-sqlite3';
import { DagGridQuery } from './dag-grid';
import { DagRunStatsQuery } from './dag-run-stats';
import { DurationHistoryQuery } from './duration-history';
import { FleetQueries } from './fleet-queries';
import { GridMapIndexQuery } from './grid-map-indexes';
import { RunComparer } from './run-comparison';
import { RunInvestigator } from './run-investigation';
import { TaskInvestigator } from './task-investigation';
import { TimelineQuery } from './timeline-query';
import { TriageStore } from './triage-store';

/** The incident-investigation questions over the cache, prepared once per engine. */
export class InvestigationService {
  readonly fleet: FleetQueries;
  readonly triage: TriageStore;
  readonly runs: RunInvestigator;
  readonly tasks: TaskInvestigator;
  readonly grid: DagGridQuery;
  readonly gridMapIndexes: GridMapIndexQuery;
  readonly dagStats: DagRunStatsQuery;
  readonly durations: DurationHistoryQuery;
  readonly compare: RunComparer;
  readonly timeline: TimelineQuery;

  constructor(db: Database.Database) {
    this.fleet = new FleetQueries(db);
    this.triage = new TriageStore(db);
    this.runs = new RunInvestigator(db, this.triage);
    this.tasks = new TaskInvestigator(db);
    this.grid = new DagGridQuery(db);
    this.gridMapIndexes = new GridMapIndexQuery(db);
    this.dagStats = new DagRunStatsQuery(db);
    this.durations = new DurationHistoryQuery(db);
    this.compare = new RunComparer(db);
    this.timeline = new TimelineQuery(db);
  }
}
