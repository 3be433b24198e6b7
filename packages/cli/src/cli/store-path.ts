import { resolve } from 'node:path';
import type { SyncStore } from '@hrkit/sync';
import { DEFAULT_STORE_PATH, SqliteSyncStore } from '@hrkit/sync/sqlite';
import type { ConfigFile } from './config-file.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { openPostgresStoreAt, isPostgresUrl } from './store-postgres.js';

/**
 * `--store`, then `store` in the config file, then $HRKIT_STORE, then `.hrkit/hrkit.sqlite` under the working
 * directory. A `postgres://` (or `postgresql://`) URL opens the PostgreSQL store; anything else is a SQLite file.
 * `durable` asks for every commit to be on disk before it returns (the webhook inbox acknowledges after it).
 */
export async function openStore(
  flag: string | undefined,
  config: ConfigFile,
  io: CliIo,
  options: { durable?: boolean; redactor?: { add(secret: string | undefined | null): unknown } } = {},
): Promise<SyncStore> {
  const location = flag ?? config.store ?? io.env.HRKIT_STORE ?? DEFAULT_STORE_PATH;
  if (isPostgresUrl(location)) return openPostgresStoreAt(location, options.redactor);
  try {
    // The store creates its file 0600 in 0700 directories; a directory that cannot be created fails here, fast.
    return new SqliteSyncStore(location === ':memory:' ? location : resolve(io.cwd, location), {
      durable: options.durable,
    });
  } catch (error) {
    throw new CliError(`cannot open the store ${location}: ${(error as Error).message}`);
  }
}

/** Open the store for an open connection; if the store cannot be opened, close the connection (and its sandbox). */
export async function openStoreFor(
  opened: {
    config: ConfigFile;
    redactor?: { add(secret: string | undefined | null): unknown };
    close(): Promise<void>;
  },
  flag: string | undefined,
  io: CliIo,
  options: { durable?: boolean } = {},
): Promise<SyncStore> {
  try {
    return await openStore(flag, opened.config, io, { ...options, redactor: opened.redactor });
  } catch (error) {
    await opened.close();
    throw error;
  }
}
