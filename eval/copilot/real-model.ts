import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** Where eval/copilot/fetch-model.sh puts the GGUF files it installs from PyPI. */
export const MODELS_CACHE = process.env.ORC_MODELS_CACHE ?? join(homedir(), '.cache', 'orc-ai-desk', 'models');
/** The models fetch-model.sh installs, preferred first: the 0.5B instruct model, then the 135M one. */
export const DEFAULT_MODEL_FILES = ['qwen2.5-coder-0.5b-instruct-q4_k_m.gguf', 'SmolLM2-135M-Instruct.Q4_1.gguf'] as const;

/** The real model to use (ORC_COPILOT_MODEL, else the first installed default one), or null when none is installed. */
export function realModelPath(): { path: string; name: string } | null {
  const candidates =
    process.env.ORC_COPILOT_MODEL !== undefined
      ? [process.env.ORC_COPILOT_MODEL]
      : DEFAULT_MODEL_FILES.map((f) => join(MODELS_CACHE, 'gguf', f));
  const path = candidates.find((p) => existsSync(p));
  return path === undefined ? null : { path, name: basename(path) };
}
