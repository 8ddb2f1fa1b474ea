import type { TransportOptions } from './http/transport-options';

/** Credentials for one environment (held in memory only; the app stores them with safeStorage). */
export type AirflowAuthConfig =
  /** Airflow 3: exchanged for a JWT at POST /auth/token. Airflow 2: HTTP basic auth. */
  | { kind: 'password'; username: string; password: string }
  /** A pasted bearer token. */
  | { kind: 'token'; token: string }
  /** A command that prints a bearer token (run without a shell; see auth/token-command-auth.ts). */
  | { kind: 'command'; command: string; args: string[]; timeoutMs: number }
  /** An Astronomer Deployment or Workspace API token (a bearer that the user renews in Astro). */
  | { kind: 'astronomer'; token: string }
  /** Amazon MWAA: requests go through the AWS SDK's InvokeRestApi (see mwaa/mwaa-wire.ts), not to the base URL. */
  | { kind: 'mwaa'; region: string; environmentName: string; profile: string | null; endpointUrl: string | null }
  /** Google Cloud Composer: google-auth-library bearer tokens; `keyJson` is the key file's text, null for ADC. */
  | { kind: 'composer'; keyJson: string | null; keyFile: string | null; impersonate: string | null }
  | { kind: 'none' };

export interface AirflowConnectionConfig {
  baseUrl: string;
  auth: AirflowAuthConfig;
  transport?: Omit<TransportOptions, 'baseUrl'>;
}
