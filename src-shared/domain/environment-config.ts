import { z } from 'zod';
import { EnvColor } from './environment';

/**
 * A command that prints a bearer token (gcloud auth print-access-token, a Kubernetes ExecCredential plugin, a
 * script): the program and its arguments, run without a shell. Not a secret: the token it prints is kept in memory.
 */
export const TokenCommandAuth = z
  .object({
    kind: z.literal('command'),
    command: z
      .string()
      .trim()
      .min(1)
      .max(4096)
      .refine((c) => !c.includes('\u0000') && !/[\r\n]/.test(c), 'one program name or path, on one line'),
    args: z
      .array(
        z
          .string()
          .max(4096)
          .refine((a) => !a.includes('\u0000'), 'no NUL characters'),
      )
      .max(64)
      .default([]),
    timeoutS: z.number().int().min(1).max(300).default(30),
  })
  .strict();

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'an http(s) URL without credentials in it, like https://airflow.example.com');

/** An Astronomer deployment: a Deployment or Workspace API token, sent as a bearer on the deployment's URL. */
export const AstronomerAuth = z.object({ kind: z.literal('astronomer'), token: z.string().min(1).max(20_000).optional() }).strict();

/**
 * Amazon MWAA: Airflow's REST API through the AWS SDK's InvokeRestApi, signed with credentials from the standard AWS
 * chain (a named profile, SSO, environment variables, an instance role). Not a secret: only names.
 */
export const MwaaAuth = z
  .object({
    kind: z.literal('mwaa'),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'an AWS region such as us-east-1'),
    environmentName: z
      .string()
      .trim()
      .regex(/^[a-zA-Z][0-9a-zA-Z_-]{0,79}$/, 'the MWAA environment name (letters, digits, - and _)'),
    /** A profile of ~/.aws/config; null for the default chain (AWS_PROFILE, environment variables, instance role). */
    profile: z
      .string()
      .trim()
      .regex(/^[\w.+=,@/-]{1,128}$/, 'an AWS profile name')
      .nullable()
      .default(null),
    /** Another endpoint for the MWAA API (a VPC interface endpoint, a test double); null for AWS's own. */
    endpointUrl: httpUrl.nullable().default(null),
  })
  .strict();

/**
 * Google Cloud Composer: bearer tokens from google-auth-library on the Composer web server URL, from application-default
 * credentials or a key file (service account or authorized user JSON), optionally impersonating a service account.
 */
export const ComposerAuth = z
  .object({
    kind: z.literal('composer'),
    /** A credentials JSON file read by the back end; null for application-default credentials. */
    keyFile: z.string().trim().min(1).max(4096).nullable().default(null),
    /** A service account to impersonate (the caller needs Service Account Token Creator on it). */
    impersonate: z
      .string()
      .trim()
      .regex(/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/, 'a service account e-mail ending in .iam.gserviceaccount.com')
      .nullable()
      .default(null),
  })
  .strict();

/** How the app authenticates to one Airflow. Secrets are write-only: the UI never reads them back. */
export const EnvAuthInput = z.discriminatedUnion('kind', [
  /** Airflow 3: exchanged for a JWT at /auth/token; Airflow 2: HTTP basic auth. */
  z
    .object({ kind: z.literal('password'), username: z.string().min(1).max(200), password: z.string().min(1).max(1000).optional() })
    .strict(),
  /** A pasted bearer token (Airflow 3). */
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(20_000).optional() }).strict(),
  TokenCommandAuth,
  AstronomerAuth,
  MwaaAuth,
  ComposerAuth,
  z.object({ kind: z.literal('none') }).strict(),
]);
export type EnvAuthInput = z.infer<typeof EnvAuthInput>;

/** What the user enters to add or edit an environment. */
export const EnvironmentInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    color: EnvColor,
    baseUrl: httpUrl,
    auth: EnvAuthInput,
    /** PEM file with a custom CA for TLS, read by the back end. */
    caFile: z.string().max(4096).nullable().default(null),
    /** Client certificate (PEM) and its private key (PEM), for an Airflow or gateway that asks for one (mTLS). */
    clientCertFile: z.string().trim().min(1).max(4096).nullable().default(null),
    clientKeyFile: z.string().trim().min(1).max(4096).nullable().default(null),
    /** The passphrase of an encrypted client key: write-only, kept in the vault. */
    clientKeyPassphrase: z.string().min(1).max(1000).optional(),
    proxyUrl: httpUrl.nullable().default(null),
    readOnly: z.boolean().default(true),
    /** Minutes between automatic syncs; null for manual only. */
    syncIntervalMin: z.number().int().min(1).max(1440).nullable().default(null),
    historyDays: z.number().int().min(1).max(3650).default(90),
  })
  .strict();
export type EnvironmentInput = z.input<typeof EnvironmentInput>;

const input = EnvironmentInput.shape;
/**
 * What `envs.update` changes: only the fields sent. (`EnvironmentInput.partial()` would fill every absent field with
 * its default, so a rename would also clear the CA file, the client certificate and the proxy and make the
 * environment read-only again.)
 */
export const EnvironmentChanges = z
  .object({
    name: input.name.optional(),
    color: input.color.optional(),
    baseUrl: input.baseUrl.optional(),
    auth: input.auth.optional(),
    caFile: input.caFile.removeDefault().optional(),
    clientCertFile: input.clientCertFile.removeDefault().optional(),
    clientKeyFile: input.clientKeyFile.removeDefault().optional(),
    clientKeyPassphrase: input.clientKeyPassphrase,
    proxyUrl: input.proxyUrl.removeDefault().optional(),
    readOnly: input.readOnly.removeDefault().optional(),
    syncIntervalMin: input.syncIntervalMin.removeDefault().optional(),
    historyDays: input.historyDays.removeDefault().optional(),
  })
  .strict();
export type EnvironmentSettings = z.output<typeof EnvironmentInput>;

/** Stored beside the environment row (no secrets). */
export const StoredEnvironmentConfig = z.object({
  authKind: z.enum(['password', 'token', 'command', 'astronomer', 'mwaa', 'composer', 'none']),
  username: z.string().nullable(),
  /** The token command of `authKind: 'command'`. */
  tokenCommand: z
    .object({ command: z.string(), args: z.array(z.string()), timeoutS: z.number().int() })
    .nullable()
    .default(null),
  /** The region, environment, profile and endpoint of `authKind: 'mwaa'`. */
  mwaa: MwaaAuth.omit({ kind: true }).nullable().default(null),
  /** The key file and impersonated account of `authKind: 'composer'`. */
  composer: ComposerAuth.omit({ kind: true }).nullable().default(null),
  /** False for a token command imported from a file and not yet saved by the user: it is not run. */
  commandConfirmed: z.boolean().default(true),
  caFile: z.string().nullable(),
  clientCertFile: z.string().nullable().default(null),
  clientKeyFile: z.string().nullable().default(null),
  proxyUrl: z.string().nullable(),
  syncIntervalMin: z.number().int().nullable(),
  historyDays: z.number().int(),
  apiVersion: z.enum(['v1', 'v2']).nullable(),
});
export type StoredEnvironmentConfig = z.infer<typeof StoredEnvironmentConfig>;
