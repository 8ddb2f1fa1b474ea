import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A GGUF cut in the middle of its tensor data, and a file that is not GGUF at all, next to `modelPath`. */
export function writeBrokenModels(dir: string, modelPath: string): { truncated: string; notGguf: string } {
  const bytes = readFileSync(modelPath);
  const truncated = join(dir, 'truncated.gguf');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const notGguf = join(dir, 'not-a-model.gguf');
  writeFileSync(notGguf, '<html><body>404 Not Found</body></html>\n'.repeat(4));
  return { truncated, notGguf };
}
