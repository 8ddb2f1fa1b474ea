import { BrowserWindow } from 'electron';

/**
 * The desktop app's PDF: prints a report's self-contained HTML with
 * Electron's printToPDF in a hidden, sandboxed window with JavaScript off
 * and every navigation and request refused. Main calls it when the engine
 * (a utility process, which cannot reach Electron) hands it report HTML.
 */
export async function printReportToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true } });
  try {
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) => callback({ cancel: true }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    win.destroy();
  }
}
