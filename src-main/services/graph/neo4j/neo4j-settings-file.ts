import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Neo4jSyncSummary } from '../../../../src-shared/domain/neo4j';

const Stored = z.object({
  version: z.literal(1),
  url: z.string(),
  user: z.string(),
  database: z.string(),
  lastSync: Neo4jSyncSummary.nullable(),
});
export type StoredNeo4j = z.infer<typeof Stored>;

/** The Neo4j connection without its password (that lives in the vault), in its own 0600 file. */
export class Neo4jSettingsFile {
  constructor(private readonly file: string) {}

  load(): StoredNeo4j | null {
    if (!existsSync(this.file)) return null;
    const parsed = Stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    return parsed.success ? parsed.data : null;
  }

  save(value: StoredNeo4j | null): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
