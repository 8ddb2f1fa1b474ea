import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readBoundedFileSync } from '../files/bounded-file';
import { SecretUnavailableError, splitScheme, type SecretCipher } from './secret-cipher';

const SCHEME = 'kf1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key in the file; null when the file is missing; throws when it is not a usable key. */
function readKey(file: string): Buffer | null {
  let text: string | null;
  try {
    text = readBoundedFileSync(file, { maxBytes: 1024 });
  } catch {
    text = '';
  }
  if (text === null) return null;
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new SecretUnavailableError(`The key file ${file} is damaged; remove it and enter the credentials again.`);
  return key;
}

/** Whether a key file is missing, usable, or damaged (not 32 bytes of base64, unreadable): checked on start. */
export function keyFileState(file: string): 'missing' | 'ok' | 'damaged' {
  try {
    return readKey(file) === null ? 'missing' : 'ok';
  } catch {
    return 'damaged';
  }
}

/** Reads the key file, creating it (0600, random) on first use. */
function loadKey(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = readKey(file);
  if (key === null) throw new SecretUnavailableError(`The key file ${file} disappeared; enter the credentials again.`);
  return key;
}

/**
 * Served mode: AES-256-GCM with a random key kept in a 0600 file in the data
 * directory. It protects secrets in backups and copies of the cache, not from
 * someone who can read the user's files (the README says so).
 */
export class KeyFileCipher implements SecretCipher {
  readonly scheme = SCHEME;
  private key: Buffer | null = null;

  constructor(private readonly keyFile: string) {}

  private getKey(): Buffer {
    this.key ??= loadKey(this.keyFile);
    return this.key;
  }

  async encrypt(plain: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.getKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${SCHEME}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  async decrypt(tagged: string): Promise<string> {
    const { scheme, payload } = splitScheme(tagged);
    if (scheme !== SCHEME) throw new SecretUnavailableError(`This secret was stored by the desktop app (${scheme}); enter it again here.`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.getKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnavailableError('A stored secret cannot be decrypted (the key changed); enter the credentials again.');
    }
  }
}
