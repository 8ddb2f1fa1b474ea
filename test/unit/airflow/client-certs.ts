/** A client certificate for mTLS tests, issued by the CA that makeTestCerts(dir) left in the same dir. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface ClientCertFiles {
  certFile: string;
  keyFile: string;
}

/** Writes client.pem and client.key (encrypted with `passphrase` when given) into `dir`. */
export function makeClientCert(dir: string, passphrase?: string): ClientCertFiles {
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  const pass = passphrase ? ['-pass', `pass:${passphrase}`] : [];
  run(
    'genpkey',
    '-algorithm',
    'RSA',
    '-pkeyopt',
    'rsa_keygen_bits:2048',
    '-out',
    'client.key',
    ...(passphrase ? ['-aes-256-cbc'] : []),
    ...pass,
  );
  run(
    'req',
    '-new',
    '-key',
    'client.key',
    ...(passphrase ? ['-passin', `pass:${passphrase}`] : []),
    '-subj',
    '/CN=orc-client',
    '-out',
    'client.csr',
  );
  run('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '30');
  return { certFile: join(dir, 'client.pem'), keyFile: join(dir, 'client.key') };
}
