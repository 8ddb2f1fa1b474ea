import type { Environment } from '../../../src-shared/domain/environment';
import type { CurrentEnv } from '../environments/use-current-env';
import type { Route } from '../../platform/routing/route';

/** The environment a deep link names (`env=`), else the current one. */
export function routeEnv(params: Route['params'], current: CurrentEnv): Environment | null {
  const named = params.env;
  if (named === undefined) return current.env;
  return current.envs.find((env) => env.id === named) ?? null;
}
