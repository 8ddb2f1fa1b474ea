import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../../src-shared/api/requests/jobs';
import { useApi } from '../../platform/api/api-context';
import { useApiQuery } from '../../platform/api/use-api-query';

const JOBS_KEY = ['jobs.list', {}] as const;

/** Inserts or replaces one job in a list, newest first. */
export function upsertJob(jobs: readonly Job[], job: Job): Job[] {
  const rest = jobs.filter((candidate) => candidate.id !== job.id);
  return [job, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Background jobs from `jobs.list`, kept live by `jobs.progress` events. */
export function useJobs(): Job[] {
  const api = useApi();
  const client = useQueryClient();
  const query = useApiQuery('jobs.list', {});
  useEffect(
    () =>
      api.on('jobs.progress', (job) => {
        // What a finished job wrote arrives as `data.changed` with its kind's topics (JOB_CHANGES): only those queries refresh.
        client.setQueryData<Job[]>(JOBS_KEY, (previous) => upsertJob(previous ?? [], job));
      }),
    [api, client],
  );
  return query.data ?? [];
}
