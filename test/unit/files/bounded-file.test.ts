// Finding 7 of issue 19: every file read on a person's or an import file's say is a regular file, bounded
// in size and time. A FIFO caFile must not hang envs.test; /dev/zero must be refused.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { readBoundedFile, readBoundedFileSync, regularFileInside, UnsafeFileError } from '../../../src-main/services/files/bounded-file';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fifoIn(dir: string): string {
  const path = join(dir, 'ca.pem');
  execFileSync('mkfifo', [path]);
  return path;
}

async function reason(read: Promise<unknown>): Promise<string> {
  try {
    await read;
    return 'read';
  } catch (error) {
    return error instanceof UnsafeFileError ? error.reason : `other: ${String(error)}`;
  }
}

describe('reading a file someone named', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const fifo = fifoIn(t.dir);
    const started = performance.now();
    expect(await reason(readBoundedFile(fifo, { maxBytes: 1024, timeoutMs: 10_000 }))).toBe('not_regular');
    expect(() => readBoundedFileSync(fifo, { maxBytes: 1024 })).toThrow(/named pipe/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses /dev/zero, a link to it, a folder and a file over the limit, naming the file and never quoting it', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    symlinkSync('/dev/zero', join(t.dir, 'zero.pem'));
    writeFileSync(join(t.dir, 'big.pem'), 'SECRET-CONTENT'.repeat(100));
    expect(await reason(readBoundedFile('/dev/zero', { maxBytes: 1024 }))).toBe('not_regular');
    expect(await reason(readBoundedFile(join(t.dir, 'zero.pem'), { maxBytes: 1024 }))).toBe('not_regular');
    expect(await reason(readBoundedFile(t.dir, { maxBytes: 1024 }))).toBe('not_regular');
    expect(await reason(readBoundedFile(join(t.dir, 'big.pem'), { maxBytes: 100 }))).toBe('too_large');
    expect(() => readBoundedFileSync('/dev/zero', { maxBytes: 1024 })).toThrow(/\/dev\/zero is a device/);
    await expect(readBoundedFile(join(t.dir, 'big.pem'), { maxBytes: 100 })).rejects.toThrow(/big\.pem is larger than/);
    await expect(readBoundedFile(join(t.dir, 'big.pem'), { maxBytes: 100 })).rejects.not.toThrow(/SECRET/);
    expect(await reason(readBoundedFile(join(t.dir, 'missing.pem'), { maxBytes: 100 }))).toBe('missing');
    expect(readBoundedFileSync(join(t.dir, 'missing.pem'), { maxBytes: 100 })).toBeNull();
    expect(await readBoundedFile(join(t.dir, 'big.pem'), { maxBytes: 10_000 })).toBe('SECRET-CONTENT'.repeat(100));
  });

  it('accepts only regular files inside a folder: no link, no escape', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'model');
    mkdirSync(join(dir, 'onnx'), { recursive: true });
    writeFileSync(join(t.dir, 'outside.json'), '{}');
    writeFileSync(join(dir, 'config.json'), '{}');
    symlinkSync(join(t.dir, 'outside.json'), join(dir, 'tokenizer.json'));
    symlinkSync(t.dir, join(dir, 'up'));
    expect(regularFileInside(dir, 'config.json', 10)).toBe(2);
    expect(() => regularFileInside(dir, 'tokenizer.json', 10)).toThrow(/tokenizer\.json is a link/);
    expect(() => regularFileInside(dir, join('up', 'outside.json'), 10)).toThrow(/not inside/);
    expect(() => regularFileInside(dir, '../outside.json', 10)).toThrow(/not inside/);
    expect(() => regularFileInside(dir, 'config.json', 1)).toThrow(/larger than/);
    expect(() => regularFileInside(dir, 'onnx', 10)).toThrow(/a folder/);
  });
});

describe('a CA file that is a FIFO or /dev/zero', () => {
  const t = makeTempDir();
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ dataDir: join(t.dir, 'data'), mode: 'served', version: 'test', demo: false, scoringInProcess: true });
  });
  afterAll(async () => {
    await engine.close();
    t.cleanup();
  });

  const draft = (caFile: string) => ({
    draft: { name: 'x', color: '#2563eb', baseUrl: 'https://127.0.0.1:9', auth: { kind: 'none' }, caFile },
  });

  it('refuses them in envs.test at once, naming the file', async () => {
    const fifo = fifoIn(t.dir);
    for (const caFile of [fifo, '/dev/zero']) {
      const started = performance.now();
      const result = await engine.handle('envs.test', draft(caFile));
      expect(performance.now() - started, caFile).toBeLessThan(2000);
      expect(result, caFile).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(caFile) } });
    }
  });

  it('refuses one named by an imported environment file', async () => {
    const imported = await engine.handle('envs.import', {
      format: 'json',
      text: JSON.stringify({
        environments: [{ name: 'Imported', baseUrl: 'https://127.0.0.1:9', color: '#2563eb', auth: { kind: 'none' }, caFile: '/dev/zero' }],
      }),
    });
    expect(imported.ok).toBe(true);
    const id = imported.ok ? (imported.value as { added: Array<{ id: string }> }).added[0]?.id : undefined;
    expect(id).toBeDefined();
    const result = await engine.handle('envs.test', { envId: id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/\/dev\/zero is a device/) },
    });
  });
});
