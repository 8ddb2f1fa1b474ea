/** Throw-away certificates for TLS tests, made with the openssl CLI in a temp dir. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCerts {
  caPem: string;
  /** Issued by the CA for DNS:localhost, valid now. */
  good: { key: string; cert: string };
  /** Issued by the CA for DNS:localhost, expired in 2020. */
  expired: { key: string; cert: string };
  /** Self-signed for localhost. */
  selfSigned: { key: string; cert: string };
}

/** The openssl CLI the TLS tests make certificates with; missing, the tests fail (never skip) and say how to get it. */
export function requireOpenssl(): void {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The TLS tests need the openssl command: run `bash test/env/provision-system.sh` (or `apt-get install -y openssl`).');
  }
}

export function makeTestCerts(dir: string): TestCerts {
  requireOpenssl();
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=ORC Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  );
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=localhost');
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = c',
      '[c]',
      'database = index.txt',
      'new_certs_dir = .',
      'serial = serial',
      'default_md = sha256',
      'policy = p',
      'copy_extensions = none',
      'x509_extensions = ext',
      'unique_subject = no',
      '[p]',
      'commonName = supplied',
      '[ext]',
      'subjectAltName = DNS:localhost',
    ].join('\n'),
  );
  const sign = (out: string, start: string, end: string): void =>
    run(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      'srv.csr',
      '-out',
      out,
      '-startdate',
      start,
      '-enddate',
      end,
      '-notext',
    );
  const now = new Date();
  const stamp = (d: Date): string => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  sign('good.pem', stamp(new Date(now.getTime() - 86_400_000)), stamp(new Date(now.getTime() + 30 * 86_400_000)));
  sign('expired.pem', '20200101000000Z', '20200102000000Z');
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    '-days',
    '30',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
  );
  return {
    caPem: read('ca.pem'),
    good: { key: read('srv.key'), cert: read('good.pem') },
    expired: { key: read('srv.key'), cert: read('expired.pem') },
    selfSigned: { key: read('self.key'), cert: read('self.pem') },
  };
}
