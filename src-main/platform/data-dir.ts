import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'ORC AI Desk';
export const XDG_DIR_NAME = 'orc-ai-desk';

/**
 * Where the served mode keeps its data by default, per platform:
 * Linux `$XDG_DATA_HOME/orc-ai-desk` (or `~/.local/share/orc-ai-desk`),
 * macOS `~/Library/Application Support/ORC AI Desk`, Windows `%APPDATA%\ORC AI Desk`.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), XDG_DIR_NAME);
}
