import type { Transport } from '../../../src-shared/api/client';
import type { PreloadApi } from '../../../src-shared/api/wire';
import { claimLaunchToken } from './launch-token';
import { createPreloadTransport } from './preload-transport';
import { createServedTransport } from './served-transport';

declare global {
  interface Window {
    orcDesk?: PreloadApi;
  }
}

export type TransportChoice = { kind: 'electron'; transport: Transport } | { kind: 'served'; transport: Transport } | { kind: 'no-token' };

/** Electron when the preload put its API on window, otherwise the served mode (which needs the launch token). */
export function selectTransport(win: Window): TransportChoice {
  if (win.orcDesk !== undefined) return { kind: 'electron', transport: createPreloadTransport(win.orcDesk) };
  const token = claimLaunchToken(win);
  if (token === null) return { kind: 'no-token' };
  return { kind: 'served', transport: createServedTransport(win.location.origin, token) };
}
