import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretCipher } from './secret-cipher';

const VaultFile = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/** One environment's secret: a password or a bearer token. */
export type EnvSecret = { password: string } | { token: string };
const EnvSecretSchema = z.union([z.object({ password: z.string() }).strict(), z.object({ token: z.string() }).strict()]);

/**
 * Secrets of all environments, encrypted one by one, in their own 0600 file
 * beside (never inside) the cache, so a shared or exported cache holds none.
 */
export class CredentialVault {
  private secrets: Record<string, string>;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {
    this.secrets = existsSync(file) ? VaultFile.parse(JSON.parse(readFileSync(file, 'utf8'))).secrets : {};
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.secrets, key);
  }

  async get(key: string): Promise<EnvSecret | null> {
    const tagged = this.has(key) ? this.secrets[key] : undefined;
    if (tagged === undefined) return null;
    return EnvSecretSchema.parse(JSON.parse(await this.cipher.decrypt(tagged)));
  }

  async set(key: string, secret: EnvSecret): Promise<void> {
    this.secrets = { ...this.secrets, [key]: await this.cipher.encrypt(JSON.stringify(secret)) };
    this.save();
  }

  remove(key: string): void {
    if (!this.has(key)) return;
    const { [key]: _removed, ...rest } = this.secrets;
    this.secrets = rest;
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ version: 1, secrets: this.secrets }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
