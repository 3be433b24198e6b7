import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files that hold HR data (the SQLite store, the events file) and the directories hrkit creates for them are private
 * to the user running hrkit: 0600 and 0700, whatever the umask says (docs/security.md › Files).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Create the missing directories of `dir` one level at a time, each 0700. Not `mkdirSync(…, { recursive: true })`:
 * on a pseudo-filesystem such as /proc that loops forever instead of failing; here any level that cannot be created
 * fails at once with its reason.
 */
export function ensurePrivateDirectory(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (existsSync(current) && !statSync(current).isDirectory()) throw new Error(`${current} is not a directory`);
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level, { mode: PRIVATE_DIRECTORY_MODE });
    } catch (error) {
      throw new Error(`cannot create the directory ${level} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
}

/**
 * Create `file` 0600 if it is missing (with its directories, 0700), and take group and other permissions away from
 * an existing one this user owns (a store written by an older hrkit was 0644). SQLite creates the -wal and -shm
 * files with the database file's permissions, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDirectory(dirname(file));
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (process.platform === 'win32') return;
  const stat = statSync(file);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(file, stat.mode & 0o700);
}
