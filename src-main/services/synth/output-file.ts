import { existsSync, lstatSync, rmSync } from 'node:fs';

/**
 * Makes room for a new cache file at `file`: absent is fine, a regular file
 * is replaced (with its -wal / -shm / -journal companions); anything else
 * (a directory, a link, a device) is refused with a message saying why.
 */
export function prepareOutputFile(file: string): void {
  if (existsSync(file) || isLink(file)) {
    const stat = lstatSync(file);
    if (stat.isDirectory()) throw new Error(`${file} is a directory; pass a file path such as ${file.replace(/\/$/, '')}/synth.sqlite`);
    if (!stat.isFile()) throw new Error(`${file} is not a regular file (a link or device); pass a plain file path`);
    rmSync(file);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
