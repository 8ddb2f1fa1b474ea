// Finding 5 of issue 19: a truncated credentials.json or a damaged secret.key is moved aside, the app
// starts, and app.info says which file, what it means and what was kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { CREDENTIALS_FILE_NAME, KEY_FILE_NAME } from '../../../src-main/services/credentials/open-credentials';
import type { RecoveredFile } from '../../../src-shared/api/requests/app';
import { insertSavedEnvironment } from '../../helpers/saved-environment';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(dir: string): Promise<Engine> {
  const engine = await createEngine({ dataDir: dir, mode: 'served', version: 'test', demo: false, scoringInProcess: true });
  cleanups.push(() => engine.close());
  return engine;
}

async function value<T>(engine: Engine, name: string, input: unknown): Promise<T> {
  const result = await engine.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** A data directory with one saved environment whose token is in the vault. */
async function dataDirWithSecret(): Promise<string> {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  const first = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false, scoringInProcess: true });
  await first.close();
  insertSavedEnvironment(join(t.dir, 'cache.sqlite'), { id: 'prod', name: 'Prod', baseUrl: 'http://127.0.0.1:9' });
  const second = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false, scoringInProcess: true });
  await value(second, 'monitoring.save', { envId: 'prod', slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/abcdefgh' });
  await second.close();
  expect(existsSync(join(t.dir, CREDENTIALS_FILE_NAME))).toBe(true);
  return t.dir;
}

describe('damaged credential files', () => {
  it('moves a truncated credentials.json aside, starts, and says so in app.info', async () => {
    const dir = await dataDirWithSecret();
    const file = join(dir, CREDENTIALS_FILE_NAME);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, 44));
    const engine = await start(dir);
    const info = await value<{ recoveredFiles: RecoveredFile[] }>(engine, 'app.info', {});
    expect(info.recoveredFiles).toHaveLength(1);
    const [moved] = info.recoveredFiles;
    expect(moved?.file).toBe(file);
    expect(moved?.meaning).toMatch(/enter the password or token of each environment again/);
    expect(moved?.meaning).toMatch(/Environments, their settings, the synced history, incidents and notes were kept/);
    // The damaged file is kept, byte for byte, where app.info says.
    expect(readFileSync(moved?.movedTo ?? '', 'utf8')).toBe(whole.slice(0, 44));
    // The environment is still there; only its secret is gone.
    const envs = await value<Array<{ id: string }>>(engine, 'envs.list', {});
    expect(envs.map((e) => e.id)).toContain('prod');
    expect((await value<{ slack: { configured: boolean } }>(engine, 'monitoring.settings', { envId: 'prod' })).slack.configured).toBe(
      false,
    );
  });

  it('moves a damaged secret.key aside with the secrets it encrypted, starts, and says so in app.info', async () => {
    const dir = await dataDirWithSecret();
    writeFileSync(join(dir, KEY_FILE_NAME), 'not a key');
    const engine = await start(dir);
    const info = await value<{ recoveredFiles: RecoveredFile[] }>(engine, 'app.info', {});
    expect(info.recoveredFiles.map((r) => r.file)).toEqual([join(dir, KEY_FILE_NAME), join(dir, CREDENTIALS_FILE_NAME)]);
    expect(info.recoveredFiles[0]?.meaning).toMatch(/damaged, so no stored secret can be decrypted: enter the password or token/);
    expect(readFileSync(info.recoveredFiles[0]?.movedTo ?? '', 'utf8')).toBe('not a key');
    // A new secret can be stored and used at once.
    await value(engine, 'monitoring.save', { envId: 'prod', slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/newsecret' });
    expect((await value<{ slack: { configured: boolean } }>(engine, 'monitoring.settings', { envId: 'prod' })).slack.configured).toBe(true);
  });

  it('says a secret must be entered again, not "failed unexpectedly", when it cannot be decrypted', async () => {
    const dir = await dataDirWithSecret();
    const engine = await start(dir);
    // The key is replaced by another valid key while running: secrets no longer decrypt.
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(32, 7).toString('base64'));
    const other = await createEngine({ dataDir: dir, mode: 'served', version: 'test', demo: false, scoringInProcess: true });
    cleanups.push(() => other.close());
    const result = await other.handle('slack.test', { envId: 'prod' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toMatch(/enter the credentials again/);
    }
    expect((await engine.handle('app.info', {})).ok).toBe(true);
  });
});
