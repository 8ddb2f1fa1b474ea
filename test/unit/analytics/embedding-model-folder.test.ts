// Finding 6 of issue 19: model folders accept only regular files inside the chosen folder, bounded in size,
// and errors never quote file contents (tokenizer.json -> /etc/shadow returned its first bytes).
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectModelFolder } from '../../../src-main/services/analytics/embeddings/model-folder';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const PLANTED = 'root:$6$planted-shadow-hash:19000:0:99999:7:::';

/** A folder with every file the loader needs, each a regular file. */
function modelFolder(): { root: string; dir: string } {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  const dir = join(t.dir, 'model');
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ _name_or_path: 'org/tiny-embedder' }));
  writeFileSync(join(dir, 'tokenizer.json'), '{}');
  writeFileSync(join(dir, 'tokenizer_config.json'), '{}');
  writeFileSync(join(dir, 'onnx', 'model.onnx'), 'weights');
  writeFileSync(join(t.dir, 'shadow'), PLANTED);
  return { root: t.dir, dir };
}

describe('embedding model folder checks', () => {
  it('accepts a folder of regular files', () => {
    const { dir } = modelFolder();
    expect(inspectModelFolder(dir)).toMatchObject({ ok: true, name: 'tiny-embedder', quantized: false });
  });

  it('refuses a tokenizer.json that links to a file outside the folder, without quoting it', () => {
    for (const [name, target] of [
      ['tokenizer.json', 'shadow'],
      ['config.json', 'shadow'],
      [join('onnx', 'model.onnx'), 'shadow'],
      ['special_tokens_map.json', 'shadow'],
    ] as const) {
      const { root, dir } = modelFolder();
      const path = join(dir, name);
      rmSync(path, { force: true });
      symlinkSync(join(root, target), path);
      const result = inspectModelFolder(dir);
      expect(result.ok, name).toBe(false);
      expect(result.ok ? '' : result.error, name).toMatch(/is a link; only files copied into/);
      expect(JSON.stringify(result), name).not.toContain('planted');
    }
  });

  it('refuses a link to /etc/shadow', () => {
    const { dir } = modelFolder();
    rmSync(join(dir, 'tokenizer.json'));
    symlinkSync('/etc/shadow', join(dir, 'tokenizer.json'));
    expect(inspectModelFolder(dir)).toMatchObject({ ok: false, error: expect.stringContaining('tokenizer.json is a link') });
  });

  it('refuses a model folder whose onnx folder links outside', () => {
    const { root, dir } = modelFolder();
    rmSync(join(dir, 'onnx'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'model.onnx'), 'weights');
    symlinkSync(join(root, 'elsewhere'), join(dir, 'onnx'));
    expect(inspectModelFolder(dir)).toMatchObject({ ok: false, error: expect.stringContaining('is not inside') });
  });
});
