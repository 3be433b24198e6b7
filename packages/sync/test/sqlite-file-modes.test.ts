import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSyncStore } from '../src/sqlite/index.js';

// docs/security.md › Files: the store holds HR data, so it is private to its user however it is opened.
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('SqliteSyncStore files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hrkit-store-modes-'));
  afterEach(() => rmSync(join(dir, 'a'), { recursive: true, force: true }));

  it.runIf(process.platform !== 'win32')('creates the file 0600 and each missing directory 0700', async () => {
    const path = join(dir, 'a', 'b', 'store.sqlite');
    const store = new SqliteSyncStore(path);
    await store.close();
    expect(modeOf(join(dir, 'a'))).toBe(0o700);
    expect(modeOf(join(dir, 'a', 'b'))).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    for (const side of ['-wal', '-shm']) if (existsSync(`${path}${side}`)) expect(modeOf(`${path}${side}`)).toBe(0o600);
  });

  it.runIf(existsSync('/proc/self'))('fails at once for a directory that cannot be created (no endless mkdir)', () => {
    expect(() => new SqliteSyncStore('/proc/x/y.sqlite')).toThrow(/cannot create the directory \/proc\/x/);
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => new SqliteSyncStore(join(dir, 'plain', 'y.sqlite'))).toThrow(/is not a directory/);
  });
});
