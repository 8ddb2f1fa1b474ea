import { z } from 'zod';
import { defineEvent, type DataTopic } from './define';
import { EnvId } from '../domain/ids';
import { jobEvents } from './requests/jobs';

const topics = z.array(z.enum(['environments', 'dags', 'runs', 'task_instances', 'settings', 'jobs'] satisfies [DataTopic, ...DataTopic[]]));

export const events = {
  ...jobEvents,
  'data.changed': defineEvent('Cache tables changed; refresh what reads them', z.object({ topics, envId: EnvId.nullable() })),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.infer<Events[N]['payload']>;
