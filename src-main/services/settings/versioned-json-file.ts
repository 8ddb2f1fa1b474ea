import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * A small settings document on disk: versioned JSON checked by its schema on
 * load, written atomically (temp file, then rename) and readable only by the
 * user. A file that cannot be read or does not fit the schema is moved aside
 * (never deleted) and the defaults are used.
 */
export class VersionedJsonFile<T> {
  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly defaults: () => T,
  ) {}

  /** The document, and where an unreadable file was moved (null when none was). */
  read(): { value: T; movedAside: string | null } {
    if (!existsSync(this.file)) return { value: this.defaults(), movedAside: null };
    try {
      return { value: this.schema.parse(JSON.parse(readFileSync(this.file, 'utf8'))), movedAside: null };
    } catch {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      return { value: this.defaults(), movedAside: aside };
    }
  }

  load(): T {
    return this.read().value;
  }

  save(value: T): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
