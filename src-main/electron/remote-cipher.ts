import { SecretUnavailableError, type SecretCipher } from '../services/credentials/secret-cipher';
import type { FromEngine } from './engine-messages';
import { PendingReplies } from './pending-replies';

/**
 * The engine's SecretCipher in the app: safeStorage exists only in the main
 * process, so each encrypt/decrypt is a message to main and back.
 */
export class RemoteSafeStorageCipher implements SecretCipher {
  readonly scheme = 'ss1';
  private readonly replies = new PendingReplies<string>();

  constructor(private readonly send: (message: FromEngine) => void) {}

  encrypt(plain: string): Promise<string> {
    return this.request('encrypt', plain);
  }

  decrypt(tagged: string): Promise<string> {
    return this.request('decrypt', tagged);
  }

  settle(id: number, ok: boolean, data: string): void {
    this.replies.settle(id, ok ? { ok: true, value: data } : { ok: false, error: new SecretUnavailableError(data) });
  }

  private request(op: 'encrypt' | 'decrypt', data: string): Promise<string> {
    return this.replies.ask((id) => this.send({ type: 'cipher', id, op, data }));
  }
}
