import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src-shared/api/requests/jobs';
import { upsertJob } from '../../../src-renderer/features/jobs/use-jobs';
import { nextTheme, resolveTheme } from '../../../src-renderer/platform/theme/resolve-theme';

describe('theme', () => {
  it('cycles System → Light → Dark → System', () => {
    expect(nextTheme('system')).toBe('light');
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('system');
  });

  it('follows the OS only for System', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});

describe('upsertJob', () => {
  const job = (id: string, startedAt: string, done = 0): Job => ({
    id,
    kind: 'demo',
    envId: 'demo',
    label: id,
    state: 'running',
    done,
    total: 10,
    message: null,
    startedAt,
  });

  it('replaces by id and keeps newest first', () => {
    const list = [job('a', '2025-01-01T00:00:00Z'), job('b', '2025-01-02T00:00:00Z')];
    const next = upsertJob(list, job('a', '2025-01-01T00:00:00Z', 5));
    expect(next.map((j) => [j.id, j.done])).toEqual([
      ['b', 0],
      ['a', 5],
    ]);
  });
});

describe('sync pace', () => {
  it('shows items per second and time left once measured', async () => {
    const { paceText } = await import('../../../src-renderer/features/jobs/sync-job-text');
    expect(paceText({ ratePerS: null, etaS: null })).toBe('');
    expect(paceText({ ratePerS: 120.4, etaS: 25.2 })).toBe('120/s, about 25 s left');
    expect(paceText({ ratePerS: 3, etaS: 600 })).toBe('3/s, about 10 min left');
  });
});
