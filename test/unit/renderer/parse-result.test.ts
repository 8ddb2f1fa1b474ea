import { describe, expect, it } from 'vitest';
import { parseApiResult } from '../../../src-renderer/platform/transport/parse-result';

describe('parseApiResult', () => {
  it('passes a success through', () => {
    expect(parseApiResult(200, { ok: true, value: [1] })).toEqual({ ok: true, value: [1] });
  });

  it('keeps the typed error of a 4xx body', () => {
    const body = { ok: false, error: { code: 'invalid_input', message: 'bad', hint: 'fix it' } };
    expect(parseApiResult(400, body)).toEqual(body);
  });

  it('turns an unreadable body into an error naming the status', () => {
    const result = parseApiResult(401, null);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unauthorized');
      expect(result.error.hint).toContain('npm run serve');
    }
    const other = parseApiResult(502, { ok: false, error: { code: 'made_up', message: 1 } });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.code).toBe('internal');
  });
});
