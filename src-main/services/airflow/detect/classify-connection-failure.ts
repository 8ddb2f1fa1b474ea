import { ProviderError } from '../auth/provider-error';
import { TokenCommandError } from '../auth/token-command-error';
import type { AirflowAuthConfig } from '../connection-config';
import type { AirflowApiVersion, ConnectionFailure, TlsProblem } from '../../../../src-shared/domain/connection-result';
import { AirflowClientError, AirflowHttpError, AirflowNetworkError, AirflowResponseTooLargeError } from '../http/http-errors';
import { tlsProblem } from '../http/network-error-code';
import { AirflowShapeError } from '../read/json-record';
import { NotAirflowError } from './detect-airflow';

const PROVIDER_KINDS: Record<ProviderError['kind'], ConnectionFailure['kind']> = {
  credentials: 'provider_credentials',
  environment: 'provider_environment',
  forbidden: 'forbidden',
  unavailable: 'network',
};

export interface FailureContext {
  auth: AirflowAuthConfig;
  apiVersion?: AirflowApiVersion;
  version?: string;
  timeoutMs: number;
}

const TLS_HINTS: Record<TlsProblem, string> = {
  expired: "The server's certificate has expired. It must be renewed on the server.",
  not_yet_valid: "The server's certificate is not valid yet. Check this computer's clock, or the certificate's start date.",
  self_signed:
    'The server uses a self-signed certificate. Add it (or the CA that signed it) as the custom CA certificate (PEM) of this environment.',
  hostname_mismatch:
    'The certificate is not issued for this host name. Use the host name the certificate names (for example the full DNS name, not the IP address).',
  unknown_ca:
    "The certificate was issued by a CA this computer does not trust (often a company CA). Add that CA's certificate (PEM) to this environment.",
  revoked: "The server's certificate has been revoked. It must be replaced on the server.",
  protocol: 'The server did not speak TLS on this port. Check http:// versus https:// and the port.',
  client_certificate:
    'The server asks for a client certificate and refused the one sent (or none was set). Under TLS and proxy, choose the certificate and key files your company issued for this Airflow.',
  other: 'The TLS handshake failed. Check the certificate, the custom CA setting and the proxy.',
};

function network(error: AirflowNetworkError, ctx: FailureContext): ConnectionFailure {
  const base = { ok: false as const, call: error.call, message: error.message };
  const code = error.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return {
      ...base,
      kind: 'dns',
      hint: 'The host name could not be resolved. Check its spelling, or connect to the VPN it lives behind.',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      ...base,
      kind: 'refused',
      hint: 'Nothing accepts connections at this host and port. Check the port, and that the Airflow API server (Airflow 3) or webserver (Airflow 2) is running.',
    };
  }
  if (code === 'TIMEOUT' || code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT')) {
    return {
      ...base,
      kind: 'timeout',
      hint: `No answer within ${Math.round(ctx.timeoutMs / 1000)} s. Check firewalls, VPN and the proxy setting, or raise the timeout.`,
    };
  }
  const tls = tlsProblem(code);
  if (tls !== undefined) return { ...base, kind: 'tls', tlsProblem: tls, hint: TLS_HINTS[tls] };
  return {
    ...base,
    kind: 'network',
    hint: 'The connection failed before Airflow answered. Check the URL, the network and the proxy setting.',
  };
}

function unauthorizedHint(ctx: FailureContext): string {
  if (ctx.auth.kind === 'token') return 'The token was rejected or has expired. Paste a new one.';
  if (ctx.auth.kind === 'astronomer')
    return 'The API token was rejected or has expired. In Astro, create a Deployment API token (or a Workspace token with access to this deployment) and paste it; the base URL is the deployment URL, with its path.';
  if (ctx.auth.kind === 'composer')
    return "Composer's Airflow refused the Google token. The account needs a Composer role (Composer User or above) and an Airflow role in this environment; check the web server URL too.";
  if (ctx.auth.kind === 'mwaa') return 'MWAA refused the signed request. Check the IAM identity and its Airflow role for this environment.';
  if (ctx.auth.kind === 'none') return 'This Airflow requires credentials. Enter a username and password, or a token.';
  return ctx.apiVersion === 'v1'
    ? 'Check the username and password. Airflow 2 must also enable basic auth for the API ([api] auth_backends including ...basic_auth).'
    : 'Check the username and password (Airflow 3 exchanges them for a token at POST /auth/token). With the FAB auth manager, a user an admin made inactive is refused the same way: ask an Airflow admin whether the account is active.';
}

