import type { ChildProcess } from 'node:child_process';
import type { MessagePort } from 'node:worker_threads';

/** One end of a message channel between two processes or threads: what the RPC needs of it. */
export interface RpcPort {
  post(message: unknown): void;
  /** Listens for messages; returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** The parent's end of a forked child's IPC channel. */
export function childProcessPort(child: ChildProcess): RpcPort {
  return {
    post: (message) => {
      if (child.connected) child.send(message as Parameters<ChildProcess['send']>[0]);
    },
    onMessage: (listener) => {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
  };
}

/** A forked child's end of its IPC channel with the parent. */
export function parentProcessPort(): RpcPort {
  return {
    post: (message) => {
      if (process.connected) process.send?.(message);
    },
    onMessage: (listener) => {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

/** A worker_threads MessagePort (also one end of a MessageChannel). */
export function messagePortPort(port: MessagePort): RpcPort {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
  };
}
