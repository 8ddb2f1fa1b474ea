import { execFile } from 'node:child_process';
import { redactSecrets, rememberSecret } from '../../credentials/secret-redaction';
import type { AuthProvider } from './auth-provider';
import { TokenCommandError } from './token-command-error';
import { parseTokenOutput, TokenOutputError, type CommandToken } from './token-command-output';

export interface TokenCommand {
  /** The program (a name on PATH or a path); run without a shell. */
  readonly command: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
}

/** A token is renewed this long before it expires (or at a tenth of its life, if shorter). */
const RENEW_BEFORE_MS = 60_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;
const STDERR_SHOWN = 600;

const SIGN_IN_HINT =
  'Run the command in a terminal to see what it needs; if it asks you to sign in again (aws sso login, gcloud auth login, astro login), do that, then test again.';

/** The last lines of what the command wrote to stderr, bounded and with every known secret removed. */
function stderrTail(stderr: string): string {
  const text = redactSecrets(stderr.trim());
  return text.length <= STDERR_SHOWN ? text : `…${text.slice(-STDERR_SHOWN)}`;
}

function describe(cmd: TokenCommand): string {
  return cmd.command.length > 80 ? `${cmd.command.slice(0, 77)}…` : cmd.command;
}

/** Runs the command once and reads its token; every failure becomes a TokenCommandError that says what to do. */
export function runTokenCommand(cmd: TokenCommand, now: () => number = Date.now): Promise<CommandToken> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd.command,
      [...cmd.args],
      { timeout: cmd.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true, encoding: 'utf8', killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const name = describe(cmd);
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
          if (e.code === 'ENOENT') {
            reject(
              new TokenCommandError(
                `The token command "${name}" was not found.`,
                'Give the full path of the program, or install it and make sure it is on the PATH the app was started with.',
              ),
            );
          } else if (e.code === 'EACCES') {
            reject(
              new TokenCommandError(
                `The token command "${name}" cannot be run (permission denied).`,
                'Make the file executable, or give the interpreter as the command and the script as its first argument.',
              ),
            );
          } else if (e.killed) {
            reject(
              new TokenCommandError(
                `The token command "${name}" did not finish within ${Math.round(cmd.timeoutMs / 1000)} s.`,
                `${SIGN_IN_HINT} A command waiting for input (a browser sign-in, a prompt) cannot be answered from here.`,
              ),
            );
          } else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            reject(
              new TokenCommandError(
                `The token command "${name}" printed more than 1 MiB.`,
                'Print only the token, or a small JSON object with it.',
              ),
            );
          } else {
            const tail = stderrTail(stderr);
            reject(
              new TokenCommandError(
                `The token command "${name}" failed (exit ${String(e.code ?? 'unknown')})${tail ? `: ${tail}` : '.'}`,
                SIGN_IN_HINT,
              ),
            );
          }
          return;
        }
        try {
          const token = parseTokenOutput(stdout, now());
          rememberSecret(token.token);
          resolve(token);
        } catch (problem) {
          const why = problem instanceof TokenOutputError ? problem.message : 'its output could not be read';
          reject(
            new TokenCommandError(
              `The token command "${name}" gave no usable token: ${why}.`,
              'It must print the token alone on one line, or JSON such as {"status": {"token": "...", "expirationTimestamp": "..."}} (a Kubernetes ExecCredential).',
            ),
          );
        }
      },
    );
  });
}

/** Tokens of each command line, shared by every client of the process (a sync every few minutes reuses the token). */
const shared = new Map<string, Promise<CommandToken & { readonly obtainedAtMs: number }>>();

/**
 * Bearer tokens from a command the user names (the kubectl "exec credential" convention): run without a shell, the
 * token cached until shortly before the expiry it reports (or until the server rejects it), run again once on a 401.
 * Concurrent requests share one run.
 */
export function tokenCommandAuth(cmd: TokenCommand, now: () => number = Date.now): AuthProvider {
  const key = JSON.stringify([cmd.command, cmd.args]);
  let currentHeader: string | undefined;
  const fresh = (t: CommandToken & { readonly obtainedAtMs: number }): boolean => {
    if (t.expiresAtMs === null) return true;
    const margin = Math.min(RENEW_BEFORE_MS, Math.max(0, (t.expiresAtMs - t.obtainedAtMs) / 10));
    return now() < t.expiresAtMs - margin;
  };
  const obtain = (): Promise<CommandToken & { readonly obtainedAtMs: number }> => {
    const startedMs = now();
    const attempt = runTokenCommand(cmd, now).then((t) => ({ ...t, obtainedAtMs: startedMs }));
    shared.set(key, attempt);
    attempt.catch(() => {
      if (shared.get(key) === attempt) shared.delete(key); // a failed run is tried again by the next request
    });
    return attempt;
  };
  return {
    kind: 'token-command',
    async authorization() {
      let token = await (shared.get(key) ?? obtain());
      if (!fresh(token)) token = await obtain();
      currentHeader = `Bearer ${token.token}`;
      return currentHeader;
    },
    invalidate(rejected) {
      if (currentHeader === rejected) {
        shared.delete(key); // the next request runs the command again
        currentHeader = undefined;
      }
      return true;
    },
  };
}
