import { ConfigurationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { MissingDriverError, SqliteSyncStore } from '../src/sqlite/index.js';

/** What `require` throws for a package that is not installed. */
function notInstalled(name: string): never {
  throw Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /app/index.js`), {
    code: 'MODULE_NOT_FOUND',
  });
}

describe('the SQLite store loads better-sqlite3 only when opened', () => {
  it('names the package and the install command when better-sqlite3 is missing', () => {
    let thrown: unknown;
    try {
      new SqliteSyncStore(':memory:', { loadModule: notInstalled });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingDriverError);
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect(thrown).toMatchObject({
      code: 'CONFIGURATION',
      packageName: 'better-sqlite3',
      installCommand: 'npm install better-sqlite3@12',
    });
    expect((thrown as Error).message).toContain('npm install better-sqlite3@12');
    expect((thrown as Error).message).toContain('@hrkit/sync/sqlite');
  });

  it('rethrows other load failures unchanged (a broken native build is not "missing")', () => {
    const abiMismatch = Object.assign(new Error('was compiled against a different Node.js version'), {
      code: 'ERR_DLOPEN_FAILED',
    });
    const missingHelper = Object.assign(new Error("Cannot find module 'bindings'"), { code: 'MODULE_NOT_FOUND' });
    for (const failure of [abiMismatch, missingHelper]) {
      expect(
        () =>
          new SqliteSyncStore(':memory:', {
            loadModule: () => {
              throw failure;
            },
          }),
      ).toThrow(failure);
    }
  });

  it('opens with the installed driver through the default loader', async () => {
    const store = new SqliteSyncStore(':memory:');
    await store.close();
  });
});
