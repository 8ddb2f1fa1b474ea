import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiResult } from '../../src-shared/api/errors';
import type { EventName } from '../../src-shared/api/events';
import { engineHostArgv, isFromEngine, type EngineHostArgs, type ToEngine } from './engine-messages';
import { restartDelay, STABLE_AFTER_MS } from './restart-backoff';
import type { SecretBox } from './safe-storage';

export type EngineEventListener = (event: EventName, payload: unknown) => void;

export interface EngineProcessOptions extends EngineHostArgs {
  /** Built engine-host.js next to the main bundle. */
  modulePath: string;
  log: (message: string) => void;
  /** safeStorage, used on the engine's behalf for credentials. */
  secrets: SecretBox;
  /** Electron's printToPDF, used on the engine's behalf for report PDFs. */
  printPdf: (html: string) => Promise<Buffer>;
}

const UNAVAILABLE: ApiResult<unknown> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'The engine stopped while handling the request.',
    hint: 'It restarts by itself; try again in a moment.',
  },
};

/**
 * The engine in an Electron utility process: relays calls, forwards events,
 * and restarts it with backoff when it dies (pending calls fail as unavailable).
 */
export class EngineProcess {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: ApiResult<unknown>) => void>();
  private readonly listeners = new Set<EngineEventListener>();
  private attempt = 0;
  private startedAt = 0;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: EngineProcessOptions) {}

  start(): void {
    this.restartTimer = null;
    const child = utilityProcess.fork(this.options.modulePath, engineHostArgv(this.options), {
      serviceName: 'ORC AI Desk engine',
      stdio: 'inherit',
    });
    this.child = child;
    this.startedAt = Date.now();
    child.on('message', (message: unknown) => this.onMessage(message));
    child.once('exit', (code) => this.onExit(child, code));
  }

  call(name: string, input: unknown): Promise<ApiResult<unknown>> {
    const child = this.child;
    if (child === null || this.stopping) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unavailable', message: 'The engine is restarting.', hint: 'Try again in a moment.' },
      });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const message: ToEngine = { type: 'call', id, name, input };
      try {
        child.postMessage(message);
      } catch {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: { code: 'unavailable', message: 'The request could not be sent to the engine.', hint: 'Try again in a moment.' },
        });
      }
    });
  }

  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the engine to close its stores, then kills it if it does not exit in time. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child === null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const message: ToEngine = { type: 'close' };
      child.postMessage(message);
    });
  }

  private onMessage(message: unknown): void {
    if (!isFromEngine(message)) return;
    if (message.type === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'cipher') {
      this.answerCipher(message.id, message.op, message.data);
    } else if (message.type === 'pdf') {
      void this.answerPdf(message.id, message.html);
    } else if (message.type === 'event') {
      for (const listener of this.listeners) listener(message.event, message.payload);
    } else {
      this.options.log('engine ready');
    }
  }

  private answerCipher(id: number, op: 'encrypt' | 'decrypt', data: string): void {
    let reply: ToEngine;
    try {
      const out = op === 'encrypt' ? this.options.secrets.encrypt(data) : this.options.secrets.decrypt(data);
      reply = { type: 'cipher-result', id, ok: true, data: out };
    } catch (error) {
      reply = { type: 'cipher-result', id, ok: false, data: error instanceof Error ? error.message : 'Secure storage failed.' };
    }
    this.child?.postMessage(reply);
  }

  private async answerPdf(id: number, html: string): Promise<void> {
    let reply: ToEngine;
    try {
      reply = { type: 'pdf-result', id, ok: true, data: (await this.options.printPdf(html)).toString('base64') };
    } catch (error) {
      reply = { type: 'pdf-result', id, ok: false, data: error instanceof Error ? error.message : 'printToPDF failed.' };
    }
    this.child?.postMessage(reply);
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    for (const resolve of this.pending.values()) resolve(UNAVAILABLE);
    this.pending.clear();
    if (this.stopping) return;
    if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.attempt = 0;
    const delay = restartDelay(this.attempt++);
    this.options.log(`engine exited with code ${code}; restarting in ${delay} ms`);
    this.restartTimer = setTimeout(() => this.start(), delay);
  }
}
