import Database from 'better-sqlite3';
import { EnvironmentStore } from '../../src-main/services/cache/environment-store';
import type { StoredEnvironmentConfig } from '../../src-shared/domain/environment-config';

/**
 * A saved Airflow 3 environment written straight into a running engine's cache (a second connection):
 * `envs.add` insists on a passing connection test, and monitoring does not need an Airflow at all.
 */
export function insertSavedEnvironment(cacheFile: string, env: { id: string; name: string; baseUrl: string; color?: string }): void {
  const config: StoredEnvironmentConfig = {
    authKind: 'none',
    username: null,
    tokenCommand: null,
    mwaa: null,
    composer: null,
    clientCertFile: null,
    clientKeyFile: null,
    commandConfirmed: true,
    caFile: null,
    proxyUrl: null,
    syncIntervalMin: null,
    historyDays: 90,
    apiVersion: 'v2',
  };
  const db = new Database(cacheFile);
  try {
    new EnvironmentStore(db).upsert({
      id: env.id,
      name: env.name,
      kind: 'airflow3',
      color: env.color ?? '#2563eb',
      readOnly: true,
      baseUrl: env.baseUrl,
      airflowVersion: '3.0.2',
      configJson: JSON.stringify(config),
      synthetic: false,
      asOf: null,
    });
  } finally {
    db.close();
  }
}
