import type Database from 'better-sqlite3';
import { AuditLog } from '../actions/audit-log';
import { AnalyticsStore } from '../analytics/analytics-store';
import { GraphService } from '../graph/graph-service';
import { IncidentService } from '../incidents/incident-service';
import { DurationHistoryQuery } from '../investigate/duration-history';
import { TaskInvestigator } from '../investigate/task-investigation';

/** What building a report reads. The engine passes its own services; the CLI builds them over a cache file. */
export interface ReportDeps {
  readonly db: Database.Database;
  readonly analytics: AnalyticsStore;
  readonly durations: DurationHistoryQuery;
  readonly graph: GraphService;
  readonly audit: AuditLog;
  readonly incidents: IncidentService;
}

export function reportDepsOver(db: Database.Database): ReportDeps {
  const analytics = new AnalyticsStore(db);
  const audit = new AuditLog(db);
  return {
    db,
    analytics,
    durations: new DurationHistoryQuery(db),
    graph: new GraphService(db),
    audit,
    incidents: new IncidentService(db, analytics, new TaskInvestigator(db), audit),
  };
}
