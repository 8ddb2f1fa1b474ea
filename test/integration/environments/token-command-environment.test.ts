/**
 * Issue 15, token command: an environment whose bearer token comes from a program (here a script that signs in to the
 * real Airflow 3's /auth/token and prints a Kubernetes ExecCredential), added, synced, imported and confirmed through
 * the engine's API.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { call, waitForJob } from './engine-calls';
import { makeTempDir } from '../../unit/temp-dir';

const peers = inject('peers');

/** Signs in at /auth/token with the user given by the environment and prints an ExecCredential (or fails like a CLI). */
const SCRIPT = String.raw`const [baseUrl, counter, tokenLog] = process.argv.slice(2);
const fs = require('node:fs');
fs.writeFileSync(counter, String(Number(fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8') : '0') + 1));
fetch(baseUrl + '/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: process.env.ORC_TEST_AF_USER, password: process.env.ORC_TEST_AF_PASSWORD }) })
  .then(async (res) => {
    if (res.status !== 201) { process.stderr.write('sign-in refused: HTTP ' + res.status + '\n'); process.exit(2); }
    const { access_token } = await res.json();
    const exp = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString()).exp;
    if (tokenLog) fs.appendFileSync(tokenLog, access_token + '\n');
    process.stdout.write(JSON.stringify({ kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1',
      status: { token: access_token, expirationTimestamp: new Date(exp * 1000).toISOString() } }));
  })
  .catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(3); });
`;

describe('an environment signed in by a token command, on the real Airflow 3', () => {
  const af = peers.af3;
  const tmp = makeTempDir('orc-token-command-');
  const script = join(tmp.dir, 'airflow-token.cjs');
  const counter = join(tmp.dir, 'runs');
  // The tokens the command printed, kept outside the data directory so the test can look for them in it.
  const outside = makeTempDir('orc-token-command-printed-');
  const tokenLog = join(outside.dir, 'printed-tokens');
  let engine: Engine;
  const commandAuth = (args: string[] = [script, af?.baseUrl ?? '', counter, tokenLog]) => ({
    kind: 'command',
    command: process.execPath,
    args,
    timeoutS: 20,
  });
  const draft = (extra: Record<string, unknown> = {}) => ({
    name: 'Composer-like',
    color: '#2563eb',
    baseUrl: af?.baseUrl,
    auth: commandAuth(),
    ...extra,
  });

  beforeAll(async () => {
    if (!af) throw new Error('the Airflow 3 peer (af3) was not started; the token command test needs it');
    writeFileSync(script, SCRIPT);
    process.env.ORC_TEST_AF_USER = af.users.admin.username;
    process.env.ORC_TEST_AF_PASSWORD = af.users.admin.password;
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine?.close();
    delete process.env.ORC_TEST_AF_USER;
    delete process.env.ORC_TEST_AF_PASSWORD;
    tmp.cleanup();
    outside.cleanup();
  });

  it('refuses a command that fails, with its reason and what to do, and saves nothing', async () => {
    await expect(call(engine, 'envs.add', draft({ auth: commandAuth([script, 'http://127.0.0.1:9', counter]) }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/token command .* failed \(exit 3\)/),
      hint: expect.stringContaining('sign in again'),
    });
    await expect(
      call(engine, 'envs.add', draft({ auth: { kind: 'command', command: join(tmp.dir, 'gcloud-missing'), args: [], timeoutS: 5 } })),
    ).rejects.toMatchObject({
      message: expect.stringContaining('was not found'),
    });
    expect(await call(engine, 'envs.list', {})).toEqual([]);
  });

  it('adds, tests and syncs with the token the command prints, running it once for the whole sync', async () => {
    const added = await call<{ environment: { id: string; airflowVersion: string } }>(engine, 'envs.add', draft());
    expect(added.environment.airflowVersion).toBe(af?.version);
    const settings = await call<{ auth: unknown }>(engine, 'envs.settings', { envId: added.environment.id });
    expect(settings.auth).toEqual(commandAuth());
    const runsBefore = Number(readFileSync(counter, 'utf8'));
    const job = await call<{ jobId: string }>(engine, 'sync.start', { envId: added.environment.id });
    expect(await waitForJob(engine, job.jobId)).toMatchObject({ state: 'done' });
    // The test at add time obtained a token that is still fresh: the sync's many requests reuse it.
    expect(Number(readFileSync(counter, 'utf8')) - runsBefore).toBeLessThanOrEqual(1);
    const overview = await call<{ dags: { dagId: string }[] }>(engine, 'overview.get', { envId: added.environment.id });
    expect(overview.dags.map((d) => d.dagId)).toContain('orc_linear_etl');
    // No token on disk: the command is not a secret, and the tokens it printed stay in memory. (The peer's password,
    // "admin", is also a user name that synced audit events carry, so it is no test of secrecy here.)
    const printed = readFileSync(tokenLog, 'utf8')
      .split('\n')
      .filter((t) => t.length > 0);
    expect(printed.length).toBeGreaterThan(0);
    for (const name of readdirSync(tmp.dir)) {
      if (name.endsWith('.cjs') || name === 'runs') continue;
      const path = join(tmp.dir, name);
      try {
        const bytes = readFileSync(path);
        for (const token of printed) expect(bytes.includes(Buffer.from(token)), name).toBe(false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
  });

  it('does not run a token command that came from an import file until the user saves it', async () => {
    const file = JSON.stringify({
      environments: [
        { ...draft({ name: 'Imported command' }), caFile: null, proxyUrl: null, readOnly: true, syncIntervalMin: null, historyDays: 30 },
      ],
    });
    const imported = await call<{ added: { id: string }[] }>(engine, 'envs.import', { text: file, format: 'json' });
    const envId = imported.added[0]?.id ?? '';
    const runsBefore = Number(readFileSync(counter, 'utf8'));
    await expect(call(engine, 'envs.test', { envId })).rejects.toMatchObject({
      message: expect.stringContaining('has not been confirmed'),
    });
    expect(Number(readFileSync(counter, 'utf8'))).toBe(runsBefore);
    await call(engine, 'envs.update', { envId, changes: { auth: commandAuth() } });
    expect(await call(engine, 'envs.test', { envId })).toMatchObject({ ok: true });
  });
});
