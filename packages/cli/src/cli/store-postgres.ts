import type { SyncStore } from '@hrkit/sync';
import { CliError } from './errors.js';

/** Whether a --store value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * `--store postgres://user:pass@host/db?schema=hrkit`: the PostgreSQL store, loaded only when asked for (pg is not
 * needed by SQLite users). `schema` is read here; every other parameter (sslmode, …) goes to the driver. The
 * password joins the run's redactor so nothing printed can show it.
 */
export async function openPostgresStoreAt(
  location: string,
  redactor?: { add(secret: string | undefined | null): unknown },
): Promise<SyncStore> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new CliError('--store: not a valid PostgreSQL URL (postgres://user:password@host:port/database)');
  }
  redactor?.add(url.password);
  redactor?.add(decodeURIComponent(url.password));
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  let module: typeof import('@hrkit/store-postgres');
  try {
    module = await import('@hrkit/store-postgres');
  } catch {
    throw new CliError('--store postgres://… needs the PostgreSQL store: npm install @hrkit/store-postgres');
  }
  try {
    return await module.PostgresSyncStore.open({ connectionString: url.toString(), schema });
  } catch (error) {
    // Messages from the store name the server with its password masked; hrkit errors keep their exit codes.
    if ((error as { code?: unknown }).code === 'CONFIGURATION' || (error as { code?: unknown }).code === 'TRANSPORT')
      throw error;
    throw new CliError(
      `cannot open the store ${module.describeConnectionString(location)}: ${(error as Error).message}`,
    );
  }
}
