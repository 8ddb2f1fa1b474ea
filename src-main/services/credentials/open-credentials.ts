import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveredFile } from '../../../src-shared/api/requests/app';
import { CredentialVault, DamagedVaultError } from './credential-vault';
import { KeyFileCipher, keyFileState } from './key-file-cipher';
import type { SecretCipher } from './secret-cipher';

export const CREDENTIALS_FILE_NAME = 'credentials.json';
export const KEY_FILE_NAME = 'secret.key';

const KEPT = 'Environments, their settings, the synced history, incidents and notes were kept.';

function moveAside(file: string, at: string): string {
  const aside = `${file}.damaged-${at}`;
  renameSync(file, aside);
  return aside;
}

/**
 * The credential vault of a data directory, opened so that a damaged file never
 * stops the app: a truncated or unreadable credentials.json, or (served mode) a
 * secret.key that is not a key, is moved aside (`<file>.damaged-<time>`, never
 * deleted) and the app starts with no stored secrets. Each file moved is
 * returned with what it means for the person, for app.info and the Settings page.
 */
export function openCredentials(dataDir: string, injected?: SecretCipher): { vault: CredentialVault; recovered: RecoveredFile[] } {
  const recovered: RecoveredFile[] = [];
  const credentials = join(dataDir, CREDENTIALS_FILE_NAME);
  const at = new Date().toISOString().replace(/[:.]/g, '-');
  let cipher = injected;
  if (cipher === undefined) {
    const keyFile = join(dataDir, KEY_FILE_NAME);
    if (keyFileState(keyFile) === 'damaged') {
      recovered.push({
        file: keyFile,
        movedTo: moveAside(keyFile, at),
        meaning: `The key that encrypts stored passwords and tokens (${KEY_FILE_NAME}) is damaged, so no stored secret can be decrypted: enter the password or token of each environment again (and of Neo4j and Slack webhooks). A new key was created. ${KEPT}`,
      });
      if (existsSync(credentials)) {
        recovered.push({
          file: credentials,
          movedTo: moveAside(credentials, at),
          meaning: `The stored secrets were encrypted with the damaged key; they were set aside with it. ${KEPT}`,
        });
      }
    }
    cipher = new KeyFileCipher(keyFile);
  }
  try {
    return { vault: new CredentialVault(credentials, cipher), recovered };
  } catch (error) {
    if (!(error instanceof DamagedVaultError)) throw error;
    recovered.push({
      file: credentials,
      movedTo: moveAside(credentials, at),
      meaning: `The stored passwords and tokens (${CREDENTIALS_FILE_NAME}) could not be read (truncated or damaged): enter the password or token of each environment again (and of Neo4j and Slack webhooks). ${KEPT}`,
    });
    return { vault: new CredentialVault(credentials, cipher), recovered };
  }
}
