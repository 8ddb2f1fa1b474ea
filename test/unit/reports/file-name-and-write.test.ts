import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { sanitizeFileName } from '../../../src-main/platform/file-name';
import { writeReportFile } from '../../../src-main/services/reports/write-report-file';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const temp = (): string => {
  const t = makeTempDir('orc-report-');
  cleanups.push(t.cleanup);
  return t.dir;
};

describe('report file names', () => {
  it('keeps only safe characters and always ends with the extension', () => {
    expect(sanitizeFileName('Demo-billing_snapshot_hourly-20261121-1000', 'pdf')).toBe('Demo-billing_snapshot_hourly-20261121-1000.pdf');
    expect(sanitizeFileName('../../etc/passwd', 'html')).toBe('etc-passwd.html');
    expect(sanitizeFileName('<img src=x onerror=alert(1)>', 'md')).toBe('img-src-x-onerror-alert-1.md');
    expect(sanitizeFileName('C:\\Windows\\system32', 'md')).toBe('C-Windows-system32.md');
    expect(sanitizeFileName('.hidden', 'md')).toBe('hidden.md');
    expect(sanitizeFileName('', 'pdf')).toBe('report.pdf');
    expect(sanitizeFileName('CON', 'pdf')).toBe('report-CON.pdf');
    expect(sanitizeFileName('Café résumé ✓', 'html')).toBe('Cafe-resume.html');
    expect(sanitizeFileName('x'.repeat(500), 'pdf').length).toBe(124);
    expect(sanitizeFileName('a', '../pdf')).toBe('a.pdf');
  });
});

describe('writing a report file', () => {
  it('writes exactly the chosen file and leaves nothing else behind', () => {
    const dir = temp();
    const path = join(dir, 'report.html');
    expect(writeReportFile(path, '<p>one</p>')).toBe(path);
    writeReportFile(path, Buffer.from('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('refuses folders, "..", relative paths, missing folders and symbolic links', () => {
    const dir = temp();
    const outside = temp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(outside, 'victim.txt'), 'keep');
    symlinkSync(join(outside, 'victim.txt'), join(dir, 'link.pdf'));
    const refused = (path: string): string => {
      try {
        writeReportFile(path, 'x');
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        return (error as ApiError).message;
      }
      throw new Error(`${path} was written`);
    };
    expect(refused(join(dir, 'sub'))).toMatch(/folder/);
    expect(refused(`${dir}/sub/../../escape.pdf`)).toMatch(/\.\./);
    expect(refused('report.pdf')).toMatch(/absolute/);
    expect(refused(join(dir, 'nope', 'report.pdf'))).toMatch(/does not exist/);
    expect(refused(join(dir, 'link.pdf'))).toMatch(/symbolic link/);
    expect(refused(`${dir}/bad\u0000name.pdf`)).toMatch(/NUL/);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, '..', 'escape.pdf'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['link.pdf', 'sub']);
  });
});
