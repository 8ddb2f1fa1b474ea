import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** Where eval/copilot/fetch-model.sh puts the GGUF files it installs from PyPI. */
export const MODELS_CACHE = process.env.ORC_MODELS_CACHE ?? join(homedir(), '.cache', 'orc-ai-desk', 'models');
export const DEFAULT_MODEL_FILE = 'SmolLM2-135M-Instruct.Q4_1.gguf';

/** The real model to use (ORC_COPILOT_MODEL, else the default one in the cache), or null when none is installed. */
export function realModelPath(): { path: string; name: string } | null {
  const path = process.env.ORC_COPILOT_MODEL ?? join(MODELS_CACHE, 'gguf', DEFAULT_MODEL_FILE);
  return existsSync(path) ? { path, name: basename(path) } : null;
}
