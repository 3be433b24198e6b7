#!/usr/bin/env node
// `postgres-consumer`: one sync-and-drain round from the environment. HIBOB_SERVICE_USER_ID, HIBOB_TOKEN,
// HIBOB_BASE_URL (optional: a sandbox), DATABASE_URL (postgres://…).
import { syncAndDrain } from './consumer.js';

const env = process.env;
const missing = ['HIBOB_SERVICE_USER_ID', 'HIBOB_TOKEN', 'DATABASE_URL'].filter((name) => !env[name]);
if (missing.length > 0) {
  process.stderr.write(`postgres-consumer: set ${missing.join(', ')}\n`);
  process.exit(2);
}
try {
  const run = await syncAndDrain({
    hibob: {
      serviceUserId: env.HIBOB_SERVICE_USER_ID ?? '',
      token: env.HIBOB_TOKEN ?? '',
      ...(env.HIBOB_BASE_URL ? { baseUrl: env.HIBOB_BASE_URL } : {}),
    },
    databaseUrl: env.DATABASE_URL ?? '',
  });
  process.stdout.write(`${run.sync.mode} sync: ${run.sync.newEvents} new events, ${run.delivered} delivered\n`);
} catch (error) {
  // hrkit's errors and the store's never carry the token or the database password (docs/sync.md).
  process.stderr.write(`postgres-consumer: ${(error as Error).message}\n`);
  process.exit(1);
}
