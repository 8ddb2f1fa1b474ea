import { existsSync } from 'node:fs';
import { ApiError } from '../../../src-shared/api/errors';
import type { PdfRenderer } from './pdf-renderer';

const PLAYWRIGHT = 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH.trim() !== '' ? env.CHROMIUM_PATH : '/usr/bin/chromium';
}

/**
 * PDF through headless Chromium (served mode and the CLI; the desktop app
 * prints with Electron's printToPDF instead). JavaScript is off, and every
 * request the page would make is refused: the report is self-contained.
 */
async function renderWithChromium(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ApiError(
      'unavailable',
      `No Chromium at ${executablePath} to print the PDF.`,
      'Install Chromium (apt-get install chromium) or set CHROMIUM_PATH; HTML and Markdown work without it.',
    );
  }
  // Loaded at run time, not bundled: the Electron build (electron-vite) must not pull playwright-core into the engine bundle.
  const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT)) as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font: 7pt sans-serif; color: #5d6b7c; width: 100%; text-align: center;">page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

export const chromiumPdf: PdfRenderer = { name: 'chromium', render: renderWithChromium };
