import { MWAAClient } from '@aws-sdk/client-mwaa';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AirflowWire, WireRequest, WireResponse } from '../http/airflow-wire';
import type { QueryParams } from '../http/query-string';
import { InvokeRestApiCommand } from './invoke-rest-api-command';
import { mwaaFailure, type MwaaTarget } from './mwaa-errors';

export interface MwaaWireOptions extends MwaaTarget {
  /** Another MWAA API endpoint (a VPC endpoint, a test double): requests go to it without the `env.` host prefix. */
  endpointUrl: string | null;
}

/** `/api/v2/dags/x` -> `/dags/x`: InvokeRestApi takes the path below the environment's REST API root. */
function apiPath(path: string): string {
  const match = /^\/api\/v[12](\/.*)$/.exec(path);
  return match?.[1] ?? path;
}

function queryDocument(query: QueryParams | undefined): Record<string, unknown> | undefined {
  if (!query) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null) out[key] = Array.isArray(value) ? [...value] : value;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Airflow's REST API of an MWAA environment through the AWS SDK: each request becomes one InvokeRestApi call, signed
 * with credentials from the standard chain (the profile named, else AWS_PROFILE, environment variables, SSO, an
 * instance role). The SDK retries nothing (the HTTP client above does).
 */
export class MwaaWire implements AirflowWire {
  private readonly client: MWAAClient;

  constructor(private readonly target: MwaaWireOptions) {
    this.client = new MWAAClient({
      region: target.region,
      maxAttempts: 1,
      credentials: defaultProvider(target.profile ? { profile: target.profile } : {}),
      ...(target.endpointUrl ? { endpoint: target.endpointUrl, disableHostPrefix: true } : {}),
    });
  }

  async send(req: WireRequest): Promise<WireResponse> {
    let out;
    try {
      out = await this.client.send(
        new InvokeRestApiCommand({
          Name: this.target.environmentName,
          Path: apiPath(req.path),
          Method: req.method,
          ...(queryDocument(req.query) ? { QueryParameters: queryDocument(req.query) } : {}),
          ...(req.body !== null ? { Body: JSON.parse(req.body) as unknown } : {}),
        }),
        { abortSignal: req.signal },
      );
    } catch (error) {
      throw mwaaFailure(error, this.target);
    }
    const body = out.RestApiResponse;
    const text = typeof body === 'string' && req.headers.accept === 'text/plain' ? body : JSON.stringify(body ?? null);
    return { status: out.RestApiStatusCode, contentType: 'application/json', retryAfter: undefined, text };
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }
}
