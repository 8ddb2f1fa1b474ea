import type { AirflowSource } from '../airflow/airflow-source';
import { createAirflowSource } from '../airflow/create-airflow-source';
import { testConnection } from '../airflow/detect/test-connection';
import type { EnvironmentService } from '../environments/environment-service';
import type { SyncTarget } from './sync-scheduler';

/** One Airflow source per environment, built on first use and dropped when its settings change. */
export class SourceRegistry {
  private readonly sources = new Map<string, AirflowSource>();

  constructor(private readonly envs: EnvironmentService) {}

  async target(envId: string): Promise<SyncTarget> {
    const settings = this.envs.settings(envId);
    return { source: await this.source(envId), historyDays: settings.historyDays, intervalMin: settings.syncIntervalMin };
  }

  async source(envId: string): Promise<AirflowSource> {
    const known = this.sources.get(envId);
    if (known) return known;
    const config = await this.envs.connectionConfig(envId);
    let apiVersion = config.apiVersion;
    if (apiVersion === null) {
      const test = await testConnection(config);
      if (!test.ok) throw new Error(`${test.message} ${test.hint}`);
      apiVersion = test.apiVersion;
    }
    const source = createAirflowSource(envId, config, apiVersion);
    this.sources.set(envId, source);
    return source;
  }

  forget(envId: string): void {
    this.sources.delete(envId);
  }
}
