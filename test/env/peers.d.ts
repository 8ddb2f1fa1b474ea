// Types for `inject('peers')` in integration tests (see test/env/global-setup.ts).
import type { ProvidedPeers } from './peer-set';

declare module 'vitest' {
  export interface ProvidedContext {
    peers: ProvidedPeers;
  }
}

export {};
