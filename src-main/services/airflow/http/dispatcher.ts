import tls from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';

/**
 * The undici dispatcher for one environment: a keep-alive Agent, or a ProxyAgent when a proxy URL is set.
 * A custom CA is added to Node's root certificates (not instead of them), for the target and for an https proxy.
 */
export function createDispatcher(options: { caPem?: string | undefined; proxyUrl?: string | undefined; timeoutMs: number }): Dispatcher {
  const ca = options.caPem ? [...tls.rootCertificates, options.caPem] : undefined;
  const common = { keepAliveTimeout: 10_000, connectTimeout: options.timeoutMs };
  if (options.proxyUrl) {
    return new ProxyAgent({
      uri: options.proxyUrl,
      ...common,
      ...(ca ? { requestTls: { ca }, proxyTls: { ca } } : {}),
    });
  }
  return new Agent({ ...common, ...(ca ? { connect: { ca } } : {}) });
}
