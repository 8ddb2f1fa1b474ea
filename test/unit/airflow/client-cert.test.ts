/** mTLS: a loopback HTTPS server that requires a client certificate issued by the test CA. */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/services/airflow/detect/test-connection';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { transportFiles } from '../../../src-main/services/environments/transport-files';
import { makeClientCert, type ClientCertFiles } from './client-certs';
import { makeTestCerts, type TestCerts } from './tls-certs';
import { makeTempDir } from '../temp-dir';

describe('client certificates (mTLS)', () => {
  const tmp = makeTempDir('orc-mtls-');
  let certs: TestCerts;
  let client: ClientCertFiles;
  let server: https.Server;
  let baseUrl = '';

  beforeAll(async () => {
    certs = makeTestCerts(tmp.dir);
    client = makeClientCert(tmp.dir, 'orc-key-passphrase');
    server = https.createServer({ ...certs.good, ca: certs.caPem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ cn: peer.subject?.CN ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    tmp.cleanup();
  });

  it('presents the certificate with its encrypted key, read through the safe file reader', async () => {
    const files = await transportFiles(
      { caFile: `${tmp.dir}/ca.pem`, clientCertFile: client.certFile, clientKeyFile: client.keyFile },
      'orc-key-passphrase',
    );
    const http = new AirflowHttpClient({ baseUrl, maxAttempts: 1, ...files });
    expect(await http.getJson('/api/v2/version')).toEqual({ cn: 'orc-client' });
    await http.close();
  });

  it('says the server wants a client certificate when none is set (TLS 1.3 alerts after the handshake)', async () => {
    const failure = await testConnection({ baseUrl, auth: { kind: 'none' }, transport: { caPem: certs.caPem, maxAttempts: 1 } });
    expect(failure).toMatchObject({ kind: 'tls', tlsProblem: 'client_certificate', hint: expect.stringContaining('client certificate') });
  });

  it('refuses a wrong passphrase or half a pair before connecting, without echoing the key', async () => {
    const files = { caFile: null, clientCertFile: client.certFile, clientKeyFile: client.keyFile };
    await expect(transportFiles(files, 'wrong')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The client certificate and key cannot be used together.',
    });
    await expect(transportFiles({ ...files, clientKeyFile: null }, undefined)).rejects.toMatchObject({ code: 'invalid_input' });
    const error = await transportFiles(files, 'wrong').catch((e: unknown) => e);
    expect(JSON.stringify(error) + String(error)).not.toContain(readFileSync(client.keyFile, 'utf8').split('\n')[1]);
  });
});
