import { ApiError, type ApiResult } from './errors';
import { requestNames, type RequestInput, type RequestName, type RequestOutput } from './contract';
import type { EventName, EventPayload } from './events';

/** How a transport delivers one request and subscribes to events. */
export interface Transport {
  call(name: RequestName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

export type ApiCalls = {
  [N in RequestName]: (input: RequestInput<N>) => Promise<RequestOutput<N>>;
};

export interface Api {
  call: ApiCalls;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Builds the typed API object over a transport. The back end validated the
 * output already; the client unwraps the envelope and throws ApiError.
 */
export function createApi(transport: Transport): Api {
  const call = {} as Record<RequestName, (input: unknown) => Promise<unknown>>;
  for (const name of requestNames) {
    call[name] = async (input: unknown) => {
      const result = await transport.call(name, input);
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value;
    };
  }
  return {
    call: call as unknown as ApiCalls,
    on: (name, listener) => transport.subscribe(name, listener as (payload: unknown) => void),
  };
}
