import { ApiError } from '../../../src-shared/api/errors';
import type { EnvAuthInput } from '../../../src-shared/domain/environment-config';
import type { AirflowAuthConfig } from '../airflow/connection-config';
import type { EnvSecret } from '../credentials/credential-vault';
import { readBoundedFile, UnsafeFileError } from '../files/bounded-file';

/** A Google credentials JSON is a few KB. */
const MAX_KEY_FILE_BYTES = 256 * 1024;
const KEY_FILE_TIMEOUT_MS = 5_000;

/** A file the user named for this environment, read without hanging on a FIFO or filling memory from /dev/zero. */
export async function readUserFile(path: string, what: string, hint: string, maxBytes: number): Promise<string> {
  try {
    return await readBoundedFile(path, { maxBytes, timeoutMs: KEY_FILE_TIMEOUT_MS });
  } catch (error) {
    const why = error instanceof UnsafeFileError ? error.message : `${path} cannot be read.`;
    throw new ApiError('invalid_input', `The ${what} cannot be used: ${why}`, hint);
  }
}

/** The in-memory credentials of an auth block: its secret from the vault, a key file's text. */
export async function connectionAuth(auth: EnvAuthInput, secret: EnvSecret | null): Promise<AirflowAuthConfig> {
  const token = secret && 'token' in secret ? secret.token : '';
  switch (auth.kind) {
    case 'password':
      return { kind: 'password', username: auth.username, password: secret && 'password' in secret ? secret.password : '' };
    case 'token':
      return { kind: 'token', token };
    case 'astronomer':
      return { kind: 'astronomer', token };
    case 'command':
      return { kind: 'command', command: auth.command, args: auth.args, timeoutMs: auth.timeoutS * 1000 };
    case 'mwaa':
      return {
        kind: 'mwaa',
        region: auth.region,
        environmentName: auth.environmentName,
        profile: auth.profile,
        endpointUrl: auth.endpointUrl,
      };
    case 'composer': {
      const keyJson =
        auth.keyFile === null
          ? null
          : await readUserFile(
              auth.keyFile,
              'Google credentials file',
              'Choose the JSON key of a service account, or leave the file empty to use application-default credentials.',
              MAX_KEY_FILE_BYTES,
            );
      return { kind: 'composer', keyJson, keyFile: auth.keyFile, impersonate: auth.impersonate };
    }
    case 'none':
      return { kind: 'none' };
  }
}
