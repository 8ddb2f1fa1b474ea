import { ApiError } from '../../../src-shared/api/errors';

/**
 * Encrypts secrets at rest. Ciphertext is tagged with its scheme
 * (`<scheme>:<payload>`) so the scheme can change without losing old secrets.
 * In the app the cipher is Electron's safeStorage (in the main process); in
 * served mode it is a key file in the data directory.
 */
export interface SecretCipher {
  readonly scheme: string;
  encrypt(plain: string): Promise<string>;
  decrypt(tagged: string): Promise<string>;
}

/** A stored secret cannot be used: an ApiError, so the person reads why (and that they must enter it again), not "failed unexpectedly". */
export class SecretUnavailableError extends ApiError {
  constructor(message: string) {
    super('unavailable', message, "Enter the password or token again in the environment's settings.");
    this.name = 'SecretUnavailableError';
  }
}

export function splitScheme(tagged: string): { scheme: string; payload: string } {
  const at = tagged.indexOf(':');
  if (at <= 0) throw new SecretUnavailableError('A stored secret has no scheme tag; enter the credentials again.');
  return { scheme: tagged.slice(0, at), payload: tagged.slice(at + 1) };
}
