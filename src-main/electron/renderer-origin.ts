/** The privileged scheme and host the packaged renderer is served from: app://renderer/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The dev server URL from electron-vite, only when running unpackaged. */
export function devRendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  if (isPackaged || url === undefined || url === '') return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) ? url : null;
}

/**
 * True when `url` belongs to our renderer: app://renderer/... in production, or
 * the dev server's origin in development. (Node gives custom schemes an origin
 * of "null", so scheme and host are compared instead.)
 */
export function isTrustedRendererUrl(url: string, devUrl: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return devUrl !== null && parsed.origin === new URL(devUrl).origin;
}
