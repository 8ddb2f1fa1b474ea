import type { AirflowConnectionConfig } from '../connection-config';
import type { ConnectionFailure, ConnectionTestResult } from '../../../../src-shared/domain/connection-result';
import { authProviderFor, createAirflowClient, transportFor } from '../create-airflow-client';
import { JsonRecord } from '../read/json-record';
import type { V1DagCollection } from '../v1/v1-schemas';
import type { V2DagCollection } from '../v2/v2-schemas';
import { classifyConnectionFailure, type FailureContext } from './classify-connection-failure';
import { AirflowNetworkError } from '../http/http-errors';
import { tlsProblem } from '../http/network-error-code';
import type { TransportOptions } from '../http/transport-options';
import { tlsAlertCode } from './tls-alert';
import { detectAirflow, type AirflowDetection } from './detect-airflow';
import { isSupportedVersion } from './version-support';

/** A connection closed right after the TLS handshake: ask the server once more what it objected to (a client certificate). */
async function explainClosedTls(
  failure: ConnectionFailure,
  baseUrl: string,
  transport: Omit<TransportOptions, 'baseUrl'>,
  ctx: FailureContext,
): Promise<ConnectionFailure> {
  if (failure.kind !== 'network' || transport.proxyUrl !== undefined || transport.wire !== undefined) return failure;
  const code = await tlsAlertCode(baseUrl, transport);
  if (code === null || tlsProblem(code) === undefined) return failure;
  return {
    ...classifyConnectionFailure(new AirflowNetworkError(failure.call ?? 'GET /', code, new URL(baseUrl).host), ctx),
    ...(failure.apiVersion ? { apiVersion: failure.apiVersion } : {}),
  };
}

/** A connection test should answer in seconds: fewer attempts and a shorter timeout unless configured. */
const TEST_DEFAULTS = { maxAttempts: 2, timeoutMs: 15_000 };

/**
 * Tests an environment end to end: detects the API and version, checks the version is supported,
 * then makes a real authenticated read (`GET /api/v{2,1}/dags?limit=1`). Never throws; never puts
 * credentials into the result.
 */
export async function testConnection(config: AirflowConnectionConfig): Promise<ConnectionTestResult> {
  const transport = { ...TEST_DEFAULTS, ...transportFor(config) };
  const tested: AirflowConnectionConfig = { ...config, transport };
  const ctx = { auth: config.auth, timeoutMs: transport.timeoutMs };

  let detection: AirflowDetection;
  try {
    // The version endpoint is anonymous on stock Airflow; password auth for it is the Airflow 2 flavour
    // (basic) because a server that guards it is usually behind a gateway, not Airflow 3's JWT.
    const gateway = config.auth.kind === 'composer' || config.auth.kind === 'astronomer';
    detection = await detectAirflow(config.baseUrl, transport, authProviderFor(config.auth, 'v1'), gateway);
  } catch (error) {
    return explainClosedTls(classifyConnectionFailure(error, ctx), config.baseUrl, transport, ctx);
  }
  const known = { ...ctx, apiVersion: detection.apiVersion, version: detection.version };
  if (!isSupportedVersion(detection.apiVersion, detection.version)) {
    return {
      ok: false,
      kind: 'unsupported_version',
      apiVersion: detection.apiVersion,
      version: detection.version,
      message: `Airflow ${detection.version} is not supported.`,
      hint: 'ORC AI Desk works with Airflow 2.7 or later (REST API /api/v1) and Airflow 3 (/api/v2).',
    };
  }

  const client = createAirflowClient(tested, detection.apiVersion);
  const path = `/api/${detection.apiVersion}/dags`;
  try {
    const body = await client.getJson(path, { limit: 1 });
    const dagCount = JsonRecord.of<V2DagCollection & V1DagCollection>(body, `GET ${path}`).optNum('total_entries') ?? 0;
    return { ok: true, apiVersion: detection.apiVersion, version: detection.version, dagCount };
  } catch (error) {
    return classifyConnectionFailure(error, known);
  } finally {
    await client.close();
  }
}
