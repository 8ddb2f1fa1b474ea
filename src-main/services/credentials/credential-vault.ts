import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readBoundedFileSync } from '../files/bounded-file';
import { SecretUnavailableError, type SecretCipher } from './secret-cipher';
import { rememberSecret } from './secret-redaction';

const VaultFile = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/** One environment's secret: a password or a bearer token. */
export type EnvSecret = { password: string } | { token: string };
const EnvSecretSchema = z.union([z.object({ password: z.string() }).strict(), z.object({ token: z.string() }).strict()]);

/** The largest credentials file read: thousands of secrets fit in far less. */
const MAX_VAULT_BYTES = 4 * 1024 * 1024;

/** Thrown when credentials.json exists but cannot be read as a vault (truncated, damaged, another format). */
export class DamagedVaultError extends Error {
  constructor(readonly file: string) {
    super(`${file} is damaged or truncated.`);
    this.name = 'DamagedVaultError';
  }
}

function readVault(file: string): Record<string, string> {
  try {
    const text = readBoundedFileSync(file, { maxBytes: MAX_VAULT_BYTES });
    return text === null ? {} : VaultFile.parse(JSON.parse(text)).secrets;
  } catch {
    throw new DamagedVaultError(file);
  }
}

/**
 * Secrets of all environments, encrypted one by one, in their own 0600 file
 * beside (never inside) the cache, so a shared or exported cache holds none.
 * Every secret it stores or decrypts is remembered for redaction.
 */
export class CredentialVault {
  private secrets: Record<string, string>;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {
    this.secrets = readVault(file);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.secrets, key);
  }

  async get(key: string): Promise<EnvSecret | null> {
    const tagged = this.has(key) ? this.secrets[key] : undefined;
    if (tagged === undefined) return null;
    let secret: EnvSecret;
    try {
      secret = EnvSecretSchema.parse(JSON.parse(await this.cipher.decrypt(tagged)));
    } catch (error) {
      if (error instanceof SecretUnavailableError) throw error;
      throw new SecretUnavailableError('A stored secret is damaged; enter the credentials again.');
    }
    rememberSecret('password' in secret ? secret.password : secret.token);
    return secret;
  }

  async set(key: string, secret: EnvSecret): Promise<void> {
    rememberSecret('password' in secret ? secret.password : secret.token);
    this.secrets = { ...this.secrets, [key]: await this.cipher.encrypt(JSON.stringify(secret)) };
    this.save();
  }

  /** Decrypts every stored secret once so that redaction knows them all from the start; unreadable ones are skipped. */
  async rememberAll(): Promise<void> {
    for (const key of Object.keys(this.secrets)) await this.get(key).catch(() => null);
  }

  remove(key: string): void {
    if (!this.has(key)) return;
    const { [key]: _removed, ...rest } = this.secrets;
    this.secrets = rest;
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ version: 1, secrets: this.secrets }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
