import type { Driver } from 'neo4j-driver';
import { ApiError } from '../../../../src-shared/api/errors';
import type { CypherOutcome, QueryResult } from '../../../../src-shared/domain/graph-query';
import type { Neo4jInput, Neo4jStatus, Neo4jTestResult } from '../../../../src-shared/domain/neo4j';
import type { CredentialVault } from '../../credentials/credential-vault';
import type { JobRegistry } from '../../jobs/job-registry';
import type { GraphService } from '../graph-service';
import type { SavedQueryDef } from '../queries/saved-query-def';
import { Neo4jSettingsFile, type StoredNeo4j } from './neo4j-settings-file';
import { openDriver, type Neo4jConnection } from './open-driver';
import { runCypher, type CypherRequest } from './run-cypher';
import { runSavedOnNeo4j } from './run-saved-on-neo4j';
import { Neo4jSyncCancelled, syncToNeo4j, type SyncOutcome } from './sync-to-neo4j';
import { testNeo4j } from './test-neo4j';

/** The vault key of the Neo4j password; a colon keeps it apart from every environment id. */
export const NEO4J_VAULT_KEY = 'graph:neo4j';
export const SAVED_QUERY_TIMEOUT_MS = 30_000;

const notConfigured = (): ApiError =>
  new ApiError(
    'unavailable',
    'No Neo4j is configured.',
    'Add one in Settings → Neo4j; saved queries still answer from the embedded graph.',
  );

/** The user's Neo4j: its settings (password in the vault), the sync job, and the console. */
export class Neo4jService {
  private driver: Driver | null = null;
  private running: { controller: AbortController; jobId: string; done: Promise<SyncOutcome | null> } | null = null;

  constructor(
    private readonly file: Neo4jSettingsFile,
    private readonly vault: CredentialVault,
    private readonly jobs: JobRegistry,
    private readonly graphs: GraphService,
  ) {}

  status(): Neo4jStatus {
    const s = this.file.load();
    return {
      configured: s !== null,
      url: s?.url ?? null,
      user: s?.user ?? null,
      database: s?.database ?? null,
      passwordConfigured: this.vault.has(NEO4J_VAULT_KEY),
      lastSync: s?.lastSync ?? null,
      syncing: this.running !== null,
    };
  }

  get configured(): boolean {
    return this.file.load() !== null;
  }

  async test(draft: Neo4jInput | null): Promise<Neo4jTestResult> {
    return testNeo4j(draft === null ? await this.connection() : await this.draftConnection(draft));
  }

  /** Saves only a connection whose test passes. */
  async save(input: Neo4jInput): Promise<{ status: Neo4jStatus; test: Neo4jTestResult }> {
    const connection = await this.draftConnection(input);
    const test = await testNeo4j(connection);
    if (!test.ok) return { status: this.status(), test };
    if (input.password !== undefined) await this.vault.set(NEO4J_VAULT_KEY, { password: input.password });
    const previous = this.file.load();
    const same = previous?.url === input.url && previous.database === input.database;
    this.file.save({ version: 1, url: input.url, user: input.user, database: input.database, lastSync: same ? previous.lastSync : null });
    await this.closeDriver();
    return { status: this.status(), test };
  }

  async remove(): Promise<Neo4jStatus> {
    this.cancel();
    await this.running?.done;
    this.file.save(null);
    this.vault.remove(NEO4J_VAULT_KEY);
    await this.closeDriver();
    return this.status();
  }

  /** Starts a sync unless one runs; returns its job id. */
  startSync(): { jobId: string; done: Promise<SyncOutcome | null> } {
    if (this.running) return { jobId: this.running.jobId, done: this.running.done };
    const settings = this.requireSettings();
    const controller = new AbortController();
    const job = this.jobs.start('graph', null, 'Syncing the lineage graph to Neo4j');
    const done = (async (): Promise<SyncOutcome | null> => {
      try {
        const outcome = await syncToNeo4j(await this.openedDriver(), this.graphs.graph, {
          database: settings.database,
          signal: controller.signal,
          onProgress: (d, total, message) => job.progress(d, total > 0 ? total : null, message),
        });
        const current = this.file.load();
        if (current) {
          this.file.save({
            ...current,
            lastSync: { at: new Date().toISOString(), nodes: outcome.nodes, rels: outcome.rels, written: outcome.written, ms: outcome.ms },
          });
        }
        job.succeed(outcome.written === 0 ? 'Neo4j is up to date' : `${outcome.written} nodes and relationships written`);
        return outcome;
      } catch (error) {
        job.fail(
          error instanceof Neo4jSyncCancelled
            ? 'Cancelled'
            : `Neo4j sync failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!(error instanceof Neo4jSyncCancelled)) throw error;
        return null;
      } finally {
        this.running = null;
      }
    })();
    done.catch(() => undefined);
    this.running = { controller, jobId: job.id, done };
    return { jobId: job.id, done };
  }

  cancel(): boolean {
    this.running?.controller.abort();
    return this.running !== null;
  }

  async cypher(req: CypherRequest): Promise<CypherOutcome> {
    const settings = this.requireSettings();
    return runCypher(await this.openedDriver(), settings.database, req);
  }

  async saved(def: SavedQueryDef, params: Record<string, string | number>): Promise<QueryResult> {
    const settings = this.requireSettings();
    return runSavedOnNeo4j(await this.openedDriver(), settings.database, def, params, SAVED_QUERY_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    this.cancel();
    await this.running?.done.catch(() => undefined);
    await this.closeDriver();
  }

  private requireSettings(): StoredNeo4j {
    const s = this.file.load();
    if (s === null) throw notConfigured();
    return s;
  }

  private async connection(): Promise<Neo4jConnection> {
    const s = this.requireSettings();
    const secret = await this.vault.get(NEO4J_VAULT_KEY);
    if (secret === null || !('password' in secret))
      throw new ApiError('unauthorized', 'The Neo4j password is missing.', 'Enter it again in Settings → Neo4j.');
    return { url: s.url, user: s.user, password: secret.password, database: s.database };
  }

  private async draftConnection(draft: Neo4jInput): Promise<Neo4jConnection> {
    if (draft.password !== undefined) return { url: draft.url, user: draft.user, password: draft.password, database: draft.database };
    const stored = await this.vault.get(NEO4J_VAULT_KEY);
    if (stored === null || !('password' in stored))
      throw new ApiError('invalid_input', 'Enter the Neo4j password.', 'No password is stored yet.');
    return { url: draft.url, user: draft.user, password: stored.password, database: draft.database };
  }

  private async openedDriver(): Promise<Driver> {
    if (this.driver === null) this.driver = openDriver(await this.connection());
    return this.driver;
  }

  private async closeDriver(): Promise<void> {
    const d = this.driver;
    this.driver = null;
    await d?.close();
  }
}
