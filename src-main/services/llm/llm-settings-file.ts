import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const LlmSettingsV1 = z.object({ version: z.literal(1), modelsDir: z.string().nullable() });
export type LlmSettingsDoc = z.infer<typeof LlmSettingsV1>;

const defaults = (): LlmSettingsDoc => ({ version: 1, modelsDir: null });

/** The copilot's own settings (the models folder): versioned JSON, parsed on load, written atomically. */
export class LlmSettingsFile {
  constructor(private readonly file: string) {}

  load(): LlmSettingsDoc {
    if (!existsSync(this.file)) return defaults();
    try {
      return LlmSettingsV1.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      return defaults();
    }
  }

  save(doc: LlmSettingsDoc): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(doc, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
