import tls from 'node:tls';
import { networkErrorCode } from '../http/network-error-code';
import type { TransportOptions } from '../http/transport-options';

const WAIT_MS = 1_500;

/**
 * Under TLS 1.3 a server that wants a client certificate completes the handshake and only then sends its alert, which
 * undici reports as "other side closed". This opens one TLS connection the same way (CA, client certificate) and
 * waits briefly for such an alert, to tell the person what the server wanted. Resolves the alert's error code, or null.
 */
export function tlsAlertCode(
  baseUrl: string,
  transport: Pick<TransportOptions, 'caPem' | 'clientCert' | 'timeoutMs'>,
): Promise<string | null> {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') return Promise.resolve(null);
  return new Promise((resolve) => {
    const client = transport.clientCert;
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: url.hostname,
      ...(transport.caPem ? { ca: [...tls.rootCertificates, transport.caPem] } : {}),
      ...(client ? { cert: client.certPem, key: client.keyPem, ...(client.passphrase ? { passphrase: client.passphrase } : {}) } : {}),
    });
    const done = (code: string | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => done(null), transport.timeoutMs ?? WAIT_MS);
    socket.on('secureConnect', () => {
      clearTimeout(timer);
      setTimeout(() => done(null), WAIT_MS);
    });
    socket.on('error', (error) => done(networkErrorCode(error) ?? null));
  });
}
