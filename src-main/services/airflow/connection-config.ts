import type { TransportOptions } from './http/transport-options';

/** Credentials for one environment (held in memory only; the app stores them with safeStorage). */
export type AirflowAuthConfig =
  /** Airflow 3: exchanged for a JWT at POST /auth/token. Airflow 2: HTTP basic auth. */
  | { kind: 'password'; username: string; password: string }
  /** A pasted bearer token. */
  | { kind: 'token'; token: string }
  /** A command that prints a bearer token (run without a shell; see auth/token-command-auth.ts). */
  | { kind: 'command'; command: string; args: string[]; timeoutMs: number }
  | { kind: 'none' };

export interface AirflowConnectionConfig {
  baseUrl: string;
  auth: AirflowAuthConfig;
  transport?: Omit<TransportOptions, 'baseUrl'>;
}
