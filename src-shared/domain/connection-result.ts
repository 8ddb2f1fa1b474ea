/**
 * The outcome of "Test connection" for one Airflow environment, as the UI shows it.
 * Messages and hints are English sentences; `call` names the refused request.
 */
import { z } from 'zod';

export const ConnectionFailureKind = z.enum([
  /** The host name does not resolve. */
  'dns',
  /** Nothing listens at host:port. */
  'refused',
  /** No answer within the timeout. */
  'timeout',
  /** TLS handshake failed; see `tlsProblem`. */
  'tls',
  /** 401: the credentials (or token) were rejected. */
  'unauthorized',
  /** 403: authenticated, but the named `call` was refused. */
  'forbidden',
  /** Something answered, but not the Airflow REST API (an HTML page, unknown JSON). */
  'not_airflow',
  /** Airflow older than 2.7, or an unknown major version. */
  'unsupported_version',
  /** Any other HTTP status from Airflow. */
  'http',
  /** The connection broke in another way (reset, unreachable network). */
  'network',
  /** The base URL itself is not a usable http(s) URL. */
  'invalid_url',
  /** The token command was not found, failed, timed out or printed no token. */
  'credential_command',
  /** A cloud provider's credentials could not be had: an expired AWS SSO session, no Google application-default credentials. */
  'provider_credentials',
  /** The cloud provider does not know the named environment (wrong MWAA region or environment name). */
  'provider_environment',
]);
export type ConnectionFailureKind = z.infer<typeof ConnectionFailureKind>;

export const TlsProblem = z.enum([
  'expired',
  'not_yet_valid',
  'self_signed',
  'hostname_mismatch',
  'unknown_ca',
  'revoked',
  'protocol',
  'client_certificate',
  'other',
]);
export type TlsProblem = z.infer<typeof TlsProblem>;

export const AirflowApiVersion = z.enum(['v2', 'v1']);
export type AirflowApiVersion = z.infer<typeof AirflowApiVersion>;

export const ConnectionOk = z.object({
  ok: z.literal(true),
  apiVersion: AirflowApiVersion,
  /** Airflow's own version string, e.g. `3.3.2`. */
  version: z.string(),
  /** DAGs the user can see (`total_entries` of the authenticated probe). */
  dagCount: z.number().int().nonnegative(),
});

export const ConnectionFailure = z.object({
  ok: z.literal(false),
  kind: ConnectionFailureKind,
  message: z.string(),
  hint: z.string(),
  /** The request that failed, e.g. `GET /api/v2/dags`. */
  call: z.string().optional(),
  status: z.number().int().optional(),
  tlsProblem: TlsProblem.optional(),
  /** Known when detection succeeded before the failure. */
  apiVersion: AirflowApiVersion.optional(),
  version: z.string().optional(),
});
export type ConnectionFailure = z.infer<typeof ConnectionFailure>;

export const ConnectionTestResult = z.discriminatedUnion('ok', [ConnectionOk, ConnectionFailure]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;
