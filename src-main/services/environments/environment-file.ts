import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { ComposerAuth, EnvironmentInput, MwaaAuth, TokenCommandAuth } from '../../../src-shared/domain/environment-config';

/** One environment as it appears in an import/export file: everything but secrets. */
export const EnvironmentFileEntry = EnvironmentInput.omit({ clientKeyPassphrase: true }).extend({
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('password'), username: z.string().min(1).max(200) }).strict(),
    z.object({ kind: z.literal('token') }).strict(),
    TokenCommandAuth,
    z.object({ kind: z.literal('astronomer') }).strict(),
    MwaaAuth,
    ComposerAuth,
    z.object({ kind: z.literal('none') }).strict(),
  ]),
});
export type EnvironmentFileEntry = z.output<typeof EnvironmentFileEntry>;

const FileShape = z.object({ environments: z.array(z.unknown()).max(500) }).strict();

export interface ParsedEntry {
  index: number;
  name: string | null;
  entry: EnvironmentFileEntry | null;
  message: string | null;
}

/** Reads an import file; every entry is validated on its own so one bad entry does not hide the rest. */
export function parseEnvironmentFile(text: string, format: 'yaml' | 'json'): ParsedEntry[] {
  let raw: unknown;
  try {
    raw = format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    throw new Error(`The file is not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message.split('\n')[0] : ''}`);
  }
  const shape = FileShape.safeParse(raw);
  if (!shape.success) throw new Error('The file must have a top-level "environments" list.');
  return shape.data.environments.map((item, index) => {
    const name = typeof item === 'object' && item !== null && 'name' in item && typeof item.name === 'string' ? item.name : null;
    const parsed = EnvironmentFileEntry.safeParse(item);
    return parsed.success
      ? { index, name, entry: parsed.data, message: null }
      : { index, name, entry: null, message: z.prettifyError(parsed.error) };
  });
}

export function writeEnvironmentFile(entries: EnvironmentFileEntry[], format: 'yaml' | 'json'): string {
  const doc = { environments: entries };
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc);
}
