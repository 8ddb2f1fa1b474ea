import type { AirflowConnectionConfig } from './connection-config';
import type { AirflowApiVersion } from '../../../src-shared/domain/connection-result';
import { createAirflowClient } from './create-airflow-client';
import { V1Source } from './v1/v1-source';
import { V2Source } from './v2/v2-source';

/**
 * The source for an environment whose API version is known (from `detectAirflow` or the stored config).
 * Call `close()` when the environment is removed.
 */
export function createAirflowSource(envId: string, config: AirflowConnectionConfig, apiVersion: AirflowApiVersion): V2Source | V1Source {
  const http = createAirflowClient(config, apiVersion);
  return apiVersion === 'v2' ? new V2Source(envId, http) : new V1Source(envId, http);
}
