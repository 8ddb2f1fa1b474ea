import tls from 'node:tls';
import { ApiError } from '../../../src-shared/api/errors';
import type { EnvironmentSettings } from '../../../src-shared/domain/environment-config';
import type { TransportOptions } from '../airflow/http/transport-options';
import { readUserFile } from './connection-auth';

/** A CA file is a few KB; a whole system bundle is about 200 KB. A certificate chain or key is far smaller. */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;
const MAX_CLIENT_FILE_BYTES = 256 * 1024;

/** The vault entry of an environment's client key passphrase (beside its password or token). */
export const clientKeySecretId = (envId: string): string => `${envId}#client-key`;

type Files = Pick<EnvironmentSettings, 'caFile' | 'clientCertFile' | 'clientKeyFile'>;

/**
 * The custom CA and the client certificate (mTLS) of a connection, read through the bounded user-file reader (a FIFO
 * or /dev/zero named here, by a person or an imported file, must neither hang nor fill memory). The certificate and
 * key are checked together before any connection, so a wrong passphrase is said as such.
 */
export async function transportFiles(s: Files, passphrase: string | undefined): Promise<Pick<TransportOptions, 'caPem' | 'clientCert'>> {
  const out: Pick<TransportOptions, 'caPem' | 'clientCert'> = {};
  if (s.caFile) out.caPem = await readUserFile(s.caFile, 'CA file', 'Choose a PEM file with your CA certificate.', MAX_CA_FILE_BYTES);
  if (s.clientCertFile === null && s.clientKeyFile === null) return out;
  if (s.clientCertFile === null || s.clientKeyFile === null) {
    throw new ApiError(
      'invalid_input',
      'A client certificate needs both its certificate file and its key file.',
      'Choose both PEM files, or clear both.',
    );
  }
  const certPem = await readUserFile(
    s.clientCertFile,
    'client certificate file',
    'Choose the PEM file of your client certificate.',
    MAX_CLIENT_FILE_BYTES,
  );
  const keyPem = await readUserFile(
    s.clientKeyFile,
    'client key file',
    'Choose the PEM file of the private key of your client certificate.',
    MAX_CLIENT_FILE_BYTES,
  );
  try {
    tls.createSecureContext({ cert: certPem, key: keyPem, ...(passphrase ? { passphrase } : {}) });
  } catch {
    throw new ApiError(
      'invalid_input',
      'The client certificate and key cannot be used together.',
      'Check that the key belongs to the certificate, that both are PEM, and the passphrase of an encrypted key.',
    );
  }
  out.clientCert = { certPem, keyPem, ...(passphrase ? { passphrase } : {}) };
  return out;
}
