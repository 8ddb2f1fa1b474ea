import { z } from 'zod';
import { DATA_TOPICS, defineEvent } from './define';
import { EnvId } from '../domain/ids';
import { jobEvents } from './requests/jobs';
import { copilotEvents } from './requests/copilot';
import { rulesEvents } from './requests/rules';

const topics = z.array(z.enum(DATA_TOPICS));

export const events = {
  ...jobEvents,
  ...copilotEvents,
  ...rulesEvents,
  'data.changed': defineEvent('Cache tables changed; refresh what reads them', z.object({ topics, envId: EnvId.nullable() })),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.infer<Events[N]['payload']>;
