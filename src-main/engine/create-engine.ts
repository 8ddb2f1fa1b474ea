import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ActionService } from '../services/actions/action-service';
import { AuditLog } from '../services/actions/audit-log';
import { AnalyticsService } from '../services/analytics/analytics-service';
import { EmbeddingService } from '../services/analytics/embeddings/embedding-service';
import { EmbeddingSettingsFile } from '../services/analytics/embeddings/embedding-settings-file';
import { IncidentService } from '../services/incidents/incident-service';
import { ReportService } from '../services/reports/report-service';
import { MonitoringService } from '../services/monitoring/monitoring-service';
import { MonitoringSettingsStore } from '../services/monitoring/monitoring-settings-store';
import { SlackNotifier } from '../services/slack/slack-notifier';
import { slackRuleChannel } from '../services/slack/slack-rule-channel';
import { RuleService } from '../services/rules/rule-service';
import { EnvironmentStore } from '../services/cache/environment-store';
import { createCopilot } from '../services/copilot/create-copilot';
import { openCredentials } from '../services/credentials/open-credentials';
import { redactSecrets } from '../services/credentials/secret-redaction';
import { EnvironmentService } from '../services/environments/environment-service';
import { SourceRegistry } from '../services/sync/source-registry';
import { SyncScheduler } from '../services/sync/sync-scheduler';
import { openCache } from '../services/cache/open-cache';
import { rescueUserData } from '../services/cache/user-data/user-data-rescue';
import { snapshotFiles } from '../services/cache/user-data/user-data-snapshot';
import { UserDataBackup } from '../services/cache/user-data/user-data-backup';
import { DEMO_ENV_ID, defaultDemoAsOf } from '../services/demo/demo-environment';
import { buildDemoInBackground } from '../services/demo/demo-in-background';
import { GraphService } from '../services/graph/graph-service';
import { Neo4jService } from '../services/graph/neo4j/neo4j-service';
import { Neo4jSettingsFile } from '../services/graph/neo4j/neo4j-settings-file';
import { HistoryQueries } from '../services/history/history-queries';
import { PaletteSearch } from '../services/palette/palette-search';
import { InvestigationService } from '../services/investigate/investigation-service';
import { FailureBriefService } from '../services/failure-brief/failure-brief-service';
import { JobRegistry } from '../services/jobs/job-registry';
import { JOB_CHANGES } from '../../src-shared/api/requests/jobs';
import { SettingsFile } from '../services/settings/settings-file';
import { createDispatcher, type Handlers } from './dispatcher';
import type { Engine, EngineOptions } from './engine';
import { environmentGuard, type EngineContext } from './engine-context';
import { EventBus } from './event-bus';
import { actionHandlers } from './handlers/action-handlers';
import { analyticsHandlers } from './handlers/analytics-handlers';
import { appHandlers } from './handlers/app-handlers';
import { copilotHandlers } from './handlers/copilot-handlers';
import { environmentHandlers } from './handlers/environment-handlers';
import { graphHandlers } from './handlers/graph-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { investigateHandlers } from './handlers/investigate-handlers';
import { failureBriefHandlers } from './handlers/failure-brief-handlers';
import { incidentHandlers } from './handlers/incident-handlers';
import { reportHandlers } from './handlers/report-handlers';
import { monitoringHandlers } from './handlers/monitoring-handlers';
import { rulesHandlers } from './handlers/rules-handlers';
import { embeddingHandlers } from './handlers/embedding-handlers';
import { scoringHost, scoringHostEntry } from '../services/analytics/scoring-host/scoring-host-backend';

export const CACHE_FILE_NAME = 'cache.sqlite';
export const SETTINGS_FILE_NAME = 'settings.json';
export { CREDENTIALS_FILE_NAME, KEY_FILE_NAME } from '../services/credentials/open-credentials';
export const NEO4J_FILE_NAME = 'neo4j.json';
export const EMBEDDINGS_FILE_NAME = 'embeddings.json';

