import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src-shared/api/requests/jobs';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';

describe('JobRegistry', () => {
  it('tells onEnd once when a job ends, done or failed, and never while it runs', () => {
    const ended: Pick<Job, 'kind' | 'envId' | 'state'>[] = [];
    const jobs = new JobRegistry(
      () => undefined,
      ({ kind, envId, state }) => ended.push({ kind, envId, state }),
    );
    const sync = jobs.start('sync', 'prod', 'Syncing prod');
    sync.progress(1, 2);
    expect(ended).toEqual([]);
    sync.succeed('2 changes');
    sync.progress(2, 2);
    const scoring = jobs.start('scoring', 'demo', 'Scoring demo');
    scoring.fail('Cancelled');
    expect(ended).toEqual([
      { kind: 'sync', envId: 'prod', state: 'done' },
      { kind: 'scoring', envId: 'demo', state: 'failed' },
    ]);
  });
});
