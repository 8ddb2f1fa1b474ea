import type { RenderedReport, ReportFormat, ReportSource } from '../../../src-shared/domain/reports';
import { ReportBuilder } from './build-report';
import { chromiumPdf } from './chromium-pdf';
import { sanitizeFileName } from '../../platform/file-name';
import type { PdfRenderer } from './pdf-renderer';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import type { ReportDeps } from './report-deps';
import type { ReportModel } from './report-model';
import { redactSecrets } from '../credentials/secret-redaction';
import { writeReportFile } from './write-report-file';

const MIME: Record<ReportFormat, string> = { html: 'text/html;charset=utf-8', md: 'text/markdown;charset=utf-8', pdf: 'application/pdf' };

export interface RenderedFile {
  fileName: string;
  mime: string;
  data: Buffer | string;
  ms: number;
}

export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const stamp = model.window.to.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  // A window report's title already names its environment ("Demo: the last 24 h").
  return sanitizeFileName(`${model.kind === 'incident' ? 'incident-' : ''}${model.title}-${stamp}`, format);
}

/** Renders reports (HTML, Markdown, PDF) from one model, for download or to a chosen file. */
export class ReportService {
  private readonly builder: ReportBuilder;

  constructor(
    deps: ReportDeps,
    private readonly pdf: PdfRenderer = chromiumPdf,
  ) {
    this.builder = new ReportBuilder(deps);
  }

  model(source: ReportSource): ReportModel {
    return this.builder.build(source);
  }

  async render(source: ReportSource, format: ReportFormat): Promise<RenderedFile> {
    const started = performance.now();
    // Let the engine answer what is waiting before the synchronous reads.
    await new Promise(setImmediate);
    const model = this.builder.build(source);
    // A report quotes Airflow's error text: no secret the app holds is printed in it.
    const data =
      format === 'md'
        ? redactSecrets(renderMarkdown(model))
        : format === 'html'
          ? redactSecrets(renderHtml(model))
          : await this.pdf.render(redactSecrets(renderHtml(model)));
    return { fileName: reportFileName(model, format), mime: MIME[format], data, ms: Math.round(performance.now() - started) };
  }

  async forDownload(source: ReportSource, format: ReportFormat): Promise<RenderedReport> {
    const file = await this.render(source, format);
    const binary = typeof file.data !== 'string';
    const content = typeof file.data === 'string' ? file.data : file.data.toString('base64');
    return {
      fileName: file.fileName,
      mime: file.mime,
      encoding: binary ? 'base64' : 'utf8',
      content,
      bytes: Buffer.byteLength(file.data),
      ms: file.ms,
    };
  }

  async save(source: ReportSource, format: ReportFormat, path: string): Promise<{ path: string; bytes: number; ms: number; at: string }> {
    const file = await this.render(source, format);
    const written = writeReportFile(path, file.data);
    return { path: written, bytes: Buffer.byteLength(file.data), ms: file.ms, at: new Date().toISOString() };
  }
}
