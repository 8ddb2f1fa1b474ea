import type { EventName, EventPayload } from '../../src-shared/api/events';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Fan-out of engine events to whichever transports are attached. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
