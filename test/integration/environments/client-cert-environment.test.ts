/**
 * Issue 15, client certificates (mTLS): the real Airflow 3 behind a loopback TLS proxy that requires a client
 * certificate issued by the test CA (certificates made with openssl in the test; the key encrypted with a passphrase).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { call, waitForJob } from './engine-calls';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';
import { makeClientCert } from '../../unit/airflow/client-certs';
import { makeTestCerts } from '../../unit/airflow/tls-certs';
import { makeTempDir } from '../../unit/temp-dir';

const peers = inject('peers');
const PASSPHRASE = 'orc-mtls-passphrase-7391';

describe('an Airflow 3 that requires a client certificate', () => {
  const af = peers.af3;
  const data = makeTempDir('orc-mtls-data-');
  const certsDir = makeTempDir('orc-mtls-certs-');
  let engine: Engine;
  let proxy: LoopbackProxy;

  beforeAll(async () => {
    if (!af) throw new Error('the Airflow 3 peer (af3) was not started; the mTLS test needs it');
    const certs = makeTestCerts(certsDir.dir);
    makeClientCert(certsDir.dir, PASSPHRASE);
    proxy = await startLoopbackProxy({
      target: af.baseUrl,
      prefix: '/airflow',
      tls: { ...certs.good, ca: certs.caPem, requestCert: true, rejectUnauthorized: true },
    });
    engine = await createEngine({ dataDir: data.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine?.close();
    await proxy?.close();
    data.cleanup();
    certsDir.cleanup();
  });

  it('is refused without the certificate with a hint that says so, then connects, syncs and keeps it across an edit', async () => {
    const draft = {
      name: 'mTLS',
      color: '#2563eb',
      baseUrl: proxy.baseUrl,
      auth: { kind: 'password', username: af?.users.admin.username, password: af?.users.admin.password },
      caFile: join(certsDir.dir, 'ca.pem'),
    };
    await expect(call(engine, 'envs.add', draft)).rejects.toMatchObject({
      code: 'unavailable',
      hint: expect.stringContaining('client certificate'),
    });
    const withCert = { ...draft, clientCertFile: join(certsDir.dir, 'client.pem'), clientKeyFile: join(certsDir.dir, 'client.key') };
    await expect(call(engine, 'envs.add', { ...withCert, clientKeyPassphrase: 'wrong' })).rejects.toMatchObject({
      message: 'The client certificate and key cannot be used together.',
    });
    const added = await call<{ environment: { id: string } }>(engine, 'envs.add', { ...withCert, clientKeyPassphrase: PASSPHRASE });
    const envId = added.environment.id;
    const job = await call<{ jobId: string }>(engine, 'sync.start', { envId });
    expect(await waitForJob(engine, job.jobId)).toMatchObject({ state: 'done' });
    // A rename changes nothing else: the certificate stays, and the stored passphrase still opens the key.
    await call(engine, 'envs.update', { envId, changes: { name: 'mTLS renamed' } });
    expect(await call(engine, 'envs.settings', { envId })).toMatchObject({
      clientCertFile: withCert.clientCertFile,
      clientKeyFile: withCert.clientKeyFile,
      caFile: draft.caFile,
    });
    expect(await call(engine, 'envs.test', { envId })).toMatchObject({ ok: true });
    for (const name of readdirSync(data.dir)) {
      const path = join(data.dir, name);
      if (statSync(path).isFile()) expect(readFileSync(path).includes(Buffer.from(PASSPHRASE)), name).toBe(false);
    }
    expect(JSON.stringify(await call(engine, 'envs.export', { envIds: [envId], format: 'json' }))).not.toContain(PASSPHRASE);
  });
});
