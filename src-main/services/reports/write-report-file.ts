import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, constants } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';

const refuse = (message: string, hint?: string): ApiError =>
  new ApiError('invalid_input', message, hint ?? 'Choose a file name in a folder you can write to.');

/**
 * Writes a report to exactly the chosen file and nowhere else: the path must
 * be absolute, hold no ".." segment, not be a directory or a symbolic link,
 * and its folder must exist. The bytes go to a new temporary file beside it
 * (created exclusively, never following a link) that is renamed over the
 * target, so a link planted at the last moment is replaced, not followed.
 */
export function writeReportFile(path: string, data: Buffer | string): string {
  if (path.includes('\0')) throw refuse('The file name holds a NUL character.');
  if (!isAbsolute(path)) throw refuse(`"${path}" is not an absolute path.`);
  if (path.split(/[\\/]/).some((segment) => segment === '..')) throw refuse('The path may not contain "..".');
  const name = basename(path);
  // eslint-disable-next-line no-control-regex
  if (name === '' || name === '.' || /[\u0000-\u001f]/.test(name)) throw refuse('Choose a file name, not a folder.');
  let parent: string;
  try {
    parent = realpathSync(dirname(path));
    if (!statSync(parent).isDirectory()) throw refuse(`${dirname(path)} is not a folder.`);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw refuse(`The folder ${dirname(path)} does not exist.`);
  }
  const target = join(parent, name);
  try {
    const existing = lstatSync(target);
    if (existing.isSymbolicLink()) throw refuse(`${path} is a symbolic link; reports are not written through links.`);
    if (existing.isDirectory()) throw refuse(`${path} is a folder.`);
    if (!existing.isFile()) throw refuse(`${path} is not a regular file.`);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // ENOENT: a new file, as expected.
  }
  const temp = join(parent, `.${name}.${randomBytes(4).toString('hex')}.part`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return target;
}
