import { SecretUnavailableError, type SecretCipher } from '../services/credentials/secret-cipher';
import type { FromEngine } from './engine-messages';

/**
 * The engine's SecretCipher in the app: safeStorage exists only in the main
 * process, so each encrypt/decrypt is a message to main and back.
 */
export class RemoteSafeStorageCipher implements SecretCipher {
  readonly scheme = 'ss1';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (data: string) => void; reject: (error: Error) => void }>();

  constructor(private readonly send: (message: FromEngine) => void) {}

  encrypt(plain: string): Promise<string> {
    return this.request('encrypt', plain);
  }

  decrypt(tagged: string): Promise<string> {
    return this.request('decrypt', tagged);
  }

  settle(id: number, ok: boolean, data: string): void {
    const waiter = this.pending.get(id);
    this.pending.delete(id);
    if (ok) waiter?.resolve(data);
    else waiter?.reject(new SecretUnavailableError(data));
  }

  private request(op: 'encrypt' | 'decrypt', data: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'cipher', id, op, data });
    });
  }
}
