import type { z } from 'zod';

/** Cache tables a write may touch; the UI refreshes queries that read them. One per line: add yours. */
export const DATA_TOPICS = [
  'environments',
  'dags',
  'runs',
  'task_instances',
  'settings',
  'jobs',
  'graph',
  'audit',
  'models',
  'copilot',
  'analytics',
  'triage',
  'rules',
  'notifications',
  'incidents',
  'monitoring',
] as const;
export type DataTopic = (typeof DATA_TOPICS)[number];

export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What this request changes, so views reading those topics refresh. Empty for queries. */
  readonly changes: readonly DataTopic[];
  readonly summary: string;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export function defineRequest<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  changes: readonly DataTopic[] = [],
): RequestDef<I, O> {
  return { summary, input, output, changes };
}

export function defineEvent<P extends z.ZodType>(summary: string, payload: P): EventDef<P> {
  return { summary, payload };
}