function http(error: AirflowHttpError, ctx: FailureContext): ConnectionFailure {
  const base = { ok: false as const, call: error.call, status: error.status };
  if (error.status === 401 || (error.status === 403 && error.detail === 'Invalid JWT token')) {
    return {
      ...base,
      kind: 'unauthorized',
      message: `Airflow rejected the credentials (${error.call} returned ${error.status}).`,
      hint: unauthorizedHint(ctx),
    };
  }
  if (error.status === 403) {
    return {
      ...base,
      kind: 'forbidden',
      message: `Signed in, but Airflow refused ${error.call} (403).`,
      hint: `This user lacks the permission for ${error.call}. Ask an Airflow admin for a role that can read DAGs, runs and logs (Viewer or above).`,
    };
  }
  if (error.status >= 300 && error.status < 400) {
    return {
      ...base,
      kind: 'not_airflow',
      message: `${error.call} was redirected (HTTP ${error.status}).`,
      hint: 'Something in front of Airflow redirects API calls (often a login page, or http to https). Use the final https:// URL of the Airflow web UI.',
    };
  }
  return {
    ...base,
    kind: 'http',
    message: error.message,
    hint: `Airflow answered HTTP ${error.status}. Check the server's logs; for 5xx, try again once it is healthy.`,
  };
}

/** Maps whatever a connection test threw to a typed failure with a message and a hint. */
export function classifyConnectionFailure(error: unknown, ctx: FailureContext): ConnectionFailure {
  const known = {
    ...(ctx.apiVersion ? { apiVersion: ctx.apiVersion } : {}),
    ...(ctx.version ? { version: ctx.version } : {}),
  };
  if (error instanceof ProviderError)
    return { ok: false, kind: PROVIDER_KINDS[error.kind], message: error.message, hint: error.hint, ...known };
  if (error instanceof TokenCommandError)
    return { ok: false, kind: 'credential_command', message: error.message, hint: error.hint, ...known };
  if (error instanceof AirflowNetworkError) return { ...network(error, ctx), ...known };
  if (error instanceof AirflowHttpError) return { ...http(error, ctx), ...known };
  const notAirflowHint =
    'The URL answered, but not like the Airflow REST API. Use the base URL of the Airflow web UI (without /api/...); if a proxy or single sign-on page sits in front, check the proxy setting.';
  if (error instanceof NotAirflowError)
    return { ok: false, kind: 'not_airflow', call: error.call, message: error.message, hint: notAirflowHint, ...known };
  if (error instanceof AirflowShapeError) return { ok: false, kind: 'not_airflow', message: error.message, hint: notAirflowHint, ...known };
  if (error instanceof AirflowResponseTooLargeError)
    return {
      ok: false,
      kind: 'http',
      call: error.call,
      message: error.message,
      hint: 'The answer was larger than the response size cap.',
      ...known,
    };
  if (error instanceof AirflowClientError)
    return { ok: false, kind: 'not_airflow', call: error.call, message: error.message, hint: notAirflowHint, ...known };
  if (error instanceof TypeError && /URL/i.test(error.message)) {
    return {
      ok: false,
      kind: 'invalid_url',
      message: 'The Airflow URL is not valid.',
      hint: 'Enter a full URL such as https://airflow.example.com.',
      ...known,
    };
  }
  return {
    ok: false,
    kind: 'network',
    message: 'The connection test failed unexpectedly.',
    hint: 'Check the URL and the network, then try again.',
    ...known,
  };
}
