import { z } from 'zod';
import { UiSettings } from '../../../src-shared/api/requests/app';
import { VersionedJsonFile } from './versioned-json-file';

export const SETTINGS_VERSION = 1;

const SettingsV1 = z.object({ version: z.literal(1), ui: UiSettings });
export type Settings = z.infer<typeof SettingsV1>;

export const defaultSettings = (): Settings => ({ version: SETTINGS_VERSION, ui: { theme: 'system', currentEnvId: null } });

/** Brings any older settings document to the current version (none older exist yet). */
function migrateSettings(raw: unknown): Settings {
  return SettingsV1.parse(raw);
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when an unreadable file was moved aside and defaults were used. */
  movedAside: string | null;
}

/** The app's UI settings: versioned JSON, migrated on load, written atomically. */
export class SettingsFile {
  private readonly json: VersionedJsonFile<Settings>;

  constructor(file: string) {
    this.json = new VersionedJsonFile(file, z.unknown().transform(migrateSettings), defaultSettings);
  }

  load(): LoadedSettings {
    const { value, movedAside } = this.json.read();
    return { settings: value, movedAside };
  }

  save(settings: Settings): void {
    this.json.save(settings);
  }
}
