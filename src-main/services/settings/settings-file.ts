import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { UiSettings } from '../../../src-shared/api/requests/app';

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

/** Versioned JSON settings: parsed and migrated on load, written atomically. */
export class SettingsFile {
  constructor(private readonly file: string) {}

  load(): LoadedSettings {
    if (!existsSync(this.file)) return { settings: defaultSettings(), movedAside: null };
    try {
      return { settings: migrateSettings(JSON.parse(readFileSync(this.file, 'utf8'))), movedAside: null };
    } catch {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      return { settings: defaultSettings(), movedAside: aside };
    }
  }

  save(settings: Settings): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(settings, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
