/** Requests the engine sent to main, waiting for their answers by id. */
export class PendingReplies<T> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  /** Sends a request under a fresh id and waits for its answer. */
  ask(send: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      send(id);
    });
  }

  /** Settles the request with this id (unknown ids are ignored). */
  settle(id: number, outcome: { ok: true; value: T } | { ok: false; error: Error }): void {
    const waiter = this.pending.get(id);
    this.pending.delete(id);
    if (outcome.ok) waiter?.resolve(outcome.value);
    else waiter?.reject(outcome.error);
  }
}
