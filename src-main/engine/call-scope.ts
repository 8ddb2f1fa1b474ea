import type { RequestScope } from '../../src-shared/api/define';

/** The environment of an environment-scoped request, looked up by the dispatcher before its handler runs. */
export interface ScopedEnvironment {
  readonly id: string;
  /** The environment's "now": the current time, or the end of a synthetic history. */
  readonly asOf: string;
}

/** What a handler receives beside its input: the resolved environment, for environment-scoped requests. */
export type CallScope<S extends RequestScope> = S extends 'environment' ? { readonly env: ScopedEnvironment } : { readonly env: null };
