import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from '../../../src-main/cli/serve-args';
import { defaultDataDir } from '../../../src-main/platform/data-dir';

describe('serve CLI arguments', () => {
  it('has defaults', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, dataDir: null, staticDir: null, demo: true, help: false });
  });

  it('parses both flag styles', () => {
    expect(parseServeArgs(['--port', '8080', '--data-dir=/tmp/x', '--no-demo'])).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      demo: false,
    });
  });

  it('explains mistakes', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/--port expects a number/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port'])).toThrow(/--port needs a value/);
    expect(() => parseServeArgs(['--data-dir', '--port', '1'])).toThrow(/--data-dir needs a value/);
    expect(() => parseServeArgs(['--bogus'])).toThrow(/Unknown argument "--bogus"/);
  });
});

describe('default data dir', () => {
  it('follows each platform', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/x/data' }, '/home/u')).toBe('/x/data/orc-ai-desk');
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/orc-ai-desk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/share/orc-ai-desk');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/ORC AI Desk');
    expect(defaultDataDir('win32', { APPDATA: '/c/Users/u/AppData/Roaming' }, '/c/Users/u')).toBe('/c/Users/u/AppData/Roaming/ORC AI Desk');
  });
});
