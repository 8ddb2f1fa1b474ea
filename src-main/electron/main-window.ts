import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './renderer-origin';

/** The main window: isolated, sandboxed renderer with the bundled preload only. */
export function createMainWindow(preloadPath: string, devUrl: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'ORC AI Desk',
    backgroundColor: '#0b1e3a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devUrl ?? APP_ENTRY_URL);
  return window;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.js');
}
