import type { AuthProvider } from '../auth/auth-provider';
import type { AirflowApiVersion } from '../../../../src-shared/domain/connection-result';
import type { V1Health, V1Version } from '../v1/v1-schemas';
import type { V2Health, V2Version } from '../v2/v2-schemas';
import { AirflowHttpClient } from '../http/airflow-http-client';
import { AirflowClientError, AirflowHttpError, AirflowNetworkError } from '../http/http-errors';
import type { TransportOptions } from '../http/transport-options';
import { AirflowShapeError, JsonRecord } from '../read/json-record';

export interface AirflowDetection {
  apiVersion: AirflowApiVersion;
  /** As reported by `/api/v{2,1}/version`, e.g. `3.3.2`. */
  version: string;
}

/** The server answered, but not like Airflow's REST API. */
export class NotAirflowError extends Error {
  override readonly name = 'NotAirflowError';
  constructor(
    readonly call: string,
    reason: string,
  ) {
    super(`This does not look like Airflow: ${reason}`);
  }
}

const PROBES: ReadonlyArray<{ apiVersion: AirflowApiVersion; health: string }> = [
  { apiVersion: 'v2', health: '/api/v2/monitor/health' },
  { apiVersion: 'v1', health: '/api/v1/health' },
];

function looksLikeHealth(body: unknown, where: string): boolean {
  try {
    return JsonRecord.of<V2Health & V1Health>(body, where).record<{ status: unknown }>('metadatabase') !== null;
  } catch {
    return false;
  }
}

/** Network failures (and a refused credential) end detection at once; any other answer means "try the next API". */
async function probe(client: AirflowHttpClient, path: string, authenticated: boolean): Promise<{ ok: boolean; why: string }> {
  try {
    const body = await client.getJson(path);
    return looksLikeHealth(body, `GET ${path}`)
      ? { ok: true, why: '' }
      : { ok: false, why: `GET ${path} answered JSON that is not an Airflow health report` };
  } catch (error) {
    if (error instanceof AirflowNetworkError) throw error;
    // Behind a gateway that checks the credential, a refusal is about the credential, not about what answers.
    if (authenticated && error instanceof AirflowHttpError && (error.status === 401 || error.status === 403)) throw error;
    if (error instanceof AirflowClientError || error instanceof AirflowShapeError) return { ok: false, why: error.message };
    throw error;
  }
}

async function readVersion(client: AirflowHttpClient, path: string): Promise<string> {
  const body = await client.getJson(path);
  const version = JsonRecord.of<V2Version & V1Version>(body, `GET ${path}`).optStr('version');
  if (version === null) throw new NotAirflowError(`GET ${path}`, `GET ${path} did not report a version`);
  return version;
}

/**
 * Finds which REST API an Airflow speaks: probes `/api/v2/monitor/health`, then `/api/v1/health`
 * (anonymous unless `probeWithAuth`), and reads `/api/v{2,1}/version` (anonymous; with `auth` if the server demands it).
 * Throws network errors as they come, and {@link NotAirflowError} when neither API answers.
 */
export async function detectAirflow(
  baseUrl: string,
  transport: Omit<TransportOptions, 'baseUrl'> = {},
  auth?: AuthProvider,
  /** Send the credential from the first probe on: a gateway in front of Airflow (Composer, Astro) refuses anonymous ones. */
  probeWithAuth = false,
): Promise<AirflowDetection> {
  const anonymous = new AirflowHttpClient({ ...transport, baseUrl }, probeWithAuth ? auth : undefined);
  try {
    const reasons: string[] = [];
    for (const { apiVersion, health } of PROBES) {
      const result = await probe(anonymous, health, probeWithAuth && auth !== undefined);
      if (!result.ok) {
        reasons.push(result.why);
        continue;
      }
      const versionPath = `/api/${apiVersion}/version`;
      try {
        return { apiVersion, version: await readVersion(anonymous, versionPath) };
      } catch (error) {
        const refused = error instanceof AirflowHttpError && (error.status === 401 || error.status === 403);
        if (!refused || auth === undefined) throw error;
        const authed = new AirflowHttpClient({ ...transport, baseUrl }, auth);
        try {
          return { apiVersion, version: await readVersion(authed, versionPath) };
        } finally {
          await authed.close();
        }
      }
    }
    throw new NotAirflowError(PROBES.map((p) => `GET ${p.health}`).join(', '), reasons.join('; '));
  } finally {
    await anonymous.close();
  }
}
