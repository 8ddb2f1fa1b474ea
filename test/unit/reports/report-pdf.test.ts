import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportService } from '../../../src-main/services/reports/report-service';
import { makeTempDir } from '../temp-dir';
import { scoredDemo, type ScoredDemo } from './report-fixture';

/** Mean and variance of the grey levels of a binary PGM (P5) as pdftoppm writes it. */
function greyStats(pgm: Buffer): { mean: number; variance: number; dark: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let sum = 0;
  let squares = 0;
  let dark = 0;
  for (const v of pixels) {
    sum += v;
    squares += v * v;
    if (v < 128) dark += 1;
  }
  const mean = sum / pixels.length;
  return { mean, variance: squares / pixels.length - mean * mean, dark: dark / pixels.length };
}

describe('PDF report through headless Chromium', () => {
  let demo: ScoredDemo;
  const out = makeTempDir('orc-pdf-');
  beforeAll(async () => {
    demo = await scoredDemo({ dags: 25, days: 30 });
  });
  afterAll(() => {
    demo.dispose();
    out.cleanup();
  });

  it('prints a 30-day Demo report whose first page is not blank (pdftoppm)', async () => {
    const reports = new ReportService(demo.deps);
    const pdfPath = join(out.dir, 'demo-30d.pdf');
    const saved = await reports.save({ kind: 'window', envId: 'demo', since: '30d' }, 'pdf', pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.bytes).toBe(pdf.length);
    // pdftoppm comes with poppler-utils (apt-get install poppler-utils).
    execFileSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(out.dir, 'page')]);
    const stats = greyStats(readFileSync(join(out.dir, 'page-1.pgm')));
    expect(stats.variance).toBeGreaterThan(500);
    expect(stats.dark).toBeGreaterThan(0.01);
    expect(stats.mean).toBeGreaterThan(180);
    // A PNG of the first page to look at (test-results/reports/), as the README's page image is made.
    const looks = join(process.cwd(), 'test-results', 'reports');
    mkdirSync(looks, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(looks, 'demo-30d-page1')]);
    writeFileSync(join(looks, 'timing.json'), JSON.stringify({ pdfMs: saved.ms, bytes: saved.bytes }, null, 2));
  }, 120_000);
});
