// Findings 6 and 7 of issue 19 for the copilot's models folder: a .gguf entry that links out of the folder,
// a FIFO or a device is listed with why and never opened, and cannot be loaded.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { scanModels } from '../../../src-main/services/llm/host/model-scan';
import { LlmSettingsFile } from '../../../src-main/services/llm/llm-settings-file';
import type { ModelHostClient } from '../../../src-main/services/llm/model-host-client';
import { ModelService } from '../../../src-main/services/llm/model-service';
import { makeTempDir } from '../temp-dir';

const temp = makeTempDir('orc-model-files-');
afterAll(() => temp.cleanup());

const dir = join(temp.dir, 'models');
execFileSync('mkdir', ['-p', dir]);
writeFileSync(join(temp.dir, 'outside.gguf'), 'GGUF planted-outside-bytes');
symlinkSync(join(temp.dir, 'outside.gguf'), join(dir, 'link-out.gguf'));
symlinkSync('/dev/zero', join(dir, 'zero.gguf'));
execFileSync('mkfifo', [join(dir, 'pipe.gguf')]);

describe('models folder entries that are not regular files inside it', () => {
  it('are listed with the reason and never opened (a FIFO does not hang the scan)', async () => {
    const started = performance.now();
    // Nothing reaches llama.cpp's reader: the library is not needed for refused entries.
    const models = await scanModels(null as never, null as never, dir);
    expect(performance.now() - started).toBeLessThan(2000);
    const byFile = new Map(models.map((m) => [m.file, m.error]));
    expect(byFile.get('link-out.gguf')).toMatch(/link-out\.gguf is a link/);
    expect(byFile.get('zero.gguf')).toMatch(/zero\.gguf is a link/);
    expect(byFile.get('pipe.gguf')).toMatch(/pipe\.gguf is a named pipe/);
    expect(JSON.stringify(models)).not.toContain('planted');
  });

  it('cannot be loaded', () => {
    const settings = new LlmSettingsFile(join(temp.dir, 'llm.json'));
    settings.save({ version: 1, modelsDir: dir });
    // load() refuses before it asks the model host anything.
    const idleHost = { onCrash: () => undefined } as unknown as ModelHostClient;
    const service = new ModelService(idleHost, settings, new JobRegistry(() => undefined), () => undefined, dir);
    for (const file of ['link-out.gguf', 'zero.gguf', 'pipe.gguf']) {
      let thrown: unknown;
      try {
        service.load(file);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, file).toBeInstanceOf(ApiError);
      expect((thrown as ApiError).code, file).toBe('invalid_input');
    }
    expect(service.status().state).toBe('none');
  });
});
