/**
 * Electron main entry (built to out/main/index.js). Keeps windows, routing and
 * secrets; the engine runs in a utility process.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { EngineProcess } from './engine-process';
import { printReportToPdf } from './print-to-pdf';
import { createSecretBox } from './safe-storage';
import { forwardDesktopNotification } from './desktop-notifications';
import { bindRequestChannels, broadcastEvent } from './ipc-bridge';
import { createMainWindow, preloadPathFrom } from './main-window';
import { devRendererUrl } from './renderer-origin';
import { rendererContentSecurityPolicy } from './renderer-csp';
import { secureSession } from './session-security';
import { guardWebContents } from './web-contents-guards';

const log = (message: string): void => {
  process.stderr.write(`[main] ${message}\n`);
};

registerAppScheme();

async function start(): Promise<void> {
  const devUrl = devRendererUrl(app.isPackaged);
  const csp = rendererContentSecurityPolicy(devUrl);
  secureSession(session.defaultSession, csp);
  await handleAppProtocol(join(__dirname, '..', 'renderer'), csp);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devUrl));

  const engine = new EngineProcess({
    modulePath: join(__dirname, 'engine-host.js'),
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    log,
    secrets: createSecretBox(log),
    printPdf: printReportToPdf,
  });
  engine.onEvent((event, payload) => broadcastEvent(event, payload, devUrl));
  engine.onEvent(forwardDesktopNotification);
  engine.start();
  bindRequestChannels(engine, devUrl);

  const preload = preloadPathFrom(__dirname);
  let mainWindow: BrowserWindow | null = createMainWindow(preload, devUrl);
  const trackWindow = (window: BrowserWindow): void => {
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
  };
  trackWindow(mainWindow);

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length > 0) return;
    mainWindow = createMainWindow(preload, devUrl);
    trackWindow(mainWindow);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let engineStop: Promise<void> | null = null;
  let engineStopped = false;
  app.on('before-quit', (event) => {
    if (engineStopped) return;
    event.preventDefault();
    engineStop ??= engine.stop().finally(() => {
      engineStopped = true;
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`startup failed: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
