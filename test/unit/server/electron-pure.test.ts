// Pure helpers of the Electron shell (no `electron` import), tested here because the shell itself cannot run.
import { describe, expect, it } from 'vitest';
import { engineHostArgv, isFromEngine, isToEngine, parseEngineHostArgv } from '../../../src-main/electron/engine-messages';
import { externalHttpUrl } from '../../../src-main/electron/external-url';
import { devRendererUrl, isTrustedRendererUrl } from '../../../src-main/electron/renderer-origin';
import { rendererContentSecurityPolicy } from '../../../src-main/electron/renderer-csp';
import { BACKOFF_MAX_MS, restartDelay } from '../../../src-main/electron/restart-backoff';
import { saveDialogDefault, withChosenPath } from '../../../src-main/electron/report-save-gate';

describe('external link gate', () => {
  it('accepts http and https only', () => {
    expect(externalHttpUrl('https://airflow.example.com/dags/x')?.href).toBe('https://airflow.example.com/dags/x');
    expect(externalHttpUrl('http://localhost:8080/')).not.toBeNull();
    for (const raw of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://renderer/index.html',
      'data:text/html,x',
      'ms-msdt:/id',
      'not a url',
      'https://user:pw@example.com/',
      'https://exa\nmple.com',
      'https://example.com/\u0000',
      `https://example.com/${'a'.repeat(5000)}`,
    ]) {
      expect(externalHttpUrl(raw), raw).toBeNull();
    }
  });
});

describe('renderer origin', () => {
  it('trusts app://renderer and the dev server only', () => {
    expect(isTrustedRendererUrl('app://renderer/index.html', null)).toBe(true);
    expect(isTrustedRendererUrl('app://other/index.html', null)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', null)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('file:///index.html', null)).toBe(false);
    expect(isTrustedRendererUrl('', null)).toBe(false);
  });

  it('uses the dev server URL only unpackaged and on loopback', () => {
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(devRendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeNull();
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://evil.example:5173' })).toBeNull();
    expect(devRendererUrl(false, {})).toBeNull();
  });

  it('keeps scripts to self in production', () => {
    const csp = rendererContentSecurityPolicy(null);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(rendererContentSecurityPolicy('http://localhost:5173')).toContain('ws://localhost:5173');
  });
});

describe('engine restart backoff', () => {
  it('doubles up to a cap', () => {
    expect([0, 1, 2, 3].map(restartDelay)).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelay(50)).toBe(BACKOFF_MAX_MS);
  });
});

describe('engine messages', () => {
  it('round-trips the host arguments', () => {
    expect(parseEngineHostArgv(['electron', ...engineHostArgv({ dataDir: '/a b/=c', version: '1.2.3' })])).toEqual({
      dataDir: '/a b/=c',
      version: '1.2.3',
    });
    expect(parseEngineHostArgv(['--data-dir='])).toBeNull();
  });

  it('checks message shapes', () => {
    expect(isToEngine({ type: 'call', id: 1, name: 'app.info', input: {} })).toBe(true);
    expect(isToEngine({ type: 'call', id: '1', name: 'app.info' })).toBe(false);
    expect(isToEngine(null)).toBe(false);
    expect(isFromEngine({ type: 'result', id: 3, result: { ok: true, value: 1 } })).toBe(true);
    expect(isFromEngine({ type: 'result', id: 3, result: 'x' })).toBe(false);
    expect(isFromEngine({ type: 'event', event: 'jobs.progress', payload: {} })).toBe(true);
    expect(isFromEngine({ type: 'other' })).toBe(false);
  });
});

describe('report save gate (finding 10 of issue 19)', () => {
  it('uses only the path chosen in the save dialog, never the one the renderer sent', () => {
    const input = { source: { kind: 'incident', incidentId: 'i1' }, format: 'md', path: '/home/me/.bashrc' };
    expect(withChosenPath(input, '/home/me/Documents/incident.md')).toEqual({
      ok: true,
      input: { ...input, path: '/home/me/Documents/incident.md' },
    });
    for (const none of [null, undefined, ''])
      expect(withChosenPath(input, none)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('pre-fills the dialog with the suggested file name only, in the documents folder', () => {
    expect(saveDialogDefault({ path: '/etc/cron.d/evil' }, '/home/me/Documents')).toBe('/home/me/Documents/evil');
    expect(saveDialogDefault({ path: 'C:\\Users\\me\\incident.pdf' }, '/home/me/Documents')).toBe('/home/me/Documents/incident.pdf');
    expect(saveDialogDefault({ path: '/tmp/..' }, '/d')).toBe('/d/report');
    expect(saveDialogDefault({}, '/d')).toBe('/d/report');
  });
});
