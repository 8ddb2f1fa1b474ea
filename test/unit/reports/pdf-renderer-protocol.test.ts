// The engine's side of the desktop PDF: ReportService prints through the PdfRenderer it is given. In the app that is
// RemotePdfRenderer, which sends the report HTML to main as a `pdf` message and waits for `pdf-result`. Electron cannot
// run here, so "main" is played by a real MessageChannel whose far end prints with the real headless Chromium.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { isFromEngine, isToEngine, type FromEngine, type ToEngine } from '../../../src-main/electron/engine-messages';
import { RemotePdfRenderer } from '../../../src-main/electron/remote-pdf';
import { chromiumPdf } from '../../../src-main/services/reports/chromium-pdf';
import { ReportService } from '../../../src-main/services/reports/report-service';
import { scoredDemo, type ScoredDemo } from './report-fixture';

/** Wires a RemotePdfRenderer to a "main" that answers `pdf` messages with `print`, over a real message port. */
function overPort(print: (html: string) => Promise<Buffer>): {
  renderer: RemotePdfRenderer;
  seen: FromEngine['type'][];
  close: () => void;
} {
  const { port1: engineSide, port2: mainSide } = new MessageChannel();
  const seen: FromEngine['type'][] = [];
  const renderer = new RemotePdfRenderer((message) => engineSide.postMessage(message));
  engineSide.on('message', (data: unknown) => {
    if (isToEngine(data) && data.type === 'pdf-result') renderer.settle(data.id, data.ok, data.data);
  });
  const reply = (port: MessagePort, message: ToEngine): void => port.postMessage(message);
  mainSide.on('message', (data: unknown) => {
    if (!isFromEngine(data) || data.type !== 'pdf') return;
    seen.push(data.type);
    print(data.html).then(
      (pdf) => reply(mainSide, { type: 'pdf-result', id: data.id, ok: true, data: pdf.toString('base64') }),
      (error: unknown) =>
        reply(mainSide, { type: 'pdf-result', id: data.id, ok: false, data: error instanceof Error ? error.message : String(error) }),
    );
  });
  return { renderer, seen, close: () => engineSide.close() };
}

describe('report PDF through the PdfRenderer the engine receives', () => {
  let demo: ScoredDemo;
  beforeAll(async () => {
    demo = await scoredDemo({ dags: 4, days: 3 });
  });
  afterAll(() => demo.dispose());

  it('prints with headless Chromium by default', async () => {
    const file = await new ReportService(demo.deps).render({ kind: 'window', envId: 'demo', since: '3d' }, 'pdf');
    expect(Buffer.isBuffer(file.data) && file.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('prints through the shell when it injects a renderer: the HTML goes out as a message and the PDF comes back', async () => {
    const printed: string[] = [];
    const main = overPort(async (html) => {
      printed.push(html);
      return chromiumPdf.render(html);
    });
    try {
      const reports = new ReportService(demo.deps, main.renderer);
      const [a, b] = await Promise.all([
        reports.render({ kind: 'window', envId: 'demo', since: '3d' }, 'pdf'),
        reports.render({ kind: 'window', envId: 'demo', since: '1d' }, 'pdf'),
      ]);
      for (const file of [a, b])
        expect(Buffer.isBuffer(file?.data) && (file?.data as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(main.seen).toEqual(['pdf', 'pdf']);
      expect(printed.every((html) => html.startsWith('<!doctype html>'))).toBe(true);
    } finally {
      main.close();
    }
  }, 120_000);

  it("explains main's refusal and keeps the engine answering", async () => {
    const main = overPort(() => Promise.reject(new Error('printToPDF failed: no GPU process')));
    try {
      const reports = new ReportService(demo.deps, main.renderer);
      const failure = reports.render({ kind: 'window', envId: 'demo', since: '3d' }, 'pdf');
      await expect(failure).rejects.toBeInstanceOf(ApiError);
      await expect(failure).rejects.toThrow(/The PDF could not be printed: printToPDF failed: no GPU process/);
      const html = await reports.render({ kind: 'window', envId: 'demo', since: '3d' }, 'html');
      expect(typeof html.data).toBe('string');
    } finally {
      main.close();
    }
  });

  it('accepts only well-formed pdf messages', () => {
    expect(isFromEngine({ type: 'pdf', id: 1, html: '<p>x</p>' })).toBe(true);
    expect(isFromEngine({ type: 'pdf', id: 1.5, html: '<p>x</p>' })).toBe(false);
    expect(isFromEngine({ type: 'pdf', id: 1, html: 42 })).toBe(false);
    expect(isToEngine({ type: 'pdf-result', id: 1, ok: true, data: 'JVBERi0=' })).toBe(true);
    expect(isToEngine({ type: 'pdf-result', id: 1, ok: 'yes', data: '' })).toBe(false);
  });
});