/**
 * The composition root: opens the cache, builds every service once, and
 * binds them to the API contract. Transports (IPC, HTTP) only see `Engine`.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  // Every log line passes the one redaction point: no secret the app holds is ever logged.
  const sink = options.log ?? (() => undefined);
  const log = (message: string): void => sink(redactSecrets(message));
  const cacheFile = join(options.dataDir, CACHE_FILE_NAME);
  const cacheExisted = existsSync(cacheFile);
  const cache = openCache(cacheFile);
  if (cache.recoveredFrom) log(`The cache failed its integrity check and was moved to ${cache.recoveredFrom}; a new one was created.`);
  // What the person wrote survives a damaged or lost cache: read back from the damaged file, then from the newest snapshots.
  if (cache.recoveredFrom !== null || !cacheExisted) {
    const rescue = rescueUserData(cache.db, [
      ...(cache.recoveredFrom === null ? [] : [cache.recoveredFrom]),
      ...snapshotFiles(options.dataDir),
    ]);
    const rows = Object.values(rescue.restored).reduce((a, n) => a + n, 0);
    if (rows > 0) log(`Restored ${rows} user-authored rows from ${rescue.sources.join(', ')}.`);
  }
  const userBackup = new UserDataBackup(
    cache.db,
    options.dataDir,
    (file) => new Database(file, { readonly: true, fileMustExist: true }),
    log,
  );
  const settingsFile = new SettingsFile(join(options.dataDir, SETTINGS_FILE_NAME));
  const loaded = settingsFile.load();
  if (loaded.movedAside) log(`Unreadable settings were moved to ${loaded.movedAside}; defaults are in use.`);

  const events = new EventBus();
  const environments = new EnvironmentStore(cache.db);
  // A job's end announces what its kind declares it may have written (a sync: the history; a scoring: the analytics).
  const jobs = new JobRegistry(
    (job) => events.emit('jobs.progress', job),
    (job) => {
      if (JOB_CHANGES[job.kind].length > 0) events.emit('data.changed', { topics: [...JOB_CHANGES[job.kind]], envId: job.envId });
    },
  );
  // A damaged credentials.json or secret.key is moved aside (app.info says so) rather than stopping the start.
  const { vault, recovered: recoveredFiles } = openCredentials(options.dataDir, options.cipher);
  for (const r of recoveredFiles) log(`${r.file} was moved to ${r.movedTo}: ${r.meaning}`);
  vault.rememberAll().catch(() => undefined);
  const envs = new EnvironmentService(cache.db, environments, vault);
  const graph = new GraphService(cache.db);
  const neo4j = new Neo4jService(new Neo4jSettingsFile(join(options.dataDir, NEO4J_FILE_NAME)), vault, jobs, graph);
  const sources = new SourceRegistry(envs);
  const slack = new SlackNotifier(vault, (envId) => envs.get(envId).name);
  const monitoring = new MonitoringService(new MonitoringSettingsStore(cache.db), slack);
  // Rules run right after each scoring (after every sync, and once the Demo is built); rules asking for Slack post through the environment's SlackNotifier.
  const rules = new RuleService({
    db: cache.db,
    onNotification: (n) => events.emit('notifications.new', n),
    external: [slackRuleChannel(slack)],
    log,
  });
  // Failure excerpts are embedded (when a local embedding model is configured) right after each scoring: only new failures.
  const embeddings = new EmbeddingService({
    db: cache.db,
    settingsFile: new EmbeddingSettingsFile(join(options.dataDir, EMBEDDINGS_FILE_NAME)),
    jobs,
    envIds: () => envs.list().map((e) => e.id),
    envName: (envId) => envs.list().find((e) => e.id === envId)?.name ?? envId,
    // The embedding job's end announces its analytics (JOB_CHANGES.scoring).
    onEmbedded: () => undefined,
  });
  // Scoring reads a year of history and trains two models: in its own process, so the engine keeps answering meanwhile.
  const scoringEntry = options.scoringInProcess ? null : scoringHostEntry();
  const analytics = new AnalyticsService(
    cache.db,
    jobs,
    (envId) => {
      embeddings
        .refresh(envId)
        .catch((error: unknown) => log(`embedding ${envId}: ${error instanceof Error ? error.message : String(error)}`));
      const asOf = environments.asOf(envId);
      if (asOf !== null && rules.evaluate(envId, asOf).firings > 0)
        events.emit('data.changed', { topics: ['rules', 'notifications'], envId });
    },
    scoringEntry === null ? undefined : scoringHost(cache.db.name, scoringEntry),
  );
  const rescore = (envId: string): void => {
    const asOf = environments.asOf(envId);
    if (asOf !== null)
      analytics
        .rescore(envId, asOf)
        .catch((error: unknown) => log(`scoring ${envId}: ${error instanceof Error ? error.message : String(error)}`));
  };
  const sync = new SyncScheduler(cache.db, environments, jobs, (envId) => sources.target(envId), rescore);
  const audit = new AuditLog(cache.db);
  // After an action, re-sync so the affected runs show Airflow's new state.
  const actions = new ActionService(cache.db, envs, audit, (envId) => void sync.start(envId, false).done);
  const investigation = new InvestigationService(cache.db);
  const failureBriefs = new FailureBriefService({
    db: cache.db,
    runs: investigation.runs,
    tasks: investigation.tasks,
    graph: () => graph.graph,
    similar: (q) => embeddings.similar(q),
  });
  const copilot = createCopilot({
    db: cache.db,
    dataDir: options.dataDir,
    jobs,
    emit: (name, payload) => events.emit(name, payload),
    asOf: environmentGuard(environments),
    graph: () => graph.graph,
    similarFailures: (q) => embeddings.similar(q),
    brief: (run, asOf) => failureBriefs.brief(run, asOf),
    launcher: options.llmLauncher,
  });
  const incidents = new IncidentService(cache.db, analytics.store, investigation.tasks, audit);
  // PDF through headless Chromium unless the shell injects a printer (the desktop app: Electron's printToPDF in main).
  const reports = new ReportService(
    { db: cache.db, analytics: analytics.store, durations: investigation.durations, graph, audit, incidents },
    options.pdf,
  );
  const ctx: EngineContext = {
    ...copilot,
    options,
    cache,
    recoveredFiles,
    envs,
    sources,
    sync,
    audit,
    actions,
    history: new HistoryQueries(cache.db),
    palette: new PaletteSearch(cache.db),
    vault,
    graph,
    neo4j,
    investigation,
    failureBriefs,
    incidents,
    reports,
    analytics,
    embeddings,
    monitoring,
    slack,
    rules,
    jobs,
    events,
    settings: loaded.settings,
    saveSettings(next) {
      settingsFile.save(next);
      (ctx as { settings: typeof next }).settings = next;
    },
    requireEnvironment: environmentGuard(environments),
  };

  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...actionHandlers(ctx),
    ...environmentHandlers(ctx),
    ...historyHandlers(ctx),
    ...graphHandlers(ctx),
    ...investigateHandlers(ctx),
    ...failureBriefHandlers(ctx),
    ...copilotHandlers(ctx),
    ...analyticsHandlers(ctx),
    ...incidentHandlers(ctx),
    ...reportHandlers(ctx),
    ...monitoringHandlers(ctx),
    ...rulesHandlers(ctx),
    ...embeddingHandlers(ctx),
  };
  const dispatch = createDispatcher(handlers, {
    validateOutput: options.validateOutput ?? false,
    resolveEnvironment: (envId) => ({ id: envId, asOf: ctx.requireEnvironment(envId) }),
    announce: (topics, envId) => events.emit('data.changed', { topics: [...topics], envId }),
    onUnexpectedError: (name, error) => log(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  for (const env of envs.list()) {
    if (!env.synthetic) sync.schedule(env.id, envs.settings(env.id).syncIntervalMin);
  }

  // The Demo is built in its own process while the engine already answers (the UI shows its frame and the job's progress).
  const demo =
    (options.demo ?? true) ? buildDemoInBackground(cache.db, cacheFile, environments, jobs, options.demoAsOf ?? defaultDemoAsOf()) : null;
  userBackup.start();
  // Score every environment whose history changed since its last scoring (the Demo right after it is built).
  for (const env of envs.list()) rescore(env.id);
  const ready = (demo?.done ?? Promise.resolve(false)).then(
    (built) => {
      if (built) rescore(DEMO_ENV_ID);
    },
    (error: unknown) => log(`demo: ${error instanceof Error ? error.message : String(error)}`),
  );

  return {
    handle: dispatch,
    subscribe: (listener) => events.subscribe(listener),
    ready,
    async close() {
      demo?.cancel();
      await ready;
      copilot.models.close();
      await sync.close();
      await neo4j.close();
      await analytics.idle();
      analytics.close();
      await embeddings.idle();
      userBackup.close();
      cache.db.close();
    },
  };
}
