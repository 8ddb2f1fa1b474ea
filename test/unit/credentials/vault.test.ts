import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialVault } from '../../../src-main/services/credentials/credential-vault';
import { KeyFileCipher } from '../../../src-main/services/credentials/key-file-cipher';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('credential vault (served mode)', () => {
  it('stores secrets encrypted and tagged with their scheme, in 0600 files, and reads them back', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const vault = new CredentialVault(join(t.dir, 'credentials.json'), new KeyFileCipher(join(t.dir, 'secret.key')));
    await vault.set('prod', { password: 'hunter2-very-secret' });
    const onDisk = readFileSync(join(t.dir, 'credentials.json'), 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(onDisk).toMatch(/"prod": "kf1:/);
    expect(statSync(join(t.dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(t.dir, 'credentials.json')).mode & 0o777).toBe(0o600);

    const reopened = new CredentialVault(join(t.dir, 'credentials.json'), new KeyFileCipher(join(t.dir, 'secret.key')));
    expect(await reopened.get('prod')).toEqual({ password: 'hunter2-very-secret' });
    reopened.remove('prod');
    expect(reopened.has('prod')).toBe(false);
  });

  it('says to re-enter credentials when the key no longer matches', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    await new CredentialVault(join(t.dir, 'credentials.json'), new KeyFileCipher(join(t.dir, 'a.key'))).set('prod', { token: 'abc' });
    const other = new CredentialVault(join(t.dir, 'credentials.json'), new KeyFileCipher(join(t.dir, 'b.key')));
    await expect(other.get('prod')).rejects.toThrow(/enter the credentials again/);
  });
});
