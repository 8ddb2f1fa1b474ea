import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from '../../../src-main/cli/synth-args';
import { prepareOutputFile } from '../../../src-main/services/synth/output-file';

describe('synth CLI arguments', () => {
  it('parses flags, with defaults for the Demo size', () => {
    expect(parseCliArgs(['--out', 'x.sqlite'])).toMatchObject({ out: 'x.sqlite', dags: 25, days: 90, asOf: null, envId: 'demo' });
    expect(parseCliArgs(['--dags', '500', '--days=365', '--seed', '7', '--out', 'f', '--as-of', '2026-01-01T00:00:00Z'])).toMatchObject({
      dags: 500,
      days: 365,
      seed: 7,
      out: 'f',
      asOf: '2026-01-01T00:00:00Z',
    });
  });

  it('says what is wrong with bad arguments', () => {
    expect(() => parseCliArgs([])).toThrow(/--out FILE is required/);
    expect(() => parseCliArgs(['--out', 'f', '--dags', 'many'])).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--out', 'f', '--dags'])).toThrow(/--dags needs a value/);
    expect(() => parseCliArgs(['--out', 'f', '--colour', 'red'])).toThrow(/unknown argument/);
  });
});

describe('synth output file', () => {
  it('replaces a file, accepts an absent path, refuses directories and links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-synth-out-'));
    try {
      const file = join(dir, 'a.sqlite');
      prepareOutputFile(file);
      writeFileSync(file, 'old');
      writeFileSync(`${file}-wal`, 'old');
      prepareOutputFile(file);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}-wal`)).toBe(false);
      const sub = join(dir, 'sub');
      mkdirSync(sub);
      expect(() => prepareOutputFile(sub)).toThrow(/is a directory/);
      expect(existsSync(sub)).toBe(true);
      const link = join(dir, 'link');
      writeFileSync(join(dir, 'target'), 'keep');
      symlinkSync(join(dir, 'target'), link);
      expect(() => prepareOutputFile(link)).toThrow(/not a regular file/);
      expect(existsSync(join(dir, 'target'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
