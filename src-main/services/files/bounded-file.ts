import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Reading a file that a person or an imported file named (a CA file, a model
 * folder's files, the app's own data files): only a regular file is read,
 * never a FIFO, a device (/dev/zero) or a directory; never more than a size
 * limit; and the asynchronous read gives up after a timeout. The file is
 * opened non-blocking, so opening a FIFO cannot hang, and checked through the
 * opened descriptor, so it cannot be swapped between the check and the read.
 * Errors name the file and what is wrong with it, never its contents.
 */
export class UnsafeFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'missing' | 'not_regular' | 'too_large' | 'unreadable' | 'timeout' | 'outside' | 'link',
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

export interface BoundedRead {
  /** Largest accepted size in bytes. */
  readonly maxBytes: number;
  /** Asynchronous reads only: give up after this many ms (default 5 000). */
  readonly timeoutMs?: number;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const DEFAULT_TIMEOUT_MS = 5_000;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** Throws unless `stats` is a regular file no larger than `maxBytes`. */
export function checkRegular(path: string, stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new UnsafeFileError(path, 'not_regular', `${path} is ${kindOf(stats)}, not a regular file.`);
  if (stats.size > maxBytes) throw new UnsafeFileError(path, 'too_large', `${path} is larger than ${formatSize(maxBytes)}.`);
}

function openError(path: string, error: unknown): UnsafeFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UnsafeFileError(path, 'missing', `${path} does not exist.`);
  return new UnsafeFileError(path, 'unreadable', `${path} cannot be read (${code ?? 'error'}).`);
}

/** The file's text (UTF-8), or null when it does not exist; throws UnsafeFileError otherwise. */
export function readBoundedFileSync(path: string, limits: BoundedRead): string | null {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const failure = openError(path, error);
    if (failure.reason === 'missing') return null;
    throw failure;
  }
  try {
    const stats = fstatSync(fd);
    checkRegular(path, stats, limits.maxBytes);
    const buffer = Buffer.alloc(Math.min(stats.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limits.maxBytes) throw new UnsafeFileError(path, 'too_large', `${path} is larger than ${formatSize(limits.maxBytes)}.`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The file's text (UTF-8); throws UnsafeFileError when it is missing, not regular, too large or too slow. */
export async function readBoundedFile(path: string, limits: BoundedRead): Promise<string> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new UnsafeFileError(path, 'timeout', `${path} could not be read within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
  });
  const read = (async () => {
    let handle;
    try {
      handle = await open(path, OPEN_FLAGS);
    } catch (error) {
      throw openError(path, error);
    }
    try {
      checkRegular(path, await handle.stat(), limits.maxBytes);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > limits.maxBytes) throw new UnsafeFileError(path, 'too_large', `${path} is larger than ${formatSize(limits.maxBytes)}.`);
        chunks.push(buffer.subarray(0, bytesRead));
      }
      return Buffer.concat(chunks).toString('utf8');
    } finally {
      await handle.close();
    }
  })();
  try {
    return await Promise.race([read, expired]);
  } finally {
    clearTimeout(timer);
    read.catch(() => undefined);
  }
}

/**
 * `name` inside `dir` as a regular file no larger than `maxBytes`: not a link
 * (a model folder's tokenizer.json pointing at /etc/shadow is refused), and
 * not outside the folder once every link above it is resolved. Returns its
 * size; throws UnsafeFileError (reason `missing` when there is no such file).
 */
export function regularFileInside(dir: string, name: string, maxBytes: number): number {
  const path = resolve(dir, name);
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    throw openError(path, error);
  }
  if (stats.isSymbolicLink()) throw new UnsafeFileError(path, 'link', `${name} is a link; only files copied into ${dir} are read.`);
  let real: string;
  let realDir: string;
  try {
    real = realpathSync(path);
    realDir = realpathSync(dir);
  } catch (error) {
    throw openError(path, error);
  }
  const within = relative(realDir, real);
  if (within === '' || within.startsWith(`..${sep}`) || within === '..' || isAbsolute(within)) {
    throw new UnsafeFileError(path, 'outside', `${name} is not inside ${dir}.`);
  }
  checkRegular(path, stats, maxBytes);
  return stats.size;
}
