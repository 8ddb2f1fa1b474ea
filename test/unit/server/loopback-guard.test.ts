import { describe, expect, it } from 'vitest';
import { allowedHosts, checkLoopbackRequest } from '../../../src-main/server/loopback-guard';

const hosts = allowedHosts(4321);

describe('loopback guard', () => {
  it('accepts the loopback names with our port', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'LOCALHOST:4321']) {
      expect(checkLoopbackRequest({ host }, hosts).ok, host).toBe(true);
    }
  });

  it('refuses foreign hosts, missing hosts and other ports', () => {
    for (const host of [
      'evil.example:4321',
      '127.0.0.1',
      '127.0.0.1:80',
      'localhost.evil.example:4321',
      '127.0.0.2:4321',
      '0.0.0.0:4321',
      undefined,
    ]) {
      const verdict = checkLoopbackRequest({ host }, hosts);
      expect(verdict.ok, String(host)).toBe(false);
    }
  });

  it('accepts only the same origin when an Origin is sent', () => {
    expect(checkLoopbackRequest({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' }, hosts).ok).toBe(true);
    for (const origin of [
      'http://localhost:4321',
      'https://127.0.0.1:4321',
      'null',
      'http://evil.example',
      'http://127.0.0.1:4321.evil.example',
    ]) {
      const verdict = checkLoopbackRequest({ host: '127.0.0.1:4321', origin }, hosts);
      expect(verdict, origin).toMatchObject({ ok: false, status: 403 });
    }
  });
});
