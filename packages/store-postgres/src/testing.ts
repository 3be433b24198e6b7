import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests use: this project's machines and CI run one on 127.0.0.1:5432 with trust auth (.ci/run). */
export const TEST_SERVER_URL = process.env.HRKIT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  /** Connection string of the new database. */
  url: string;
  /** Drop it (terminating any session still connected). */
  drop(): Promise<void>;
}

/**
 * `@hrkit/store-postgres/testing`: create a database with a unique name (label, pid, random suffix), so parallel
 * test runs never share tables; drop it when done.
 */
export async function createScratchDatabase(label = 'test', serverUrl = TEST_SERVER_URL): Promise<ScratchDatabase> {
  const name = `hrkit_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdmin(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
