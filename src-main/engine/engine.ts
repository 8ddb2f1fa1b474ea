import type { ApiResult } from '../../src-shared/api/errors';
import type { SecretCipher } from '../services/credentials/secret-cipher';
import type { PdfRenderer } from '../services/reports/pdf-renderer';
import type { HostLauncher } from '../services/llm/host-launcher';
import type { EventListener } from './event-bus';

/** What a transport (Electron IPC, loopback HTTP/WebSocket) needs from the back end. */
export interface Engine {
  /** Validates and runs one request by name; never throws. */
  handle(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Receives every event; returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Resolves once start-up work in the background (building the Demo) has ended; the engine answers before that. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Where the cache, settings and keys are kept. */
  dataDir: string;
  mode: 'electron' | 'served';
  version: string;
  validateOutput?: boolean;
  /** How the model host process is started (default: forked); tests pass a scripted one. */
  llmLauncher?: HostLauncher;
  /** Build the demo environment when no environment is configured (default true). */
  demo?: boolean;
  /** Fixes the demo's "now" (tests); defaults to the current hour. */
  demoAsOf?: string;
  log?: (message: string) => void;
  /** Encrypts credentials at rest: safeStorage in the app; a 0600 key file in the data directory by default. */
  cipher?: SecretCipher;
  /** Prints report PDFs; headless Chromium when absent (the desktop shell injects Electron's printToPDF). */
  pdf?: PdfRenderer;
  /** Run scoring passes on the engine's own event loop instead of a scoring process (CLIs, tests of the in-process path). */
  scoringInProcess?: boolean;
}
