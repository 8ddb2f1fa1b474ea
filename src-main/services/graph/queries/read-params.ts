import { ApiError } from '../../../../src-shared/api/errors';
import type { SavedQueryParam } from '../../../../src-shared/domain/graph-query';
import type { ParamValues } from './saved-query-def';

/**
 * Fills defaults and checks each parameter against its declared kind. Values
 * travel to Neo4j only as parameters, never into the query text.
 */
export function readParams(
  declared: readonly SavedQueryParam[],
  given: ParamValues,
  defaults: ParamValues,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const p of declared) {
    const value = given[p.name] ?? defaults[p.name] ?? p.default;
    if (value === null || value === undefined || value === '') {
      throw new ApiError('invalid_input', `The query needs "${p.name}": ${p.description}`, 'Fill in every parameter.');
    }
    if (p.kind === 'int') {
      const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
      const min = p.min ?? 0;
      const max = p.max ?? 10_000;
      if (!Number.isInteger(n) || n < min || n > max) {
        const shown = String(value).length > 20 ? `${String(value).slice(0, 20)}…` : String(value);
        throw new ApiError(
          'invalid_input',
          `"${p.name}" must be a whole number from ${min} to ${max}, not "${shown}".`,
          `${p.name}: ${p.description}.`,
        );
      }
      out[p.name] = n;
    } else if (p.kind === 'time') {
      const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(t)) throw new ApiError('invalid_input', `"${p.name}" must be a date and time such as 2026-01-31T12:00:00Z.`);
      out[p.name] = new Date(t).toISOString();
    } else {
      out[p.name] = String(value);
    }
  }
  for (const name of Object.keys(given)) {
    if (!declared.some((p) => p.name === name)) throw new ApiError('invalid_input', `The query has no parameter "${name}".`);
  }
  return out;
}
