export interface OrderedFetchOptions {
  /** Requests in flight at once. */
  parallel: number;
  signal?: AbortSignal | undefined;
  /** The error thrown when `signal` is aborted. */
  cancelled: () => Error;
}

/** Results held ahead of the one being waited for, per request slot: bounds memory behind a slow page. */
const AHEAD_PER_SLOT = 4;

/**
 * Runs `fetches` with up to `parallel` in flight, starting the next one as
 * soon as any ends (no waiting for the slowest of a batch), and hands each
 * result to `deliver` in the order of `fetches`. The first failure in that
 * order is thrown after what came before it was delivered; nothing after it
 * is delivered and nothing new starts.
 */
export async function inOrder<T>(
  fetches: readonly (() => Promise<T>)[],
  options: OrderedFetchOptions,
  deliver: (result: T) => void,
): Promise<void> {
  const width = Math.max(1, Math.floor(options.parallel));
  const started: Promise<T>[] = [];
  let inFlight = 0;
  let delivered = 0;
  let stopped = false;
  const pump = (): void => {
    while (!stopped && inFlight < width && started.length < fetches.length && started.length - delivered < width * AHEAD_PER_SLOT) {
      const fetch = fetches[started.length] as () => Promise<T>;
      inFlight += 1;
      const pending = fetch();
      started.push(pending);
      pending.then(
        () => {
          inFlight -= 1;
          pump();
        },
        () => {
          inFlight -= 1;
          stopped = true;
        },
      );
    }
  };
  try {
    pump();
    for (; delivered < fetches.length; delivered++) {
      if (options.signal?.aborted) throw options.cancelled();
      const result = await (started[delivered] as Promise<T>);
      deliver(result);
      pump();
    }
  } finally {
    stopped = true;
  }
}
