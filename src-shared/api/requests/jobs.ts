import { z } from 'zod';
import { defineEvent, defineRequest } from '../define';
import { EnvId } from '../../domain/ids';

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const Job = z.object({
  id: z.string(),
  kind: z.enum(['demo', 'sync', 'scoring', 'graph', 'llm', 'report']),
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
  'jobs.list': defineRequest('Background jobs, running and recently finished', z.object({}).strict(), z.array(Job)),
} as const;

export const jobEvents = {
  'jobs.progress': defineEvent('A background job started, progressed or ended', Job),
} as const;
