import tls from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { ResolvedTransportOptions } from './transport-options';

/**
 * The undici dispatcher for one environment: a keep-alive Agent, or a ProxyAgent when a proxy URL is set.
 * A custom CA is added to Node's root certificates (not instead of them), for the target and for an https proxy;
 * a client certificate (mTLS) is presented to the target.
 */
export function createDispatcher(options: Pick<ResolvedTransportOptions, 'caPem' | 'proxyUrl' | 'clientCert' | 'timeoutMs'>): Dispatcher {
  const ca = options.caPem ? [...tls.rootCertificates, options.caPem] : undefined;
  const common = { keepAliveTimeout: 10_000, connectTimeout: options.timeoutMs };
  const client = options.clientCert;
  // The client certificate is for the Airflow server (through a proxy: inside the tunnel), never for the proxy.
  const target = {
    ...(ca ? { ca } : {}),
    ...(client ? { cert: client.certPem, key: client.keyPem, ...(client.passphrase ? { passphrase: client.passphrase } : {}) } : {}),
  };
  const hasTarget = Object.keys(target).length > 0;
  if (options.proxyUrl) {
    return new ProxyAgent({
      uri: options.proxyUrl,
      ...common,
      ...(hasTarget ? { requestTls: target } : {}),
      ...(ca ? { proxyTls: { ca } } : {}),
    });
  }
  return new Agent({ ...common, ...(hasTarget ? { connect: target } : {}) });
}
