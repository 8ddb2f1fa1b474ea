// Finding 2 of issue 19: an Airflow (or proxy) whose error echoes the request's credentials must not put
// any secret the app holds into stored errors, API answers, exports or logs.
import type http from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { redactSecrets } from '../../../src-main/services/credentials/secret-redaction';
import { readRequestBody, sendJson, startLocalServer, type LocalServer } from '../airflow/local-server';
import { makeTempDir } from '../temp-dir';

const PASSWORD_AF3 = 'af3-Passw0rd-planted-7c1e';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.derived-jwt-planted-91ab';
const TOKEN = 'pasted-token-planted-5d2f0c9e';
const PASSWORD_AF2 = 'af2-basic-planted-33aa';
const SLACK_PATH = '/services/T0000/B0000/slack-webhook-planted-e4e4';

/** Answers like Airflow 3 (or 2) until `failing`, then echoes every header and the request body in a 500, like a careless proxy. */
function echoingAirflow(api: 'v1' | 'v2', state: { failing: boolean }): http.RequestListener {
  return (req, res) => {
    void readRequestBody(req).then((body) => {
      const url = req.url ?? '';
      const echo = { detail: `Internal Server Error: ${JSON.stringify(req.headers)} body=${body}` };
      if (url === `/api/${api}/${api === 'v2' ? 'monitor/health' : 'health'}`)
        return sendJson(res, 200, { metadatabase: { status: 'healthy' }, scheduler: { status: 'healthy' } });
      if (url === `/api/${api}/version`) return sendJson(res, 200, { version: api === 'v2' ? '3.0.2' : '2.10.5', git_version: null });
      if (url === '/auth/token' && api === 'v2') return sendJson(res, 201, { access_token: JWT });
      if (state.failing) return sendJson(res, 500, echo);
      if (url.startsWith(`/api/${api}/dags`)) return sendJson(res, 200, { dags: [], total_entries: 0 });
      sendJson(res, 404, { detail: 'Not Found' });
    });
  };
}

function plainFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = statSync(path);
    return s.isDirectory() ? plainFiles(path) : s.isFile() ? [path] : [];
  });
}

/** Each planted secret and the forms it travels in (the basic-auth header is base64 of user:password). */
const planted: Record<string, string> = {
  'Airflow 3 password': PASSWORD_AF3,
  'derived JWT': JWT,
  'pasted token': TOKEN,
  'Airflow 2 password': PASSWORD_AF2,
  'basic-auth header': Buffer.from(`admin:${PASSWORD_AF2}`).toString('base64'),
  'Slack webhook': SLACK_PATH.split('/').pop() ?? '',
};

function leaks(text: string): string[] {
  return Object.entries(planted)
    .filter(([, secret]) => text.includes(secret))
    .map(([kind]) => kind);
}

describe('no secret the app holds appears in stored errors, API answers, exports or logs', () => {
  const t = makeTempDir();
  const logs: string[] = [];
  const answers: unknown[] = [];
  const servers: LocalServer[] = [];
  const state = { failing: false };
  let engine: Engine;
  let closed = false;
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const result = await engine.handle(name, input);
    answers.push(result);
    return result.ok ? result.value : result.error;
  };

  beforeAll(async () => {
    engine = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demo: false,
      log: (m) => logs.push(m),
      scoringInProcess: true,
    });
    const af3 = await startLocalServer(echoingAirflow('v2', state));
    const af2 = await startLocalServer(echoingAirflow('v1', state));
    const slack = await startLocalServer((req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`invalid_token: no webhook at ${req.url ?? ''}`);
    });
    servers.push(af3, af2, slack);
    const base = { color: '#2563eb', readOnly: true };
    for (const [name, baseUrl, auth] of [
      ['Password three', af3.baseUrl, { kind: 'password', username: 'admin', password: PASSWORD_AF3 }],
      ['Token three', af3.baseUrl, { kind: 'token', token: TOKEN }],
      ['Basic two', af2.baseUrl, { kind: 'password', username: 'admin', password: PASSWORD_AF2 }],
    ] as const) {
      const added = (await engine.handle('envs.add', { ...base, name, baseUrl, auth })) as { ok: boolean };
      expect(added.ok, name).toBe(true);
    }
    const saved = (await engine.handle('monitoring.save', {
      envId: 'password-three',
      slackWebhookUrl: `${slack.baseUrl}${SLACK_PATH}`,
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);
  });

  afterAll(async () => {
    if (!closed) await engine.close();
    for (const s of servers) await s.close();
    t.cleanup();
  });

  it('keeps every planted secret out of envs.list, jobs.list, errors, exports, logs and every file of the data directory', async () => {
    state.failing = true;
    const envIds = ['password-three', 'token-three', 'basic-two'];
    for (const envId of envIds) {
      await call('sync.start', { envId, full: true });
      await call('envs.test', { envId });
    }
    await call('slack.test', { envId: 'password-three' });
    // Each sync retries its 500s with backoff, then records the failure.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const envs = (await call('envs.list', {})) as Array<{ id: string; lastSyncError: string | null }>;
      if (envIds.every((id) => envs.find((e) => e.id === id)?.lastSyncError)) break;
      if (Date.now() > deadline) throw new Error(`syncs did not fail in time: ${JSON.stringify(envs)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const envs = (await call('envs.list', {})) as Array<{ lastSyncError: string | null }>;
    // The failure is still explained (the call and the status), only the secret is gone.
    for (const env of envs) expect(env.lastSyncError).toMatch(/HTTP 500/);
    expect(JSON.stringify(envs)).toContain('[redacted]');
    await call('jobs.list', {});
    await call('envs.export', { format: 'json' });
    await call('audit.export', { envId: 'password-three', format: 'csv' });

    expect(leaks(JSON.stringify(answers)), 'API answers').toEqual([]);
    expect(leaks(logs.join('\n')), 'log lines').toEqual([]);
    await engine.close();
    closed = true;
    for (const file of plainFiles(t.dir)) expect(leaks(readFileSync(file).toString('latin1')), file).toEqual([]);
  });

  it('redacts the escaped and encoded forms of a remembered secret', () => {
    const text = `a=${encodeURIComponent(PASSWORD_AF3 + ' x')} b=${JSON.stringify(`${TOKEN}"`)} c=${Buffer.from(TOKEN).toString('base64')}`;
    expect(leaks(redactSecrets(`${PASSWORD_AF3} ${TOKEN} ${JWT}`))).toEqual([]);
    expect(redactSecrets(text)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(redactSecrets(text)).not.toContain(TOKEN);
  });
});
