import { safeStorage } from 'electron';
import { ApiError } from '../../src-shared/api/errors';

/** Ciphertext is tagged with its scheme so the scheme can change later. */
export const SECRET_SCHEME = 'ss1:';

export interface SecretBox {
  /** Encrypts with the OS keychain (safeStorage); returns `ss1:<base64>`. */
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** A sentence for the user when secrets are only obfuscated (Linux without a keyring), else null. */
  weakBackendWarning(): string | null;
}

/** Wraps Electron's safeStorage. Call after `app` is ready. */
export function createSecretBox(log: (message: string) => void): SecretBox {
  const weakBackendWarning = (): string | null => {
    if (process.platform !== 'linux') return null;
    // The Linux backend is chosen on first use; ask availability first so it is known.
    safeStorage.isEncryptionAvailable();
    return safeStorage.getSelectedStorageBackend() === 'basic_text'
      ? 'No system keyring was found (backend "basic_text"): saved credentials are only obfuscated, not encrypted. Install and unlock GNOME Keyring or KWallet.'
      : null;
  };
  const warning = weakBackendWarning();
  if (warning !== null) log(warning);
  const requireAvailable = (): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new ApiError(
        'unavailable',
        'Secure storage is not available on this system.',
        'Unlock or install the system keyring, then try again.',
      );
    }
  };
  return {
    encrypt(plain) {
      requireAvailable();
      return SECRET_SCHEME + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(SECRET_SCHEME))
        throw new ApiError('invalid_input', 'The stored secret uses an unknown scheme.', 'Enter the credential again.');
      requireAvailable();
      return safeStorage.decryptString(Buffer.from(stored.slice(SECRET_SCHEME.length), 'base64'));
    },
    weakBackendWarning,
  };
}
