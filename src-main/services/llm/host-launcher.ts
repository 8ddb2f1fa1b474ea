import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ToHost } from './host/host-protocol';

/** The model host process as the engine sees it. */
export interface HostChannel {
  send(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type HostLauncher = () => HostChannel;

export interface HostEntry {
  readonly script: string;
  readonly execArgv: readonly string[];
}

/**
 * The built `model-host.js` next to the engine bundle (the app), else the
 * TypeScript source run through tsx (served mode, tests).
 */
export function defaultHostEntry(): HostEntry {
  const built = join(__dirname, 'model-host.js');
  if (existsSync(built)) return { script: built, execArgv: [] };
  return { script: join(__dirname, 'host', 'model-host-main.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * Forks the host as a plain Node process. Inside Electron (the engine is a
 * utility process, which cannot create utility processes itself) the
 * Electron binary runs it as Node through ELECTRON_RUN_AS_NODE.
 */
export function forkLauncher(entry: HostEntry = defaultHostEntry(), env: Readonly<Record<string, string>> = {}): HostLauncher {
  return () => {
    const child = fork(entry.script, [], {
      execArgv: [...entry.execArgv],
      env: { ...process.env, ...env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    return {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', listener),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
