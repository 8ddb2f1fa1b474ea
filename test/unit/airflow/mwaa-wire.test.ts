/**
 * MWAA through the AWS SDK: the SDK's client (credential chain, SigV4, endpoint override) sends InvokeRestApi to a
 * loopback server that answers like the service; failures say what to do.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src-main/services/airflow/auth/provider-error';
import { classifyConnectionFailure } from '../../../src-main/services/airflow/detect/classify-connection-failure';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { AirflowHttpError } from '../../../src-main/services/airflow/http/http-errors';
import { MwaaWire } from '../../../src-main/services/airflow/mwaa/mwaa-wire';
import { readRequestBody, sendJson, startLocalServer, type LocalServer } from './local-server';
import { makeTempDir } from '../temp-dir';

const KEY = 'AKIAORCTESTKEY000001';
const env = (names: Record<string, string | undefined>): (() => void) => {
  const before = Object.fromEntries(Object.keys(names).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(names))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  return () => {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  };
};

describe('Airflow requests through MWAA InvokeRestApi', () => {
  let server: LocalServer;
  const bodies: unknown[] = [];
  let restore: () => void = () => undefined;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      void readRequestBody(req).then((text) => {
        const body = JSON.parse(text) as { Path: string; Method: string; QueryParameters?: Record<string, unknown> };
        bodies.push(body);
        if (req.url === '/restapi/Missing')
          return sendJson(res, 404, { Message: 'Environment Missing not found' }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
        if (req.url === '/restapi/Locked')
          return sendJson(res, 403, { Message: 'not authorized' }, { 'x-amzn-errortype': 'AccessDeniedException' });
        if (body.Path === '/dags/nope')
          return sendJson(
            res,
            400,
            { RestApiStatusCode: 404, RestApiResponse: { title: 'DAG not found', status: 404 } },
            { 'x-amzn-errortype': 'RestApiClientException' },
          );
        return sendJson(res, 200, { RestApiStatusCode: 200, RestApiResponse: { dags: [], total_entries: 0, echo: body } });
      });
    });
  });
  afterAll(() => server.close());
  afterEach(() => restore());

  const client = (name: string) =>
    new AirflowHttpClient({
      baseUrl: 'https://abc.c2.airflow.eu-west-1.on.aws',
      maxAttempts: 1,
      wire: () => new MwaaWire({ region: 'eu-west-1', environmentName: name, profile: null, endpointUrl: server.baseUrl }),
    });

  it('sends the API path below /api/vN, the method and query as a document, signed with SigV4 for "airflow"', async () => {
    restore = env({
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: 'orc-test-secret-key',
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
    });
    const c = client('MyEnv');
    const answer = (await c.getJson('/api/v2/dags', { limit: 1, tags: ['a', 'b'] })) as { total_entries: number };
    await c.close();
    expect(answer.total_entries).toBe(0);
    expect(bodies.at(-1)).toEqual({ Method: 'GET', Path: '/dags', QueryParameters: { limit: 1, tags: ['a', 'b'] } });
    const seen = server.seen.at(-1);
    expect(seen).toMatchObject({ method: 'POST', url: '/restapi/MyEnv' });
    expect(seen?.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY}/\\d{8}/eu-west-1/airflow/aws4_request`));
  });

  it("passes Airflow's own error status through (RestApiClientException) and names a wrong environment or a refused call", async () => {
    restore = env({ AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: 'orc-test-secret-key', AWS_PROFILE: undefined });
    const c = client('MyEnv');
    await expect(c.getJson('/api/v2/dags/nope')).rejects.toMatchObject({ constructor: AirflowHttpError, status: 404 });
    await c.close();
    const missing = client('Missing');
    const error = await missing.getJson('/api/v2/dags').catch((e: unknown) => e);
    await missing.close();
    expect(error).toBeInstanceOf(ProviderError);
    const failure = classifyConnectionFailure(error, { auth: { kind: 'none' }, timeoutMs: 1000 });
    expect(failure).toMatchObject({ kind: 'provider_environment', message: 'There is no MWAA environment "Missing" in eu-west-1.' });
    const locked = client('Locked');
    const refused = await locked.getJson('/api/v2/dags').catch((e: unknown) => e);
    await locked.close();
    expect(classifyConnectionFailure(refused, { auth: { kind: 'none' }, timeoutMs: 1000 })).toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('airflow:InvokeRestApi'),
    });
  });

  it('says to run aws sso login for the profile when its SSO session has expired (the real credential chain)', async () => {
    const tmp = makeTempDir('orc-aws-');
    mkdirSync(join(tmp.dir, '.aws', 'sso', 'cache'), { recursive: true });
    writeFileSync(
      join(tmp.dir, '.aws', 'config'),
      '[profile team-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Reader\nregion = eu-west-1\n',
    );
    restore = env({
      HOME: tmp.dir,
      AWS_CONFIG_FILE: join(tmp.dir, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(tmp.dir, '.aws', 'credentials'),
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
    });
    const c = new AirflowHttpClient({
      baseUrl: 'https://x.on.aws',
      maxAttempts: 1,
      wire: () => new MwaaWire({ region: 'eu-west-1', environmentName: 'MyEnv', profile: 'team-sso', endpointUrl: server.baseUrl }),
    });
    const error = await c.getJson('/api/v2/dags').catch((e: unknown) => e);
    await c.close();
    tmp.cleanup();
    expect(error).toBeInstanceOf(ProviderError);
    expect(classifyConnectionFailure(error, { auth: { kind: 'none' }, timeoutMs: 1000 })).toMatchObject({
      kind: 'provider_credentials',
      message: 'The AWS SSO session of profile "team-sso" has expired.',
      hint: 'Run `aws sso login --profile team-sso` in a terminal, then test again.',
    });
  });
});
