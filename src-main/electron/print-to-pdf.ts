import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';

/** A session of its own (in memory, no cache): its request filter never touches the app window's session. */
const PARTITION = 'orc-report-pdf';

/**
 * The desktop app's report PDF (main calls it when the engine, a utility
 * process that cannot reach Electron, sends a `pdf` message): Electron's
 * printToPDF in a hidden, sandboxed window with JavaScript off, in its own
 * offline session that refuses every request but the report file itself and
 * inline `data:` images. The HTML goes through a private temp file rather
 * than a data: URL, which Chromium caps at 2 MB.
 */
export async function printReportToPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'orc-report-'));
  const file = join(dir, 'report.html');
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  const url = pathToFileURL(file).href;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url === url || details.url.startsWith('data:')) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(url);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
