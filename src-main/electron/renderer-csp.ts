import { contentSecurityPolicy } from '../platform/csp';

/**
 * The Electron renderer's policy. In development the Vite dev server needs an
 * inline module script (React refresh preamble) and its HMR WebSocket.
 */
export function rendererContentSecurityPolicy(devUrl: string | null): string {
  if (devUrl === null) return contentSecurityPolicy();
  const dev = new URL(devUrl);
  return contentSecurityPolicy([`ws://${dev.host}`, dev.origin], ["'unsafe-inline'"]);
}
