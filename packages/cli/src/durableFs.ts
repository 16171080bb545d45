import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a file and flushes it to the disk before returning, so a rename after it never exposes a file the disk has not got. */
export function writeFileDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename or a new file in it) to the disk; a file system that cannot sync folders is tolerated. */
export function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces a file by writing a synced temporary file beside it and renaming it into place. */
export function replaceFileDurably(path: string, content: string): void {
  const tmp = join(dirname(path), `.${path.split(/[\\/]/).pop()}.tmp-${process.pid}`);
  try {
    writeFileDurably(tmp, content);
    renameSync(tmp, path);
    syncFolder(dirname(path));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
