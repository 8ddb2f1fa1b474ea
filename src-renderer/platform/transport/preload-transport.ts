import type { Transport } from '../../../src-shared/api/client';
import type { PreloadApi } from '../../../src-shared/api/wire';

/** Electron: each request goes through its own preload function. */
export function createPreloadTransport(preload: PreloadApi): Transport {
  return {
    call: (name, input) => preload.requests[name](input),
    subscribe: (name, listener) => preload.on(name, listener),
  };
}
