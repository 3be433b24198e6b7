import { resolve } from 'node:path';
import { DEFAULT_STORE_PATH, SqliteSyncStore } from '@hrkit/sync/sqlite';
import type { ConfigFile } from './config-file.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

/** `--store`, then `store` in the config file, then $HRKIT_STORE, then `.hrkit/hrkit.sqlite` under the working directory. */
export function openStore(
  flag: string | undefined,
  config: ConfigFile,
  io: CliIo,
  options: { durable?: boolean } = {},
): SqliteSyncStore {
  const path = flag ?? config.store ?? io.env.HRKIT_STORE ?? DEFAULT_STORE_PATH;
  try {
    // The store creates its file 0600 in 0700 directories; a directory that cannot be created fails here, fast.
    return new SqliteSyncStore(path === ':memory:' ? path : resolve(io.cwd, path), options);
  } catch (error) {
    throw new CliError(`cannot open the store ${path}: ${(error as Error).message}`);
  }
}

/** Open the store for an open connection; if the store cannot be opened, close the connection (and its sandbox). */
export async function openStoreFor(
  opened: { config: ConfigFile; close(): Promise<void> },
  flag: string | undefined,
  io: CliIo,
  options: { durable?: boolean } = {},
): Promise<SqliteSyncStore> {
  try {
    return openStore(flag, opened.config, io, options);
  } catch (error) {
    await opened.close();
    throw error;
  }
}
