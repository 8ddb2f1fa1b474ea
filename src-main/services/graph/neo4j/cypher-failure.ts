import type { QueryFailure } from '../../../../src-shared/domain/graph-query';

/** A Cypher error as the console shows it: code, message, and where a syntax error is. */
export function cypherFailure(error: unknown): QueryFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'error';
  const message = error instanceof Error ? error.message : String(error);
  const at = /line (\d+), column (\d+)/.exec(message);
  return { code, message: message.slice(0, 2_000), line: at ? Number(at[1]) : null, column: at ? Number(at[2]) : null };
}
