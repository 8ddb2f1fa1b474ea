import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { formatFromFileName, formatFromText } from '../../../src-renderer/features/env-settings/import-format';
import { makeTempDir } from '../temp-dir';

const sample = readFileSync(join(__dirname, 'flowrs', 'config.toml'), 'utf8');

describe('envs.import of a flowrs config.toml', () => {
  const tmp = makeTempDir('orc-flowrs-');
  let engine: Engine;
  const call = async (name: string, input: unknown) => {
    const result = await engine.handle(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as {
      added: { id: string; name: string }[];
      failed: unknown[];
      candidates?: { name: string }[];
      discovered?: string[];
    };
  };

  beforeAll(async () => {
    engine = await createEngine({ dataDir: tmp.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  it('lists the servers and adds nothing until some are chosen; then adds only those, untested and without secrets', async () => {
    const listed = await call('envs.import', { text: sample, format: 'flowrs' });
    expect(listed.added).toEqual([]);
    expect(listed.candidates?.map((c) => c.name)).toEqual(['local', 'static token', 'token command', 'astro', 'composer', 'mwaa']);
    expect(listed.discovered).toEqual(['Conveyor', 'Mwaa']);
    expect(await engine.handle('envs.list', {})).toMatchObject({ ok: true, value: [] });
    const chosen = await call('envs.import', { text: sample, format: 'flowrs', choose: ['mwaa', 'token command'] });
    expect(chosen.added.map((e) => e.name)).toEqual(['token command', 'mwaa']);
    const commandEnv = chosen.added[0]?.id ?? '';
    // An imported token command is not run before the user saves it.
    expect(await engine.handle('envs.test', { envId: commandEnv })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has not been confirmed') },
    });
    expect(readFileSync(join(tmp.dir, 'cache.sqlite')).includes(Buffer.from('plain-text-password'))).toBe(false);
  });

  it('is recognised by the Import dialog from the file name or the text', () => {
    expect(formatFromFileName('config.toml')).toBe('flowrs');
    expect(formatFromText(sample)).toBe('flowrs');
    expect(formatFromText('environments: []')).toBe('yaml');
  });
});
