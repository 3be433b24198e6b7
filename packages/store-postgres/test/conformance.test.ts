import { describeInboxConformance, describeSyncStoreConformance } from '@hrkit/sync/testing';
import { afterAll, beforeAll } from 'vitest';
import { PostgresSyncStore } from '../src/index.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/testing.js';

let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase('conformance');
});
afterAll(() => database?.drop());

// Each opened store gets its own schema in this run's database.
let opened = 0;
describeSyncStoreConformance('postgres', () =>
  PostgresSyncStore.open({ connectionString: database.url, schema: `store_${++opened}` }),
);

// The webhook inbox part of the contract (docs/sync.md, "Webhook inbox").
describeInboxConformance(
  'postgres',
  () => PostgresSyncStore.open({ connectionString: database.url, schema: `inbox_${++opened}` }),
  { requireInboxDepths: true },
);
