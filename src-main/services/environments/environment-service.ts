import type Database from 'better-sqlite3';
import { ApiError, type ErrorCode } from '../../../src-shared/api/errors';
import type { ConnectionFailure, ConnectionTestResult } from '../../../src-shared/domain/connection-result';
import type { Environment } from '../../../src-shared/domain/environment';
import {
  EnvironmentInput,
  StoredEnvironmentConfig,
  type EnvAuthInput,
  type EnvironmentSettings,
} from '../../../src-shared/domain/environment-config';
import type { AirflowConnectionConfig } from '../airflow/connection-config';
import { testConnection } from '../airflow/detect/test-connection';
import type { EnvironmentStore } from '../cache/environment-store';
import type { CredentialVault, EnvSecret } from '../credentials/credential-vault';
import { parseEnvironmentFile, writeEnvironmentFile, type EnvironmentFileEntry } from './environment-file';
import { environmentIdFor } from './environment-id';
import { connectionAuth } from './connection-auth';
import { parseFlowrsConfig } from './flowrs-config';
import type { ImportCandidate } from '../../../src-shared/api/requests/environments';
import { authFromStored, fileAuth, storedAuthFields } from './stored-auth';
import { clientKeySecretId, transportFiles } from './transport-files';

interface StoredRow {
  id: string;
  name: string;
  color: string;
  read_only: number;
  base_url: string | null;
  config_json: string;
  synthetic: number;
}

const failureCode: Record<ConnectionFailure['kind'], ErrorCode> = {
  dns: 'unavailable',
  refused: 'unavailable',
  timeout: 'unavailable',
  tls: 'unavailable',
  network: 'unavailable',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_airflow: 'invalid_input',
  unsupported_version: 'invalid_input',
  invalid_url: 'invalid_input',
  http: 'unavailable',
  credential_command: 'invalid_input',
  provider_credentials: 'unauthorized',
  provider_environment: 'invalid_input',
};

/** Settings that change how the app connects: changing one means testing again before saving. */
const CONNECTION_FIELDS = ['baseUrl', 'auth', 'caFile', 'clientCertFile', 'clientKeyFile', 'clientKeyPassphrase', 'proxyUrl'] as const;

/** Kinds whose secret (password or token) lives in the vault. */
function authHasSecret(auth: EnvAuthInput): boolean {
  return auth.kind === 'password' || auth.kind === 'token' || auth.kind === 'astronomer';
}

function secretFrom(auth: EnvAuthInput): EnvSecret | null {
  if (auth.kind === 'password' && auth.password !== undefined) return { password: auth.password };
  if ((auth.kind === 'token' || auth.kind === 'astronomer') && auth.token !== undefined) return { token: auth.token };
  return null;
}

/**
 * Environments as the engine's handlers see them (`ctx.envs`): configuration in the cache, secrets in the vault,
 * connections tested before saving. The cache's rows themselves are written and read by `EnvironmentStore`
 * (cache/environment-store.ts), which the sync, the Demo build and this service share; handlers never hold it.
 */
export class EnvironmentService {
  constructor(
    private readonly db: Database.Database,
    private readonly store: EnvironmentStore,
    private readonly vault: CredentialVault,
  ) {}

  list(): Environment[] {
    return this.store.list((id) => this.vault.has(id));
  }

  /** The instant the environment's history ends (the synthetic `as_of`, or now for a live one); null when unknown. */
  asOf(envId: string): string | null {
    return this.store.asOf(envId);
  }

  get(envId: string): Environment {
    const env = this.list().find((e) => e.id === envId);
    if (!env) throw new ApiError('not_found', `There is no environment "${envId}".`, 'Pick an environment from the switcher.');
    return env;
  }

