/**
 * Turns a report's self-contained HTML into PDF bytes. The engine receives one:
 * headless Chromium by default (served mode, the CLI), Electron's printToPDF
 * when the desktop shell injects it (the engine then asks main through a message).
 */
export interface PdfRenderer {
  /** Which printer this is, for logs and the report's timing line. */
  readonly name: string;
  render(html: string): Promise<Buffer>;
}
