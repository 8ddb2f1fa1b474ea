import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildTinyLlama } from './tiny-llama';

export const TINY_MODEL_FILE = 'orc-tiny-test.gguf';

/** Writes the tiny test model into `dir` (once) and returns its path. */
export function writeTinyModel(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, TINY_MODEL_FILE);
  if (!existsSync(path)) writeFileSync(path, buildTinyLlama());
  return path;
}
