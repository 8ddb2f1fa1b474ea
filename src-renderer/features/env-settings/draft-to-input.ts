import type { EnvAuthInput, EnvironmentInput } from '../../../src-shared/domain/environment-config';
import type { EnvDraft } from './env-draft';

/** Arguments as typed, one per line (blank lines dropped); each is passed as is, no shell splits or expands them. */
export function commandArgs(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim().length > 0);
}

const optionalText = (text: string): string | null => (text.trim().length > 0 ? text.trim() : null);

/** The auth block; an empty secret is left out (the back end keeps the stored one). */
export function draftAuth(draft: EnvDraft): EnvAuthInput {
  const secret = draft.secret.length > 0 ? draft.secret : undefined;
  if (draft.authKind === 'password')
    return { kind: 'password', username: draft.username.trim(), ...(secret !== undefined ? { password: secret } : {}) };
  if (draft.authKind === 'token') return { kind: 'token', ...(secret !== undefined ? { token: secret } : {}) };
  if (draft.authKind === 'astronomer') return { kind: 'astronomer', ...(secret !== undefined ? { token: secret } : {}) };
  if (draft.authKind === 'command')
    return {
      kind: 'command',
      command: draft.command.trim(),
      args: commandArgs(draft.commandArgs),
      timeoutS: Number(draft.commandTimeoutS),
    };
  if (draft.authKind === 'mwaa') {
    return {
      kind: 'mwaa',
      region: draft.mwaaRegion.trim(),
      environmentName: draft.mwaaEnvironment.trim(),
      profile: optionalText(draft.mwaaProfile),
      endpointUrl: optionalText(draft.mwaaEndpointUrl),
    };
  }
  if (draft.authKind === 'composer')
    return { kind: 'composer', keyFile: optionalText(draft.composerKeyFile), impersonate: optionalText(draft.composerImpersonate) };
  return { kind: 'none' };
}

/** A validated draft as the API's EnvironmentInput. */
export function draftToInput(draft: EnvDraft): EnvironmentInput {
  return {
    name: draft.name.trim(),
    color: draft.color,
    baseUrl: draft.baseUrl.trim(),
    auth: draftAuth(draft),
    caFile: optionalText(draft.caFile),
    clientCertFile: optionalText(draft.clientCertFile),
    clientKeyFile: optionalText(draft.clientKeyFile),
    ...(draft.clientKeyPassphrase.length > 0 ? { clientKeyPassphrase: draft.clientKeyPassphrase } : {}),
    proxyUrl: optionalText(draft.proxyUrl),
    readOnly: draft.readOnly,
    syncIntervalMin: draft.syncIntervalMin.trim().length > 0 ? Number(draft.syncIntervalMin) : null,
    historyDays: Number(draft.historyDays),
  };
}

/** A token command is always sent when saved: saving it is how the user confirms one imported from a file. */
function authChanged(before: EnvDraft, after: EnvDraft): boolean {
  if (after.authKind === 'command' || before.authKind !== after.authKind || after.secret.length > 0) return true;
  return JSON.stringify(draftAuth(before)) !== JSON.stringify(draftAuth(after));
}

/**
 * Only what the user changed, for `envs.update`: connection fields that did
 * not change are left out so the back end does not re-test for nothing.
 */
export function draftChanges(before: EnvDraft, after: EnvDraft): Partial<EnvironmentInput> {
  const a = draftToInput(before);
  const b = draftToInput(after);
  const changes: Partial<EnvironmentInput> = {};
  if (a.name !== b.name) changes.name = b.name;
  if (a.color !== b.color) changes.color = b.color;
  if (a.baseUrl !== b.baseUrl) changes.baseUrl = b.baseUrl;
  if (authChanged(before, after)) changes.auth = b.auth;
  if (a.caFile !== b.caFile) changes.caFile = b.caFile;
  if (a.clientCertFile !== b.clientCertFile) changes.clientCertFile = b.clientCertFile;
  if (a.clientKeyFile !== b.clientKeyFile) changes.clientKeyFile = b.clientKeyFile;
  if (b.clientKeyPassphrase !== undefined) changes.clientKeyPassphrase = b.clientKeyPassphrase;
  if (a.proxyUrl !== b.proxyUrl) changes.proxyUrl = b.proxyUrl;
  if (a.readOnly !== b.readOnly) changes.readOnly = b.readOnly;
  if (a.syncIntervalMin !== b.syncIntervalMin) changes.syncIntervalMin = b.syncIntervalMin;
  if (a.historyDays !== b.historyDays) changes.historyDays = b.historyDays;
  return changes;
}

/** Whether the changes touch how the app connects (so a test with the stored secret cannot stand for them). */
export function changesConnection(changes: Partial<EnvironmentInput>): boolean {
  const fields = ['baseUrl', 'auth', 'caFile', 'clientCertFile', 'clientKeyFile', 'clientKeyPassphrase', 'proxyUrl'] as const;
  return fields.some((field) => changes[field] !== undefined);
}
