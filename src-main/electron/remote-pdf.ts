import { ApiError } from '../../src-shared/api/errors';
import type { PdfRenderer } from '../services/reports/pdf-renderer';
import type { FromEngine } from './engine-messages';
import { PendingReplies } from './pending-replies';

/**
 * The engine's PdfRenderer in the app: Electron's printToPDF exists only in
 * the main process, so the report HTML goes to main and the PDF comes back
 * (base64, as every message between them is plain data).
 */
export class RemotePdfRenderer implements PdfRenderer {
  readonly name = 'electron-print-to-pdf';
  private readonly replies = new PendingReplies<Buffer>();

  constructor(private readonly send: (message: FromEngine) => void) {}

  render(html: string): Promise<Buffer> {
    return this.replies.ask((id) => this.send({ type: 'pdf', id, html }));
  }

  settle(id: number, ok: boolean, data: string): void {
    this.replies.settle(
      id,
      ok
        ? { ok: true, value: Buffer.from(data, 'base64') }
        : {
            ok: false,
            error: new ApiError('unavailable', `The PDF could not be printed: ${data}`, 'HTML and Markdown exports work without it.'),
          },
    );
  }
}
