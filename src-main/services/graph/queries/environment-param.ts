import { ApiError } from '../../../../src-shared/api/errors';

/**
 * A saved query's environment as a person types it: an environment id ("demo") or its name ("Demo", any case).
 * Anything else is refused with the environments there are, instead of silently matching nothing.
 */
export function resolveEnvironmentParam(value: string, envs: readonly { id: string; name: string }[]): string {
  const exact = envs.find((e) => e.id === value);
  if (exact) return exact.id;
  const wanted = value.trim().toLowerCase();
  const named = envs.filter((e) => e.name.trim().toLowerCase() === wanted);
  if (named.length === 1 && named[0]) return named[0].id;
  const there = envs.map((e) => `${e.name} (${e.id})`).join(', ') || 'none';
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  throw new ApiError('invalid_input', `There is no environment "${shown}".`, `Use an environment's name or id: ${there}.`);
}
