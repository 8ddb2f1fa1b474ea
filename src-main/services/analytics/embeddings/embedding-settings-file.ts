import { z } from 'zod';
import { VersionedJsonFile } from '../../settings/versioned-json-file';

const EmbeddingSettingsV1 = z.object({ version: z.literal(1), modelDir: z.string().nullable() });
export type EmbeddingSettingsDoc = z.infer<typeof EmbeddingSettingsV1>;

/** The embedding model folder chosen by the user. */
export class EmbeddingSettingsFile extends VersionedJsonFile<EmbeddingSettingsDoc> {
  constructor(file: string) {
    super(file, EmbeddingSettingsV1, () => ({ version: 1, modelDir: null }));
  }
}
