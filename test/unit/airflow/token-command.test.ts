import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenCommandAuth, type TokenCommand } from '../../../src-main/services/airflow/auth/token-command-auth';
import { TokenCommandError } from '../../../src-main/services/airflow/auth/token-command-error';
import { parseTokenOutput, TokenOutputError } from '../../../src-main/services/airflow/auth/token-command-output';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { sendJson, startLocalServer, type LocalServer } from './local-server';
import { makeTempDir } from '../temp-dir';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');

describe('what a token command prints', () => {
  it('reads a bare token, a Kubernetes ExecCredential and OAuth-style JSON with their expiry', () => {
    expect(parseTokenOutput('ya29.a0AfB_byC-token\n', NOW)).toEqual({ token: 'ya29.a0AfB_byC-token', expiresAtMs: null });
    const exec = JSON.stringify({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: 'abc.def.ghi', expirationTimestamp: '2026-12-07T13:00:00Z' },
    });
    expect(parseTokenOutput(exec, NOW)).toEqual({ token: 'abc.def.ghi', expiresAtMs: Date.parse('2026-12-07T13:00:00Z') });
    expect(parseTokenOutput('{"access_token": "t-1", "expires_in": 3599}', NOW)).toEqual({ token: 't-1', expiresAtMs: NOW + 3_599_000 });
    expect(parseTokenOutput('{"token": "t-2", "expiry": "2026-12-07T12:30:00+00:00"}', NOW).expiresAtMs).toBe(
      Date.parse('2026-12-07T12:30:00+00:00'),
    );
  });

  it('refuses output that holds no single token, saying what was expected and never echoing it', () => {
    for (const bad of [
      '',
      '  \n',
      'line one\nline two',
      'two words',
      '{"status": {}}',
      '{not json',
      '[1]',
      '{"token": "t", "expiry": "soon"}',
    ]) {
      expect(() => parseTokenOutput(bad, NOW), JSON.stringify(bad)).toThrow(TokenOutputError);
    }
    try {
      parseTokenOutput('secret-value another-secret', NOW);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});

/** A token command as a node script: counts its runs in a file and prints what `mode` says. */
function scriptCommand(dir: string, mode: string, extra: string[] = []): TokenCommand & { runs: () => number } {
  const counter = join(dir, `runs-${mode}`);
  writeFileSync(counter, '0');
  const script = join(dir, 'token-command.cjs');
  writeFileSync(
    script,
    String.raw`const fs = require('node:fs');
const [counter, mode, lifetimeS] = process.argv.slice(2);
const n = Number(fs.readFileSync(counter, 'utf8')) + 1;
fs.writeFileSync(counter, String(n));
const token = 'orc-test-token-' + n + '-0123456789abcdef';
if (mode === 'plain') process.stdout.write(token + '\n');
else if (mode === 'exec') process.stdout.write(JSON.stringify({ kind: 'ExecCredential', status: { token, expirationTimestamp: new Date(Date.now() + Number(lifetimeS) * 1000).toISOString() } }));
else if (mode === 'fail') { process.stderr.write('Error loading SSO Token: Token for corp has expired. Run aws sso login --profile corp\n'); process.exit(255); }
else if (mode === 'leak') { process.stderr.write('refusing: ' + token.replace(/-\d+-/, '-1-') + '\n'); process.exit(1); }
else if (mode === 'sleep') setTimeout(() => {}, 60000);
else process.stdout.write('Please sign in at https://login.example/device and enter code ABCD-EFGH\nthen run me again\n');
`,
  );
  return {
    command: process.execPath,
    args: [script, counter, mode, ...extra],
    timeoutMs: 5_000,
    runs: () => Number(readFileSync(counter, 'utf8')),
  };
}

let server: LocalServer | undefined;
let client: AirflowHttpClient | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
  cleanups.splice(0).forEach((c) => c());
});
const temp = (): string => {
  const t = makeTempDir('orc-token-cmd-');
  cleanups.push(t.cleanup);
  return t.dir;
};

/** An API that accepts only the tokens `valid` says, and counts what it saw. */
async function apiAccepting(valid: (token: string) => boolean): Promise<LocalServer> {
  return startLocalServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!valid(token)) return sendJson(res, 401, { detail: 'Token Expired' });
    sendJson(res, 200, { dags: [], total_entries: 0 });
  });
}

describe('token command auth against a loopback API', () => {
  it('runs the command once for many requests, and again only after the API refuses its token', async () => {
    const cmd = scriptCommand(temp(), 'plain');
    let refuseFirst = true;
    server = await apiAccepting((t) => !(refuseFirst && t.startsWith('orc-test-token-1-')));
    client = new AirflowHttpClient({ baseUrl: server.baseUrl, maxAttempts: 1 }, tokenCommandAuth(cmd));
    await client.getJson('/api/v2/dags', {});
    expect(cmd.runs()).toBe(2); // token 1 refused once: the command ran again and the request was retried
    refuseFirst = false;
    await Promise.all([client.getJson('/api/v2/dags', {}), client.getJson('/api/v2/dags', {}), client.getJson('/api/v2/dags', {})]);
    expect(cmd.runs()).toBe(2);
  });

  it('renews a token shortly before the expiry the command reports', async () => {
    let clock = Date.now();
    const cmd = scriptCommand(temp(), 'exec', ['600']);
    server = await apiAccepting(() => true);
    client = new AirflowHttpClient(
      { baseUrl: server.baseUrl, maxAttempts: 1 },
      tokenCommandAuth(cmd, () => clock),
    );
    await client.getJson('/api/v2/dags', {});
    clock += 500_000; // 100 s left: still fresh
    await client.getJson('/api/v2/dags', {});
    expect(cmd.runs()).toBe(1);
    clock += 60_000; // 40 s left: renewed first
    await client.getJson('/api/v2/dags', {});
    expect(cmd.runs()).toBe(2);
    expect(server.seen.at(-1)?.authorization).toMatch(/^Bearer orc-test-token-2-/);
  });

  it('says what went wrong and what to do, with the secrets it knows removed from what the command wrote', async () => {
    const dir = temp();
    const fails = async (cmd: TokenCommand): Promise<TokenCommandError> => {
      const error = await tokenCommandAuth(cmd)
        .authorization({ postJsonWithoutAuth: () => Promise.reject(new Error('unused')) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenCommandError);
      return error as TokenCommandError;
    };
    expect((await fails({ command: join(dir, 'no-such-tool'), args: [], timeoutMs: 5000 })).message).toContain('was not found');
    const sso = await fails(scriptCommand(dir, 'fail'));
    expect(sso.message).toContain('exit 255');
    expect(sso.message).toContain('aws sso login --profile corp');
    expect(sso.hint).toContain('sign in again');
    const slow = await fails({ ...scriptCommand(dir, 'sleep'), timeoutMs: 1_000 });
    expect(slow.message).toContain('did not finish within 1 s');
    const prompt = await fails(scriptCommand(dir, 'device-prompt'));
    expect(prompt.message).toContain('gave no usable token');
    expect(prompt.message).not.toContain('ABCD-EFGH');
    // A token printed earlier is a known secret: echoed on stderr it is redacted.
    const plain = scriptCommand(dir, 'plain');
    await tokenCommandAuth(plain).authorization({ postJsonWithoutAuth: () => Promise.reject(new Error('unused')) });
    const leak = await fails({ ...scriptCommand(dir, 'leak'), args: [plain.args[0] ?? '', join(dir, 'runs-plain'), 'leak'] });
    expect(leak.message).not.toContain('orc-test-token-1-0123456789abcdef');
  });
});
