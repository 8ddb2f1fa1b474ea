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

/**
 * 'environment': the request concerns one existing environment (`envId` in its input); the dispatcher resolves it
 * before the handler runs and answers not_found for an unknown one. 'app': anything else.
 */
export type RequestScope = 'environment' | 'app';
/** Only an input with a required `envId` may be environment-scoped. */
export type ScopeFor<I extends z.ZodType> = z.output<I> extends { envId: string } ? RequestScope : 'app';

/** A query: what it reads, so a `data.changed` on any of those topics refreshes it (empty: never refreshed). */
export interface QueryAccess<S extends RequestScope> {
  readonly scope: S;
  readonly reads: readonly DataTopic[];
}
/** A mutation: what it writes, announced by the dispatcher after it succeeds. */
export interface MutationAccess<S extends RequestScope> {
  readonly scope: S;
  readonly changes: readonly [DataTopic, ...DataTopic[]];
  /** What a failed call may still have written (a refused action is audited). */
  readonly changesOnError?: readonly DataTopic[];
}

export type RequestKind = 'query' | 'mutation';

export interface RequestDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends RequestKind = RequestKind,
  S extends RequestScope = RequestScope,
> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
  /** A query changes nothing the app caches (it may still ask Airflow or write a chosen file); a mutation does. */
  readonly kind: K;
  readonly scope: S;
  /** What this query reads; empty for mutations. */
  readonly reads: readonly DataTopic[];
  /** What this request changes on success, so views reading those topics refresh. Empty for queries. */
  readonly changes: readonly DataTopic[];
  readonly changesOnError: readonly DataTopic[];
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export function defineRequest<I extends z.ZodType, O extends z.ZodType, const S extends ScopeFor<I>>(
  summary: string,
  input: I,
  output: O,
  access: QueryAccess<S>,
): RequestDef<I, O, 'query', S>;
export function defineRequest<I extends z.ZodType, O extends z.ZodType, const S extends ScopeFor<I>>(
  summary: string,
  input: I,
  output: O,
  access: MutationAccess<S>,
): RequestDef<I, O, 'mutation', S>;
export function defineRequest(
  summary: string,
  input: z.ZodType,
  output: z.ZodType,
  access: QueryAccess<RequestScope> | MutationAccess<RequestScope>,
): RequestDef {
  if ('changes' in access) {
    return {
      summary,
      input,
      output,
      kind: 'mutation',
      scope: access.scope,
      reads: [],
      changes: access.changes,
      changesOnError: access.changesOnError ?? [],
    };
  }
  return { summary, input, output, kind: 'query', scope: access.scope, reads: access.reads, changes: [], changesOnError: [] };
}

export function defineEvent<P extends z.ZodType>(summary: string, payload: P): EventDef<P> {
  return { summary, payload };
}
