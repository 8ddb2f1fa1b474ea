import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The data directory: only its owner may list or enter it. */
export const DATA_DIR_MODE = 0o700;
/** Each file in it (cache.sqlite and its -wal/-shm, settings, credentials, key, logs): owner read/write only. */
export const DATA_FILE_MODE = 0o600;

export interface PermissionRepair {
  readonly path: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The mode an entry of the data directory should have, or null when it is
 * already private (no bit for group or others). Links are never followed or
 * changed; folders (Electron's userData holds Chromium's) lose group and other
 * bits like the directory itself.
 */
export function wantedMode(kind: 'file' | 'dir' | 'link' | 'other', mode: number): number | null {
  const current = mode & 0o777;
  if (kind === 'link' || kind === 'other' || (current & 0o077) === 0) return null;
  return kind === 'dir' ? DATA_DIR_MODE : DATA_FILE_MODE;
}

function kindOf(path: string): { kind: 'file' | 'dir' | 'link' | 'other'; mode: number } {
  const s = lstatSync(path);
  return { kind: s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other', mode: s.mode };
}

/**
 * Creates the data directory if needed, then makes it 0700 and every file and
 * folder directly in it private (0600 / 0700), on each start: a directory
 * created 0755 by an older version, or a cache file that SQLite created 0644,
 * is repaired. Returns what was changed, for the log. Does nothing on Windows,
 * where modes do not apply.
 */
export function secureDataDir(dir: string, platform: NodeJS.Platform = process.platform): PermissionRepair[] {
  mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  if (platform === 'win32') return [];
  const repairs: PermissionRepair[] = [];
  const repair = (path: string, kind: 'file' | 'dir' | 'link' | 'other', mode: number): void => {
    const to = wantedMode(kind, mode);
    if (to === null) return;
    chmodSync(path, to);
    repairs.push({ path, from: mode & 0o777, to });
  };
  // The directory itself may be reached through a link (--data-dir pointing at one): its target is secured.
  repair(dir, 'dir', statSync(dir).mode);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const entry = kindOf(path);
      repair(path, entry.kind, entry.mode);
    } catch {
      // Gone between listing and checking (a -wal file at checkpoint): nothing to repair.
    }
  }
  return repairs;
}
