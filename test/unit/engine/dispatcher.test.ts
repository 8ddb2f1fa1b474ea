import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function engineWithoutDemo(): Promise<Engine> {
  const t = makeTempDir();
  const engine = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
  cleanups.push(t.cleanup, () => engine.close());
  return engine;
}

describe('API boundary', () => {
  it('rejects invalid input with a validation message before any service runs', async () => {
    const engine = await engineWithoutDemo();
    const result = await engine.handle('runs.list', { envId: 'demo', limit: 'ten' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/limit/);
    }
  });

  it('rejects unknown keys (strict inputs)', async () => {
    const engine = await engineWithoutDemo();
    const result = await engine.handle('overview.get', { envId: 'demo', sql: 'DROP TABLE dags' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers params nested 10,000 deep with invalid_input, not a stack overflow', async () => {
    const engine = await engineWithoutDemo();
    let params: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10_000; i += 1) params = { a: params };
    const result = await engine.handle('graph.cypher', { cypher: 'RETURN 1', params });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/nested more than 64 levels/) },
    });
    let list: unknown[] = [];
    for (let i = 0; i < 10_000; i += 1) list = [list];
    expect(await engine.handle('runs.list', { envId: 'demo', states: list })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('answers an unknown request name with not_found, never a crash', async () => {
    const engine = await engineWithoutDemo();
    expect(await engine.handle('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await engine.handle('constructor', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names a missing environment with a hint', async () => {
    const engine = await engineWithoutDemo();
    const result = await engine.handle('overview.get', { envId: 'nowhere' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', hint: expect.any(String) } });
  });

  it('persists settings across engine restarts', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const first = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false });
    expect(await first.handle('settings.update', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    await first.close();
    const second = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false });
    expect(await second.handle('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'dark', currentEnvId: null } });
    await second.close();
  });
});
