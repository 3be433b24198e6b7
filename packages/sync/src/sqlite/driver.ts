import { createRequire } from 'node:module';
import { ConfigurationError } from '@hrkit/core';

/** The optional peer dependency the SQLite store runs on, and the major it is written and tested against. */
export const SQLITE_DRIVER_PACKAGE = 'better-sqlite3';
export const SQLITE_DRIVER_INSTALL = 'npm install better-sqlite3@12';

/** Loads a module by name, as `require` does; injectable so a test can simulate the driver being absent. */
export type ModuleLoader = (name: string) => unknown;

/**
 * better-sqlite3 is not installed: `@hrkit/sync` lists it as an optional peer dependency so that apps on another
 * store never build a native module. Names the package and the command that fixes it.
 */
export class MissingDriverError extends ConfigurationError {
  readonly packageName = SQLITE_DRIVER_PACKAGE;
  readonly installCommand = SQLITE_DRIVER_INSTALL;
  constructor(cause: unknown) {
    super(
      `The SQLite store (@hrkit/sync/sqlite) needs the optional peer dependency ${SQLITE_DRIVER_PACKAGE}, which is not installed: run \`${SQLITE_DRIVER_INSTALL}\``,
      { field: 'store' },
    );
    this.cause = cause;
  }
}

const requireFromHere: ModuleLoader = createRequire(import.meta.url);

/**
 * Loads better-sqlite3 when a store is opened, not when `@hrkit/sync/sqlite` is imported (better-sqlite3 is
 * CommonJS, so `require` keeps opening synchronous). Only "this package is missing" becomes MissingDriverError;
 * any other failure (a native build for another Node ABI, say) is rethrown as it is, since its message says more.
 * Returns the module untyped: the declarations this package publishes must not need @types/better-sqlite3.
 */
export function loadSqliteDriver(load: ModuleLoader = requireFromHere): unknown {
  try {
    return load(SQLITE_DRIVER_PACKAGE);
  } catch (error) {
    if (isModuleNotFound(error, SQLITE_DRIVER_PACKAGE)) throw new MissingDriverError(error);
    throw error;
  }
}

function isModuleNotFound(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  // A missing module deeper inside the driver (its `bindings` helper, say) is a broken install, not an absent one.
  return String((error as Error).message).includes(`'${name}'`);
}
