import { BrowserWindow, type WebContents } from 'electron';
import { openExternalWithConfirmation } from './open-external';
import { isTrustedRendererUrl } from './renderer-origin';

/**
 * Applied to every WebContents: no new windows, no navigation away, no
 * <webview>. http(s) links are offered to the external-link gate instead.
 */
export function guardWebContents(contents: WebContents, devUrl: string | null): void {
  const offerExternally = (url: string): void => {
    if (isTrustedRendererUrl(url, devUrl)) return;
    void openExternalWithConfirmation(url, BrowserWindow.fromWebContents(contents)).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    offerExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedRendererUrl(event.url, devUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
