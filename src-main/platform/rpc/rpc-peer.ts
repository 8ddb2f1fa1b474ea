import type { RpcContract, RpcHandlers, RpcInput, RpcOutput, RpcProgress } from './rpc-contract';
import { RpcEnvelope } from './rpc-envelope';
import type { RpcPort } from './rpc-port';

/** A call the other side refused or failed; the message is the other side's. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export interface RpcPeer<R extends RpcContract> {
  /** Calls a method of the other side; resolves with its validated answer. */
  call<K extends keyof R & string>(
    method: K,
    input: RpcInput<R, K>,
    options?: { onProgress?: (value: RpcProgress<R, K>) => void },
  ): Promise<RpcOutput<R, K>>;
  /** Sends a call whose answer nobody waits for. */
  notify<K extends keyof R & string>(method: K, input: RpcInput<R, K>): void;
  /** Fails every call still waiting (the other side died or is being replaced). */
  failPending(error: Error): void;
  /** Stops listening on the port; pending calls fail with `error`. */
  close(error?: Error): void;
}

interface Waiting {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ((value: never) => void) | undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One end of a typed RPC over a port: calls `remote`'s methods and, when given, answers `serve`'s. Inputs are
 * validated by the side that runs the method, answers and progress by the side that asked, both with the contract's
 * zod schemas; ids and the waiting calls live here only.
 */
export function connectRpc<R extends RpcContract, L extends RpcContract = Record<never, never>>(
  port: RpcPort,
  options: { remote: R; serve?: { contract: L; handlers: RpcHandlers<L> } },
): RpcPeer<R> {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;

  const answer = async (id: number | undefined, method: string, rawInput: unknown): Promise<void> => {
    const serve = options.serve;
    const spec = serve !== undefined && Object.hasOwn(serve.contract, method) ? serve.contract[method] : undefined;
    if (serve === undefined || spec === undefined) {
      if (id !== undefined) port.post({ rpc: 1, kind: 'error', id, message: `No method ${method} here.` });
      return;
    }
    try {
      const input = spec.input.parse(rawInput);
      const handler = serve.handlers[method as keyof L] as (input: unknown, context: { progress(value: unknown): void }) => unknown;
      const progress = (value: unknown): void => {
        if (id !== undefined) port.post({ rpc: 1, kind: 'progress', id, value });
      };
      const value = await handler(input, { progress });
      if (id !== undefined) port.post({ rpc: 1, kind: 'result', id, value });
    } catch (error) {
      if (id !== undefined) port.post({ rpc: 1, kind: 'error', id, message: messageOf(error) });
    }
  };

  const settle = (id: number, outcome: { value: unknown } | { error: string }): void => {
    const call = waiting.get(id);
    if (call === undefined) return;
    waiting.delete(id);
    if ('error' in outcome) {
      call.reject(new RpcError(outcome.error, call.method));
      return;
    }
    const parsed = options.remote[call.method]?.output.safeParse(outcome.value);
    if (parsed?.success) call.resolve(parsed.data);
    else call.reject(new RpcError(`The answer to ${call.method} did not match its contract.`, call.method));
  };

  const stop = port.onMessage((raw) => {
    const parsed = RpcEnvelope.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.kind) {
      case 'call':
        void answer(message.id, message.method, message.input);
        break;
      case 'notify':
        void answer(undefined, message.method, message.input);
        break;
      case 'progress': {
        const call = waiting.get(message.id);
        const schema = call === undefined ? undefined : options.remote[call.method]?.progress;
        const value = schema?.safeParse(message.value);
        if (call?.onProgress && value?.success) call.onProgress(value.data as never);
        break;
      }
      case 'result':
        settle(message.id, { value: message.value });
        break;
      case 'error':
        settle(message.id, { error: message.message });
        break;
    }
  });

  const failPending = (error: Error): void => {
    const calls = [...waiting.values()];
    waiting.clear();
    for (const call of calls) call.reject(error);
  };

  return {
    call(method, input, callOptions) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, {
          method,
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: callOptions?.onProgress as Waiting['onProgress'],
        });
        try {
          port.post({ rpc: 1, kind: 'call', id, method, input });
        } catch (error) {
          waiting.delete(id);
          reject(new RpcError(`The call could not be sent: ${messageOf(error)}`, method));
        }
      });
    },
    notify(method, input) {
      port.post({ rpc: 1, kind: 'notify', method, input });
    },
    failPending,
    close(error = new Error('The connection closed.')) {
      stop();
      failPending(error);
    },
  };
}
