// Types for `inject('peers')` in integration tests (see test/env/global-setup.ts).
import type { ProvidedPeers } from './peer-set';

declare module 'vitest' {
  export interface ProvidedContext {
    peers: ProvidedPeers;
    /** The endpoint that starts peers on request (`lazy-peers.ts`). */
    lazyPeers: string;
  }
}

export {};
