import type { EnvAuthInput, StoredEnvironmentConfig } from '../../../src-shared/domain/environment-config';

type StoredAuthFields = Pick<StoredEnvironmentConfig, 'authKind' | 'username' | 'tokenCommand' | 'mwaa' | 'composer'>;

/** The auth block of a stored environment, as the Edit form and exports see it: never a secret. */
export function authFromStored(config: StoredAuthFields): EnvAuthInput {
  switch (config.authKind) {
    case 'password':
      return { kind: 'password', username: config.username ?? '' };
    case 'command':
      return {
        kind: 'command',
        command: config.tokenCommand?.command ?? '',
        args: config.tokenCommand?.args ?? [],
        timeoutS: config.tokenCommand?.timeoutS ?? 30,
      };
    case 'mwaa':
      return {
        kind: 'mwaa',
        region: config.mwaa?.region ?? '',
        environmentName: config.mwaa?.environmentName ?? '',
        profile: config.mwaa?.profile ?? null,
        endpointUrl: config.mwaa?.endpointUrl ?? null,
      };
    case 'composer':
      return { kind: 'composer', keyFile: config.composer?.keyFile ?? null, impersonate: config.composer?.impersonate ?? null };
    default:
      return { kind: config.authKind };
  }
}

/** What the environment row keeps of an auth block (no secret: those go to the vault). */
export function storedAuthFields(auth: EnvAuthInput): StoredAuthFields {
  return {
    authKind: auth.kind,
    username: auth.kind === 'password' ? auth.username : null,
    tokenCommand: auth.kind === 'command' ? { command: auth.command, args: auth.args, timeoutS: auth.timeoutS } : null,
    mwaa:
      auth.kind === 'mwaa'
        ? { region: auth.region, environmentName: auth.environmentName, profile: auth.profile, endpointUrl: auth.endpointUrl }
        : null,
    composer: auth.kind === 'composer' ? { keyFile: auth.keyFile, impersonate: auth.impersonate } : null,
  };
}

/** The auth block as an export file carries it: the kind and its names, never the password or token. */
export function fileAuth(auth: EnvAuthInput): EnvAuthInput {
  if (auth.kind === 'password') return { kind: 'password', username: auth.username };
  if (auth.kind === 'token' || auth.kind === 'astronomer') return { kind: auth.kind };
  return auth;
}
