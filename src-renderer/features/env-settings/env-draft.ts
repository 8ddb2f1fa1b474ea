import type { EnvironmentInput } from '../../../src-shared/domain/environment-config';
import { defaultEnvColor } from './env-colors';

export type AuthKind = EnvironmentInput['auth']['kind'];

/** The Add/Edit form as the user types it: every field a string or a flag. */
export interface EnvDraft {
  name: string;
  color: string;
  baseUrl: string;
  authKind: AuthKind;
  username: string;
  /** Password or token; write-only: empty in Edit means "keep the stored one". */
  secret: string;
  /** Token command: the program, its arguments one per line (no shell), and its timeout in seconds. */
  command: string;
  commandArgs: string;
  commandTimeoutS: string;
  /** Amazon MWAA: region, environment name, optional profile and API endpoint. */
  mwaaRegion: string;
  mwaaEnvironment: string;
  mwaaProfile: string;
  mwaaEndpointUrl: string;
  /** Google Cloud Composer: optional credentials file (empty: application-default credentials) and impersonated account. */
  composerKeyFile: string;
  composerImpersonate: string;
  caFile: string;
  /** Client certificate and key files (mTLS); the key's passphrase is write-only like the secret. */
  clientCertFile: string;
  clientKeyFile: string;
  clientKeyPassphrase: string;
  proxyUrl: string;
  readOnly: boolean;
  /** Minutes between automatic syncs; empty for manual only. */
  syncIntervalMin: string;
  historyDays: string;
}

export type DraftField = keyof EnvDraft;

export const emptyDraft: EnvDraft = {
  name: '',
  color: defaultEnvColor,
  baseUrl: '',
  authKind: 'password',
  username: '',
  secret: '',
  command: '',
  commandArgs: '',
  commandTimeoutS: '30',
  mwaaRegion: '',
  mwaaEnvironment: '',
  mwaaProfile: '',
  mwaaEndpointUrl: '',
  composerKeyFile: '',
  composerImpersonate: '',
  caFile: '',
  clientCertFile: '',
  clientKeyFile: '',
  clientKeyPassphrase: '',
  proxyUrl: '',
  readOnly: true,
  syncIntervalMin: '',
  historyDays: '90',
};

/** A stored environment's settings (as an export file holds them) as a form draft; the secret stays empty. */
export function draftFromInput(input: EnvironmentInput): EnvDraft {
  return {
    name: input.name,
    color: input.color,
    baseUrl: input.baseUrl,
    authKind: input.auth.kind,
    username: input.auth.kind === 'password' ? input.auth.username : '',
    secret: '',
    command: input.auth.kind === 'command' ? input.auth.command : '',
    commandArgs: input.auth.kind === 'command' ? (input.auth.args ?? []).join('\n') : '',
    commandTimeoutS: input.auth.kind === 'command' ? String(input.auth.timeoutS ?? 30) : '30',
    mwaaRegion: input.auth.kind === 'mwaa' ? input.auth.region : '',
    mwaaEnvironment: input.auth.kind === 'mwaa' ? input.auth.environmentName : '',
    mwaaProfile: input.auth.kind === 'mwaa' ? (input.auth.profile ?? '') : '',
    mwaaEndpointUrl: input.auth.kind === 'mwaa' ? (input.auth.endpointUrl ?? '') : '',
    composerKeyFile: input.auth.kind === 'composer' ? (input.auth.keyFile ?? '') : '',
    composerImpersonate: input.auth.kind === 'composer' ? (input.auth.impersonate ?? '') : '',
    caFile: input.caFile ?? '',
    clientCertFile: input.clientCertFile ?? '',
    clientKeyFile: input.clientKeyFile ?? '',
    clientKeyPassphrase: '',
    proxyUrl: input.proxyUrl ?? '',
    readOnly: input.readOnly ?? true,
    syncIntervalMin: input.syncIntervalMin === null || input.syncIntervalMin === undefined ? '' : String(input.syncIntervalMin),
    historyDays: String(input.historyDays ?? 90),
  };
}
