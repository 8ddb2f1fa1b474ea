/**
 * Composer through google-auth-library: a service-account key whose token_uri is a loopback token endpoint, the bearer
 * on every request, a new token after a 401, and the message when there are no application-default credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composerAuth } from '../../../src-main/services/airflow/composer/composer-auth';
import { classifyConnectionFailure } from '../../../src-main/services/airflow/detect/classify-connection-failure';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { redactSecrets } from '../../../src-main/services/credentials/secret-redaction';
import { readRequestBody, sendJson, startLocalServer, type LocalServer } from './local-server';
import { makeTempDir } from '../temp-dir';
import { serviceAccountKey } from './google-key';

describe('Composer bearer tokens from google-auth-library', () => {
  let tokens: LocalServer;
  let airflow: LocalServer;
  let issued = 0;
  let rejectNext = false;

  beforeAll(async () => {
    tokens = await startLocalServer((req, res) => {
      void readRequestBody(req).then((body) => {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !form.get('assertion'))
          return sendJson(res, 400, { error: 'invalid_request' });
        issued += 1;
        return sendJson(res, 200, { access_token: `ya29.orc-test-token-${issued}`, expires_in: 3600, token_type: 'Bearer' });
      });
    });
    airflow = await startLocalServer((req, res) => {
      if (rejectNext) {
        rejectNext = false;
        return sendJson(res, 401, { detail: 'Unauthorized' });
      }
      return sendJson(res, 200, { dags: [], total_entries: 0 });
    });
  });
  afterAll(async () => {
    await tokens.close();
    await airflow.close();
  });

  it('signs in with the key file at its token_uri, sends the bearer, renews once after a 401, and redacts the token', async () => {
    const auth = composerAuth({ keyJson: serviceAccountKey(`${tokens.baseUrl}/token`), impersonate: null });
    const client = new AirflowHttpClient({ baseUrl: `${airflow.baseUrl}/composer`, maxAttempts: 1 }, auth);
    await client.getJson('/api/v2/dags');
    await client.getJson('/api/v2/dags');
    expect(issued).toBe(1);
    expect(airflow.seen.map((s) => s.authorization)).toEqual(['Bearer ya29.orc-test-token-1', 'Bearer ya29.orc-test-token-1']);
    rejectNext = true;
    await client.getJson('/api/v2/dags');
    expect(issued).toBe(2);
    expect(airflow.seen.at(-1)?.authorization).toBe('Bearer ya29.orc-test-token-2');
    await client.close();
    expect(redactSecrets('token ya29.orc-test-token-2 leaked')).not.toContain('orc-test-token-2');
  });

  it('says to run gcloud auth application-default login when there are no application-default credentials', async () => {
    const tmp = makeTempDir('orc-gcloud-');
    const saved = { ...process.env };
    process.env.HOME = tmp.dir;
    process.env.CLOUDSDK_CONFIG = tmp.dir;
    process.env.METADATA_SERVER_DETECTION = 'none';
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    try {
      const client = new AirflowHttpClient(
        { baseUrl: airflow.baseUrl, maxAttempts: 1 },
        composerAuth({ keyJson: null, impersonate: null }),
      );
      const error = await client.getJson('/api/v2/dags').catch((e: unknown) => e);
      await client.close();
      expect(classifyConnectionFailure(error, { auth: { kind: 'none' }, timeoutMs: 1000 })).toMatchObject({
        kind: 'provider_credentials',
        hint: expect.stringContaining('gcloud auth application-default login'),
      });
    } finally {
      process.env = saved;
      tmp.cleanup();
    }
  });

  it('refuses a file that is not a credentials JSON without echoing it', async () => {
    const client = new AirflowHttpClient(
      { baseUrl: airflow.baseUrl, maxAttempts: 1 },
      composerAuth({ keyJson: '{"private_key": "secret-material"}', impersonate: null }),
    );
    const error = await client.getJson('/api/v2/dags').catch((e: unknown) => e);
    await client.close();
    expect(String((error as Error).message)).not.toContain('secret-material');
    expect(classifyConnectionFailure(error, { auth: { kind: 'none' }, timeoutMs: 1000 })).toMatchObject({ kind: 'provider_credentials' });
  });
});
