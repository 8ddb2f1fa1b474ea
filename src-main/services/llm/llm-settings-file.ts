import { z } from 'zod';
import { VersionedJsonFile } from '../settings/versioned-json-file';

const LlmSettingsV1 = z.object({ version: z.literal(1), modelsDir: z.string().nullable() });
export type LlmSettingsDoc = z.infer<typeof LlmSettingsV1>;

/** The copilot's own settings (the models folder). */
export class LlmSettingsFile extends VersionedJsonFile<LlmSettingsDoc> {
  constructor(file: string) {
    super(file, LlmSettingsV1, () => ({ version: 1, modelsDir: null }));
  }
}
