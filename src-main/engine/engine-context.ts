import { ApiError } from '../../src-shared/api/errors';
import type { ActionService } from '../services/actions/action-service';
import type { AuditLog } from '../services/actions/audit-log';
import type { AnalyticsService } from '../services/analytics/analytics-service';
import type { EmbeddingService } from '../services/analytics/embeddings/embedding-service';
import type { IncidentService } from '../services/incidents/incident-service';
import type { ReportService } from '../services/reports/report-service';
import type { MonitoringService } from '../services/monitoring/monitoring-service';
import type { SlackNotifier } from '../services/slack/slack-notifier';
import type { RuleService } from '../services/rules/rule-service';
import type { RecoveredFile } from '../../src-shared/api/requests/app';
import type { OpenedCache } from '../services/cache/open-cache';
import type { EnvironmentStore } from '../services/cache/environment-store';
import type { EnvironmentService } from '../services/environments/environment-service';
import type { SourceRegistry } from '../services/sync/source-registry';
import type { SyncScheduler } from '../services/sync/sync-scheduler';
import type { HistoryQueries } from '../services/history/history-queries';
import type { PaletteSearch } from '../services/palette/palette-search';
import type { CredentialVault } from '../services/credentials/credential-vault';
import type { GraphService } from '../services/graph/graph-service';
import type { Neo4jService } from '../services/graph/neo4j/neo4j-service';
import type { InvestigationService } from '../services/investigate/investigation-service';
import type { FailureBriefService } from '../services/failure-brief/failure-brief-service';
import type { JobRegistry } from '../services/jobs/job-registry';
import type { Settings } from '../services/settings/settings-file';
import type { CopilotParts } from '../services/copilot/create-copilot';
import type { EngineOptions } from './engine';
import type { EventBus } from './event-bus';

/** The services one engine instance wires together; handlers receive it (models, conversations, copilot: CopilotParts). */
export interface EngineContext extends CopilotParts {
  readonly options: EngineOptions;
  readonly cache: OpenedCache;
  /** Damaged credential files moved aside on start. */
  readonly recoveredFiles: readonly RecoveredFile[];
  /** Every environment: list, settings, add/update/remove, import/export, and each one's "now" (asOf). */
  readonly envs: EnvironmentService;
  readonly sources: SourceRegistry;
  readonly sync: SyncScheduler;
  readonly audit: AuditLog;
  readonly actions: ActionService;
  readonly history: HistoryQueries;
  /** The command palette's search: DAGs, tasks, error patterns, assets and runs. */
  readonly palette: PaletteSearch;
  /** Secrets of environments and of Neo4j (one vault, one file). */
  readonly vault: CredentialVault;
  /** The embedded lineage graph. */
  readonly graph: GraphService;
  readonly neo4j: Neo4jService;
  readonly investigation: InvestigationService;
  /** The failure brief of a failed run: cause, changes, impact and history, without any model. */
  readonly failureBriefs: FailureBriefService;
  /** Anomaly scoring, error patterns and failure risk. */
  readonly analytics: AnalyticsService;
  /** Similar past failures: a local embedding model when one is configured, else log templates. */
  readonly embeddings: EmbeddingService;
  /** The incident workspace: incidents, pins, notes, timeline, export and import. */
  readonly incidents: IncidentService;
  /** Incident and environment reports as HTML, Markdown and PDF. */
  readonly reports: ReportService;
  /** User rules, their firings and in-app notifications. */
  readonly rules: RuleService;
  /** Prometheus, Alertmanager and Grafana of each environment. */
  readonly monitoring: MonitoringService;
  /** Each environment's Slack webhook (incident summaries, rule notifications). */
  readonly slack: SlackNotifier;
  readonly jobs: JobRegistry;
  readonly events: EventBus;
  readonly settings: Settings;
  saveSettings(settings: Settings): void;
  /** Returns the environment's "now" (asOf) or throws not_found. */
  requireEnvironment(envId: string): string;
}

export function environmentGuard(environments: Pick<EnvironmentStore, 'asOf'>) {
  return (envId: string): string => {
    const asOf = environments.asOf(envId);
    if (asOf === null) {
      throw new ApiError('not_found', `There is no environment "${envId}".`, 'Pick an environment from the switcher.');
    }
    return asOf;
  };
}
