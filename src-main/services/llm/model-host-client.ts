import type { z } from 'zod';
import { DeviceInfo } from '../../../src-shared/domain/copilot-models';
import type { HostChannel, HostLauncher } from './host-launcher';
import { FromHost, GenerateResult, LoadResult, ScanResult, type GenerateRequest, type ToHost } from './host/host-protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: number) => void;
  onChunk?: (text: string) => void;
}

type Distribute<U> = U extends unknown ? Omit<U, 'id'> : never;
type Request = Distribute<ToHost>;

/** Thrown when the host process died while a request was in flight. */
export class HostCrashedError extends Error {}

/**
 * The engine's side of the model host: starts it on first use, pairs
 * requests with results, turns a crash into rejected requests, and starts a
 * fresh host on the next call.
 */
export class ModelHostClient {
  private channel: HostChannel | null = null;
  private ready: Promise<z.infer<typeof DeviceInfo>> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly crashListeners = new Set<(reason: string) => void>();

  constructor(private readonly launch: HostLauncher) {}

  onCrash(listener: (reason: string) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  get running(): boolean {
    return this.channel !== null;
  }

  /** Starts the host if needed and returns the device it detected. */
  device(): Promise<z.infer<typeof DeviceInfo>> {
    if (this.ready !== null) return this.ready;
    const channel = this.launch();
    this.channel = channel;
    this.ready = new Promise((resolve, reject) => {
      channel.onMessage((raw) => {
        const parsed = FromHost.safeParse(raw);
        if (!parsed.success) return;
        if (parsed.data.type === 'ready') resolve(parsed.data.device);
        else this.onMessage(parsed.data);
      });
      channel.onExit((code, signal) => {
        const reason = `The model process stopped unexpectedly (${signal ?? `exit code ${code ?? '?'}`}).`;
        reject(new HostCrashedError(reason));
        this.onExit(channel, reason);
      });
    });
    return this.ready;
  }

  scan(dir: string) {
    return this.request({ type: 'scan', dir }, ScanResult);
  }

  load(path: string, contextSize: number, onProgress: (progress: number) => void) {
    return this.request({ type: 'load', request: { path, contextSize } }, LoadResult, { onProgress });
  }

  async unload(): Promise<void> {
    if (this.channel === null) return;
    await this.request({ type: 'unload' }, null);
  }

  /** Streams chunks through onChunk; aborting the signal stops the generation (its partial text still returns). */
  async generate(request: GenerateRequest, onChunk: (text: string) => void, signal: AbortSignal) {
    let target: number | null = null;
    const stop = () => {
      if (target !== null) this.channel?.send({ type: 'stop', id: this.nextId++, target });
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await this.request({ type: 'generate', request }, GenerateResult, { onChunk }, (id) => {
        target = id;
        if (signal.aborted) stop();
      });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  /** Kills the host (pending requests fail). */
  close(): void {
    const channel = this.channel;
    if (channel === null) return;
    channel.kill();
  }

  private async request<S extends z.ZodType>(
    message: Request,
    schema: S | null,
    hooks: Omit<Pending, 'resolve' | 'reject'> = {},
    onSent?: (id: number) => void,
  ): Promise<z.output<S>> {
    await this.device();
    const channel = this.channel;
    if (channel === null) throw new HostCrashedError('The model process is not running.');
    const id = this.nextId++;
    const value = await new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...hooks });
      channel.send({ ...message, id } as ToHost);
      onSent?.(id);
    });
    return (schema === null ? value : schema.parse(value)) as z.output<S>;
  }

  private onMessage(message: FromHost): void {
    if (message.type === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') pending.onProgress?.(message.progress);
    else if (message.type === 'chunk') pending.onChunk?.(message.text);
    else {
      this.pending.delete(message.id);
      if (message.type === 'result') pending.resolve(message.value);
      else pending.reject(new Error(message.error));
    }
  }

  private onExit(channel: HostChannel, reason: string): void {
    if (this.channel !== channel) return;
    this.channel = null;
    this.ready = null;
    for (const pending of this.pending.values()) pending.reject(new HostCrashedError(reason));
    this.pending.clear();
    for (const listener of this.crashListeners) listener(reason);
  }
}
