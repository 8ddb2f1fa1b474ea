import { z } from 'zod';
import { defineEvent, defineRequest, type DataTopic } from '../define';
import { EnvId } from '../../domain/ids';

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const JobKind = z.enum(['demo', 'sync', 'scoring', 'graph', 'llm', 'report']);
export type JobKind = z.infer<typeof JobKind>;

/**
 * What a job of each kind may have written by the time it ends, done or not (a cancelled sync keeps the pages it
 * wrote and records why it stopped): the engine announces these topics in `data.changed` when the job ends.
 */
export const JOB_CHANGES: Readonly<Record<JobKind, readonly DataTopic[]>> = {
  demo: ['environments', 'dags', 'runs', 'task_instances'],
  sync: ['environments', 'dags', 'runs', 'task_instances'],
  scoring: ['analytics'],
  graph: ['graph'],
  llm: ['models'],
  report: [],
};

export const Job = z.object({
  id: z.string(),
  kind: JobKind,
  envId: EnvId.nullable(),
  label: z.string(),
  state: JobState,
  done: z.number(),
  total: z.number().nullable(),
  message: z.string().nullable(),
  /** Items per second in the current step, once it has run long enough to say. */
  ratePerS: z.number().nullable().optional(),
  /** Seconds left in the current step at that rate. */
  etaS: z.number().nullable().optional(),
  startedAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const jobRequests = {
  'jobs.list': defineRequest('Background jobs, running and recently finished', z.object({}).strict(), z.array(Job), {
    scope: 'app',
    reads: ['jobs'],
  }),
} as const;

export const jobEvents = {
  'jobs.progress': defineEvent('A background job started, progressed or ended', Job),
} as const;
