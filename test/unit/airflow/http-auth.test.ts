import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../../src-main/services/airflow/auth/basic-auth';
import { passwordJwtAuth } from '../../../src-main/services/airflow/auth/password-jwt-auth';
import { staticTokenAuth } from '../../../src-main/services/airflow/auth/static-token-auth';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { AirflowHttpError } from '../../../src-main/services/airflow/http/http-errors';
import { readRequestBody, recordingSleep, sendJson, startLocalServer, type LocalServer } from './local-server';

const PASSWORD = 'S3cr3t-pa55!';

let server: LocalServer | undefined;
let client: AirflowHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A miniature Airflow 3 auth: POST /auth/token issues tok-1, tok-2, ...; `valid` decides which are accepted. */
async function jwtServer(
  valid: (token: string) => boolean,
  opts: { loginStatus?: number } = {},
): Promise<LocalServer & { logins: () => number }> {
  let issued = 0;
  const s = await startLocalServer((req, res) => {
    void (async () => {
      if (req.method === 'POST' && req.url === '/auth/token') {
        const body = JSON.parse(await readRequestBody(req)) as { username: string; password: string };
        if (opts.loginStatus === 422)
          return sendJson(res, 422, { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: body }] });
        if (body.password !== PASSWORD) return sendJson(res, 401, { detail: 'Invalid credentials' });
        issued += 1;
        return sendJson(res, 201, { access_token: `tok-${issued}` });
      }
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!token) return sendJson(res, 401, { detail: 'Not authenticated' });
      if (!valid(token)) return sendJson(res, 401, { detail: 'Token Expired' });
      sendJson(res, 200, { dags: [], total_entries: 0 });
    })();
  });
  return Object.assign(s, { logins: () => issued });
}

describe('authentication', () => {
  it('logs in once for concurrent requests and sends the JWT as a bearer token', async () => {
    const s = await jwtServer(() => true);
    server = s;
    client = new AirflowHttpClient({ baseUrl: s.baseUrl }, passwordJwtAuth('admin', PASSWORD));
    await Promise.all([client.getJson('/api/v2/dags'), client.getJson('/api/v2/pools'), client.getJson('/api/v2/assets')]);
    expect(s.logins()).toBe(1);
    expect(s.seen.filter((r) => r.url.startsWith('/api')).every((r) => r.authorization === 'Bearer tok-1')).toBe(true);
  });

  it('re-authenticates once after a 401 (expired token) and retries', async () => {
    const s = await jwtServer((t) => t !== 'tok-1');
    server = s;
    client = new AirflowHttpClient({ baseUrl: s.baseUrl }, passwordJwtAuth('admin', PASSWORD));
    await expect(client.getJson('/api/v2/dags')).resolves.toEqual({ dags: [], total_entries: 0 });
    expect(s.logins()).toBe(2);
    expect(s.seen.map((r) => `${r.method} ${r.url} ${r.authorization ?? ''}`)).toEqual([
      'POST /auth/token ',
      'GET /api/v2/dags Bearer tok-1',
      'POST /auth/token ',
      'GET /api/v2/dags Bearer tok-2',
    ]);
  });

  it('re-authenticates only once: a second 401 is final', async () => {
    const s = await jwtServer(() => false);
    server = s;
    client = new AirflowHttpClient({ baseUrl: s.baseUrl }, passwordJwtAuth('admin', PASSWORD));
    await expect(client.getJson('/api/v2/dags')).rejects.toMatchObject({ status: 401 });
    expect(s.logins()).toBe(2);
    expect(client.requestCount()).toBe(4);
  });

  it('reports bad credentials as 401 from POST /auth/token without echoing the password', async () => {
    const s = await jwtServer(() => true);
    server = s;
    client = new AirflowHttpClient({ baseUrl: s.baseUrl }, passwordJwtAuth('admin', 'wrong-password'));
    const error = (await client.getJson('/api/v2/dags').catch((e: unknown) => e)) as AirflowHttpError;
    expect(error).toBeInstanceOf(AirflowHttpError);
    expect(error.status).toBe(401);
    expect(error.call).toBe('POST /auth/token');
    expect(JSON.stringify({ m: error.message, s: error.stack, d: error.detail })).not.toContain('wrong-password');
  });

  it('never quotes a 422 body of the login call (FastAPI echoes the submitted input)', async () => {
    const s = await jwtServer(() => true, { loginStatus: 422 });
    server = s;
    client = new AirflowHttpClient({ baseUrl: s.baseUrl }, passwordJwtAuth('admin', PASSWORD));
    const error = (await client.getJson('/api/v2/dags').catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('POST /auth/token returned HTTP 422');
    expect(String(error.stack)).not.toContain(PASSWORD);
  });

  it('does not retry a static token or basic auth after 401', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 401, { detail: 'Token Expired' }));
    client = new AirflowHttpClient({ baseUrl: server.baseUrl }, staticTokenAuth(' pasted.jwt.value '));
    await expect(client.getJson('/api/v2/dags')).rejects.toMatchObject({ status: 401 });
    expect(server.seen.map((r) => r.authorization)).toEqual(['Bearer pasted.jwt.value']);
    await client.close();
    client = new AirflowHttpClient({ baseUrl: server.baseUrl }, basicAuth('admin', PASSWORD));
    const error = (await client.getJson('/api/v1/dags').catch((e: unknown) => e)) as Error;
    expect(server.seen.at(-1)?.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`);
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message).not.toContain(Buffer.from(`admin:${PASSWORD}`).toString('base64'));
  });

  it('treats Airflow 3\'s 403 "Invalid JWT token" like an expired token', async () => {
    let logins = 0;
    server = await startLocalServer((req, res) => {
      if (req.url === '/auth/token') return sendJson(res, 201, { access_token: `t${++logins}` });
      if (req.headers.authorization === 'Bearer t1') return sendJson(res, 403, { detail: 'Invalid JWT token' });
      sendJson(res, 200, { ok: true });
    });
    const { sleep } = recordingSleep();
    client = new AirflowHttpClient({ baseUrl: server.baseUrl, sleep }, passwordJwtAuth('admin', PASSWORD));
    await expect(client.getJson('/api/v2/dags')).resolves.toEqual({ ok: true });
    expect(logins).toBe(2);
  });

  it('drops user info from the base URL and never names it in errors', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 500, {}));
    const { sleep } = recordingSleep();
    client = new AirflowHttpClient({ baseUrl: server.baseUrl.replace('http://', `http://admin:${PASSWORD}@`), sleep, maxAttempts: 1 });
    const error = (await client.getJson('/api/v2/dags').catch((e: unknown) => e)) as Error;
    expect(server.seen[0]?.authorization).toBeUndefined();
    expect(error.message).not.toContain(PASSWORD);
  });
});
