import type { ApiResult } from '../../src-shared/api/errors';
import type { EventName } from '../../src-shared/api/events';

/** Main → engine host (utility process). */
export type ToEngine =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'close' }
  /** Answer to a `cipher` request: safeStorage lives in main only. */
  | { type: 'cipher-result'; id: number; ok: boolean; data: string }
  /** Answer to a `pdf` request: the PDF in base64, or why it failed. */
  | { type: 'pdf-result'; id: number; ok: boolean; data: string };

/** Engine host → main. */
export type FromEngine =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  /** The engine asks main to encrypt or decrypt a secret with safeStorage. */
  | { type: 'cipher'; id: number; op: 'encrypt' | 'decrypt'; data: string }
  /** The engine asks main to print a report's HTML with Electron's printToPDF. */
  | { type: 'pdf'; id: number; html: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isToEngine(value: unknown): value is ToEngine {
  if (!isRecord(value)) return false;
  if (value.type === 'close') return true;
  if (value.type === 'cipher-result' || value.type === 'pdf-result')
    return Number.isSafeInteger(value.id) && typeof value.ok === 'boolean' && typeof value.data === 'string';
  return value.type === 'call' && Number.isSafeInteger(value.id) && typeof value.name === 'string';
}

export function isFromEngine(value: unknown): value is FromEngine {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'result':
      return Number.isSafeInteger(value.id) && isRecord(value.result) && typeof value.result.ok === 'boolean';
    case 'event':
      return typeof value.event === 'string';
    case 'cipher':
      return Number.isSafeInteger(value.id) && (value.op === 'encrypt' || value.op === 'decrypt') && typeof value.data === 'string';
    case 'pdf':
      return Number.isSafeInteger(value.id) && typeof value.html === 'string';
    default:
      return false;
  }
}

/** Command-line arguments main passes to the engine host. */
export interface EngineHostArgs {
  dataDir: string;
  version: string;
}

export function engineHostArgv(args: EngineHostArgs): string[] {
  return [`--data-dir=${args.dataDir}`, `--app-version=${args.version}`];
}

export function parseEngineHostArgv(argv: readonly string[]): EngineHostArgs | null {
  const value = (flag: string): string | undefined => argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  const dataDir = value('--data-dir');
  const version = value('--app-version');
  return dataDir && version ? { dataDir, version } : null;
}
