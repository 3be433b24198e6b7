import { ConfigurationError, Redactor } from '@hrkit/core';
import type { PoolConfig } from 'pg';
import type pg from 'pg';

/** How to reach PostgreSQL and where to keep hrkit's tables. See docs/sync.md, "PostgreSQL store". */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?sslmode=…`. Never echoed: errors show it with secrets masked. */
  connectionString?: string;
  /**
   * An application-owned pool to use instead of opening one (then `close()` leaves it open). The store takes one
   * client from it per transaction, so `max` bounds how many it holds at once.
   */
  pool?: pg.Pool;
  /** Schema holding the tables (created when missing). Tests and tenants isolate by schema. Default `hrkit`. */
  schema?: string;
  /** Passed to `pg.Pool` as is: `max`, `idleTimeoutMillis`, `connectionTimeoutMillis`, `application_name`, … */
  poolOptions?: Omit<PoolConfig, 'connectionString' | 'ssl' | 'statement_timeout'>;
  /** Server-side limit per statement, in ms (`statement_timeout`): a stuck query fails instead of hanging a sync. */
  statementTimeoutMs?: number;
  /**
   * Server-side limit on a transaction left idle (`idle_in_transaction_session_timeout`), in ms: a worker that hangs
   * mid-transaction has its locks released. Default 60000; 0 turns it off.
   */
  idleInTransactionTimeoutMs?: number;
  /** TLS options for `pg` (`true`, or tls.connect options: `ca`, `cert`, `key`, `rejectUnauthorized`, …). */
  ssl?: PoolConfig['ssl'];
}

export const DEFAULT_SCHEMA = 'hrkit';

/** Lower-case identifier that needs no quoting tricks and fits PostgreSQL's 63-byte limit. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function validateSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new ConfigurationError(
      `PostgreSQL store schema "${schema}" is not a plain lower-case identifier (a-z, 0-9, _; at most 63; not starting with a digit)`,
      { field: 'schema' },
    );
  return schema;
}

/** Whether a --store value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The connection string with its password and any secret-looking query parameter masked: safe to show. */
export function describeConnectionString(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return '<unparseable PostgreSQL connection string>';
  }
  if (url.password) url.password = '***';
  for (const key of [...url.searchParams.keys()])
    if (/pass|secret|key|token|cert/i.test(key)) url.searchParams.set(key, '***');
  return url.toString();
}

/** A Redactor that knows every secret inside a connection string, for errors raised by the driver. */
export function connectionRedactor(connectionString: string | undefined, password?: unknown): Redactor {
  const redactor = new Redactor();
  if (typeof password === 'string') redactor.add(password);
  if (!connectionString) return redactor;
  redactor.add(connectionString);
  try {
    const url = new URL(connectionString);
    redactor.add(url.password);
    redactor.add(decodeURIComponent(url.password));
    for (const [key, value] of url.searchParams) if (/pass|secret|key|token/i.test(key)) redactor.add(value);
  } catch {
    // Unparseable: the whole string is registered above.
  }
  return redactor;
}
