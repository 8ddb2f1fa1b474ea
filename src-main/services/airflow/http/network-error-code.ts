/**
 * The Node/undici error code behind a failed request (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`,
 * `UND_ERR_SOCKET`, ...), looking through `cause` chains and AggregateErrors (happy eyeballs).
 */
export function networkErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  const nested: unknown[] = [];
  if (error instanceof AggregateError) nested.push(...error.errors);
  nested.push((error as { cause?: unknown }).cause);
  // Prefer the most specific code: a socket/TLS code inside a generic wrapper.
  for (const inner of nested) {
    const found = networkErrorCode(inner, depth + 1);
    if (found !== undefined && (typeof code !== 'string' || GENERIC_CODES.has(code))) return found;
  }
  return typeof code === 'string' ? code : undefined;
}

const GENERIC_CODES = new Set(['UND_ERR', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT', 'ERR_ASSERTION']);

/** Codes worth another try: resets, refusals, timeouts, temporary DNS failures. */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'TIMEOUT',
]);

/** TLS certificate problems by Node error code. */
export type TlsProblem =
  | 'expired'
  | 'not_yet_valid'
  | 'self_signed'
  | 'hostname_mismatch'
  | 'unknown_ca'
  | 'revoked'
  | 'protocol'
  | 'client_certificate'
  | 'other';

const TLS_CODES: Record<string, TlsProblem> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self_signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname_mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown_ca',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown_ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown_ca',
  CERT_UNTRUSTED: 'unknown_ca',
  CERT_REVOKED: 'revoked',
  EPROTO: 'protocol',
  ERR_SSL_WRONG_VERSION_NUMBER: 'protocol',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'protocol',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'protocol',
  // The server asked for a client certificate (mTLS) and got none, or one it does not trust.
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'client_certificate',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'client_certificate',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'client_certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'client_certificate',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'client_certificate',
};

export function tlsProblem(code: string | undefined): TlsProblem | undefined {
  if (code === undefined) return undefined;
  if (code in TLS_CODES) return TLS_CODES[code];
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) return 'other';
  return undefined;
}
