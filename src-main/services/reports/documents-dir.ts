import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's documents folder: on Linux the XDG user dir (`XDG_DOCUMENTS_DIR`
 * or `~/.config/user-dirs.dirs`), elsewhere `~/Documents`; the home folder
 * when none exists.
 */
export function documentsDir(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  platform: NodeJS.Platform = process.platform,
): string {
  const candidates: string[] = [];
  if (platform === 'linux') {
    if (env.XDG_DOCUMENTS_DIR) candidates.push(env.XDG_DOCUMENTS_DIR.replace(/^\$HOME/, home));
    try {
      const dirs = readFileSync(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'user-dirs.dirs'), 'utf8');
      const m = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(dirs);
      if (m?.[1]) candidates.push(m[1].replace(/^\$HOME/, home));
    } catch {
      // No user-dirs file: fall through to ~/Documents.
    }
  }
  candidates.push(join(home, 'Documents'));
  return candidates.find((dir) => existsSync(dir)) ?? home;
}