  /** The stored settings of a real (non-demo) environment. */
  settings(envId: string): EnvironmentSettings & { apiVersion: 'v1' | 'v2' | null } {
    const row = this.db.prepare('SELECT * FROM environments WHERE id = ?').get(envId) as StoredRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no environment "${envId}".`);
    if (row.synthetic === 1 || row.base_url === null) {
      throw new ApiError(
        'invalid_input',
        'The Demo environment is synthetic; it has no Airflow to connect to.',
        'Add a real Airflow in Settings.',
      );
    }
    const config = StoredEnvironmentConfig.parse(JSON.parse(row.config_json));
    const auth = authFromStored(config);
    return {
      name: row.name,
      color: row.color,
      baseUrl: row.base_url,
      auth,
      caFile: config.caFile,
      clientCertFile: config.clientCertFile,
      clientKeyFile: config.clientKeyFile,
      proxyUrl: config.proxyUrl,
      readOnly: row.read_only === 1,
      syncIntervalMin: config.syncIntervalMin,
      historyDays: config.historyDays,
      apiVersion: config.apiVersion,
    };
  }

  /** Everything needed to talk to the environment's Airflow, secrets included (never leaves the back end). */
  async connectionConfig(envId: string): Promise<AirflowConnectionConfig & { apiVersion: 'v1' | 'v2' | null }> {
    const settings = this.settings(envId);
    if (settings.auth.kind === 'command' && !this.commandConfirmed(envId)) {
      throw new ApiError(
        'invalid_input',
        `The token command of "${settings.name}" came from an import file and has not been confirmed, so it was not run.`,
        'Open the environment in Settings, check the command and its arguments, and save it: then it runs for this environment.',
      );
    }
    const secret = await this.vault.get(envId);
    return { ...(await this.toConnection(settings, secret, await this.storedPassphrase(envId))), apiVersion: settings.apiVersion };
  }

  async test(target: { envId: string } | { draft: unknown }): Promise<ConnectionTestResult> {
    if ('envId' in target) return testConnection(await this.connectionConfig(target.envId));
    const draft = EnvironmentInput.parse(target.draft);
    return testConnection(await this.toConnection(draft, secretFrom(draft.auth), draft.clientKeyPassphrase));
  }

  async add(input: EnvironmentSettings): Promise<{ environment: Environment; test: ConnectionTestResult }> {
    const secret = secretFrom(input.auth);
    if ((input.auth.kind === 'password' || input.auth.kind === 'token' || input.auth.kind === 'astronomer') && secret === null) {
      throw new ApiError(
        'invalid_input',
        'Enter the password or token for this environment.',
        'Credentials are stored encrypted on this machine.',
      );
    }
    const test = await testConnection(await this.toConnection(input, secret, input.clientKeyPassphrase));
    if (!test.ok) throw new ApiError(failureCode[test.kind], test.message, test.hint);
    const envId = environmentIdFor(input.name, (id) => this.store.exists(id));
    if (secret) await this.vault.set(envId, secret);
    if (input.clientKeyPassphrase !== undefined) await this.vault.set(clientKeySecretId(envId), { password: input.clientKeyPassphrase });
    try {
      this.save(envId, input, test.apiVersion, test.version);
    } catch (error) {
      this.vault.remove(envId);
      throw error;
    }
    return { environment: this.get(envId), test };
  }

  async update(envId: string, changes: Partial<EnvironmentSettings>): Promise<Environment> {
    const current = this.settings(envId);
    const { clientKeyPassphrase: newPassphrase, ...settingChanges } = changes;
    const next: EnvironmentSettings = { ...current, ...settingChanges };
    const connectionChanged = CONNECTION_FIELDS.some((field) => changes[field] !== undefined);
    let apiVersion = current.apiVersion;
    let version: string | null = null;
    const newSecret = changes.auth ? secretFrom(changes.auth) : null;
    if (connectionChanged) {
      const secret = newSecret ?? (changes.auth && changes.auth.kind !== current.auth.kind ? null : await this.vault.get(envId));
      const passphrase = newPassphrase ?? (await this.storedPassphrase(envId));
      const test = await testConnection(await this.toConnection(next, secret, passphrase));
      if (!test.ok) throw new ApiError(failureCode[test.kind], test.message, test.hint);
      apiVersion = test.apiVersion;
      version = test.version;
    }
    if (newSecret) await this.vault.set(envId, newSecret);
    else if (!authHasSecret(next.auth)) this.vault.remove(envId);
    if (newPassphrase !== undefined) await this.vault.set(clientKeySecretId(envId), { password: newPassphrase });
    else if (next.clientKeyFile === null) this.vault.remove(clientKeySecretId(envId));
    // Saving the auth block (the Edit form always sends a token command's) confirms an imported token command.
    this.save(envId, next, apiVersion, version, changes.auth !== undefined || this.commandConfirmed(envId));
    return this.get(envId);
  }

  remove(envId: string): void {
    this.get(envId);
    this.store.remove(envId);
    this.vault.remove(envId);
    this.vault.remove(clientKeySecretId(envId));
  }

  exportFile(envIds: readonly string[] | undefined, format: 'yaml' | 'json'): string {
    const ids =
      envIds ??
      this.list()
        .filter((e) => !e.synthetic)
        .map((e) => e.id);
    const entries: EnvironmentFileEntry[] = ids.map((id) => {
      const { apiVersion: _v, auth, ...rest } = this.settings(id);
      return { ...rest, auth: fileAuth(auth) as EnvironmentFileEntry['auth'] };
    });
    return writeEnvironmentFile(entries, format);
  }

  /** Adds each valid entry (without credentials, untested: the user enters secrets next); reports the others. */
  importFile(
    text: string,
    format: 'yaml' | 'json',
  ): { added: Environment[]; failed: { index: number; name: string | null; message: string }[] } {
    let parsed;
    try {
      parsed = parseEnvironmentFile(text, format);
    } catch (error) {
      throw new ApiError(
        'invalid_input',
        error instanceof Error ? error.message : 'The file cannot be read.',
        'Export an environment to see the expected format.',
      );
    }
    const added: Environment[] = [];
    const failed: { index: number; name: string | null; message: string }[] = [];
    for (const item of parsed) {
      if (!item.entry) {
        failed.push({ index: item.index, name: item.name, message: item.message ?? 'invalid entry' });
        continue;
      }
      const envId = environmentIdFor(item.entry.name, (id) => this.store.exists(id));
      // A token command from a file runs only once the user has looked at it and saved the environment.
      this.save(envId, item.entry, null, null, false);
      added.push(this.get(envId));
    }
    return { added, failed };
  }

  private async storedPassphrase(envId: string): Promise<string | undefined> {
    const stored = await this.vault.get(clientKeySecretId(envId));
    return stored && 'password' in stored ? stored.password : undefined;
  }

  /**
   * The servers of a flowrs config.toml: listed to choose from when `choose` is absent (nothing is added), else the
   * chosen ones are added like entries of an import file (untested, without secrets, a token command unconfirmed).
   */
  importFlowrs(
    text: string,
    choose: readonly string[] | undefined,
  ): ReturnType<EnvironmentService['importFile']> & { candidates: ImportCandidate[]; discovered: string[] } {
    let parsed;
    try {
      parsed = parseFlowrsConfig(text);
    } catch (error) {
      throw new ApiError(
        'invalid_input',
        error instanceof Error ? error.message : 'The file cannot be read.',
        'Choose the config.toml of flowrs (~/.config/flowrs/config.toml or ~/.flowrs).',
      );
    }
    const failed = parsed.skipped.map((s, index) => ({ index, name: s.name, message: s.reason }));
    const candidates = parsed.candidates.map((c) => ({
      name: c.name,
      baseUrl: c.entry.baseUrl,
      authKind: c.entry.auth.kind,
      note: c.note,
    }));
    const added: Environment[] = [];
    for (const candidate of parsed.candidates) {
      if (!choose?.includes(candidate.name)) continue;
      const envId = environmentIdFor(candidate.name, (id) => this.store.exists(id));
      this.save(envId, candidate.entry, null, null, false);
      added.push(this.get(envId));
    }
    return { added, failed, candidates, discovered: parsed.discovered };
  }

  /** Whether the environment's token command was entered or saved by the user (not only imported from a file). */
  private commandConfirmed(envId: string): boolean {
    const json = this.db.prepare('SELECT config_json FROM environments WHERE id = ?').pluck().get(envId) as string | undefined;
    return json !== undefined && StoredEnvironmentConfig.parse(JSON.parse(json)).commandConfirmed;
  }

  private save(
    envId: string,
    s: EnvironmentSettings,
    apiVersion: 'v1' | 'v2' | null,
    version: string | null,
    commandConfirmed = true,
  ): void {
    const config: StoredEnvironmentConfig = {
      ...storedAuthFields(s.auth),
      commandConfirmed,
      caFile: s.caFile,
      clientCertFile: s.clientCertFile,
      clientKeyFile: s.clientKeyFile,
      proxyUrl: s.proxyUrl,
      syncIntervalMin: s.syncIntervalMin,
      historyDays: s.historyDays,
      apiVersion,
    };
    const existingVersion =
      (this.db.prepare('SELECT airflow_version FROM environments WHERE id = ?').pluck().get(envId) as string | null | undefined) ?? null;
    this.store.upsert({
      id: envId,
      name: s.name,
      kind: apiVersion === 'v1' ? 'airflow2' : 'airflow3',
      color: s.color,
      readOnly: s.readOnly,
      baseUrl: s.baseUrl,
      airflowVersion: version ?? existingVersion,
      configJson: JSON.stringify(config),
      synthetic: false,
      asOf: null,
    });
  }

  private async toConnection(
    s: Pick<EnvironmentSettings, 'baseUrl' | 'auth' | 'caFile' | 'clientCertFile' | 'clientKeyFile' | 'proxyUrl'>,
    secret: EnvSecret | null,
    passphrase: string | undefined,
  ): Promise<AirflowConnectionConfig> {
    const auth = await connectionAuth(s.auth, secret);
    const files = await transportFiles(s, passphrase);
    return {
      baseUrl: s.baseUrl,
      auth,
      transport: { ...files, ...(s.proxyUrl ? { proxyUrl: s.proxyUrl } : {}) },
    };
  }
}
