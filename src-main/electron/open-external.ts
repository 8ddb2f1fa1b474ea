import { BrowserWindow, dialog, shell } from 'electron';
import { externalHttpUrl } from './external-url';

/**
 * The one gate in front of shell.openExternal: only http(s) URLs, and only
 * after the user confirms the exact address.
 */
export async function openExternalWithConfirmation(raw: string, parent: BrowserWindow | null): Promise<boolean> {
  const url = externalHttpUrl(raw);
  if (url === null) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    title: 'Open external link',
    message: 'Open this address in your browser?',
    detail: url.href,
    noLink: true,
  };
  const { response } = parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
  if (response !== 1) return false;
  await shell.openExternal(url.href);
  return true;
}
