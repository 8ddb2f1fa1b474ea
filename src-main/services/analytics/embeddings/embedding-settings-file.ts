import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const EmbeddingSettingsV1 = z.object({ version: z.literal(1), modelDir: z.string().nullable() });
export type EmbeddingSettingsDoc = z.infer<typeof EmbeddingSettingsV1>;

const defaults = (): EmbeddingSettingsDoc => ({ version: 1, modelDir: null });

/** The embedding model folder chosen by the user: versioned JSON, parsed on load, written atomically. */
export class EmbeddingSettingsFile {
  constructor(private readonly file: string) {}

  load(): EmbeddingSettingsDoc {
    if (!existsSync(this.file)) return defaults();
    try {
      return EmbeddingSettingsV1.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      return defaults();
    }
  }

  save(doc: EmbeddingSettingsDoc): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(doc, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
