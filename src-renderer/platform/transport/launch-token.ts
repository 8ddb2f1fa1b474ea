import { TOKEN_FRAGMENT_KEY } from '../../../src-shared/api/wire';

const STORAGE_KEY = 'orc.token';

/** Reads `#token=...` from a URL fragment; null when absent or empty. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(TOKEN_FRAGMENT_KEY);
  return token !== null && token.length > 0 ? token : null;
}

/** The fragment with the token removed, keeping any route that followed it. */
export function fragmentWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete(TOKEN_FRAGMENT_KEY);
  const rest = params.toString();
  return rest.length > 0 ? `#${rest}` : '';
}

/**
 * Takes the per-launch token out of the address bar (so it is not kept in
 * history or shared by copy-paste) and keeps it for this tab in sessionStorage.
 */
export function claimLaunchToken(win: Window): string | null {
  const fromUrl = tokenFromFragment(win.location.hash);
  if (fromUrl !== null) {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    const clean = `${win.location.pathname}${win.location.search}${fragmentWithoutToken(win.location.hash) || '#/overview'}`;
    win.history.replaceState(null, '', clean);
    return fromUrl;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}

export function forgetLaunchToken(win: Window): void {
  win.sessionStorage.removeItem(STORAGE_KEY);
}
