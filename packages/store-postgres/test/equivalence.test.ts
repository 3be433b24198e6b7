import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYNC_EQUIVALENCE_SCENARIOS, syncEquivalenceOutcome } from '@hrkit/sync/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSyncStore } from '../src/index.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/testing.js';

// The sync equivalence scenario of @hrkit/sync (issue 17; docs/performance.md, "Sync (issue 17)") on the PostgreSQL
// store: the same results, stored records and events as main recorded with its memory and SQLite stores
// (packages/sync/test/fixtures/sync-equivalence.json), now that rows are read as text and parsed lazily.
const FIXTURE = fileURLToPath(new URL('../../sync/test/fixtures/sync-equivalence.json', import.meta.url));

let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase('equivalence');
});
afterAll(() => database?.drop());

describe('the optimized sync on PostgreSQL stores and emits exactly what main did', () => {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  for (const [index, [name, capabilities]] of SYNC_EQUIVALENCE_SCENARIOS.entries())
    it(name, async () => {
      const store = await PostgresSyncStore.open({ connectionString: database.url, schema: `equivalence_${index}` });
      try {
        expect(await syncEquivalenceOutcome(store, capabilities)).toEqual(recorded[name]);
      } finally {
        await store.close();
      }
    });
});
