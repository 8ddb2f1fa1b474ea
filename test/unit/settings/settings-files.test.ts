import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddingSettingsFile } from '../../../src-main/services/analytics/embeddings/embedding-settings-file';
import { LlmSettingsFile } from '../../../src-main/services/llm/llm-settings-file';
import { SettingsFile } from '../../../src-main/services/settings/settings-file';
import { makeTempDir } from '../temp-dir';

const temp = makeTempDir('orc-settings-');
afterAll(() => temp.cleanup());

describe('settings files', () => {
  it('round-trip through disk, readable only by the user, with no temp file left behind', () => {
    const file = join(temp.dir, 'llm.json');
    const llm = new LlmSettingsFile(file);
    expect(llm.load()).toEqual({ version: 1, modelsDir: null });
    llm.save({ version: 1, modelsDir: '/models' });
    expect(new LlmSettingsFile(file).load()).toEqual({ version: 1, modelsDir: '/models' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(temp.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('move a damaged file aside instead of deleting it, and start from the defaults', () => {
    const file = join(temp.dir, 'embeddings.json');
    writeFileSync(file, '{"version": 1, "modelDir": ');
    expect(new EmbeddingSettingsFile(file).load()).toEqual({ version: 1, modelDir: null });
    const aside = readdirSync(temp.dir).find((f) => f.startsWith('embeddings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(temp.dir, aside ?? ''), 'utf8')).toBe('{"version": 1, "modelDir": ');
  });

  it('say where the app settings went when they did not fit the schema', () => {
    const file = join(temp.dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ version: 7, ui: {} }));
    const loaded = new SettingsFile(file).load();
    expect(loaded.settings.version).toBe(1);
    expect(loaded.movedAside).toMatch(/settings\.json\.unreadable-\d+$/);
  });
});
