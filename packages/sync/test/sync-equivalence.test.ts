import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYNC_EQUIVALENCE_SCENARIOS, syncEquivalenceOutcome } from '../src/testing/index.js';
import { STORE_KINDS } from './stores.js';

// Equivalence of the optimized sync (issue 17: one serialization per record, lazily parsed rows, read-ahead
// listings; docs/performance.md, "Sync (issue 17)") with the sync before it: a generated company is synced, changed
// in every way a sync must notice, and synced again, and every run's result, stored record and outbox event must be
// what main (commit 4ca08ce) produced. The fixture was recorded by running this file against that commit with
// HRKIT_RECORD_EQUIVALENCE=1; it holds, per run, the result and one line per event and per stored record (its data
// as a SHA-256 of its JSON with sorted keys).
const FIXTURE = fileURLToPath(new URL('./fixtures/sync-equivalence.json', import.meta.url));
const RECORD = process.env.HRKIT_RECORD_EQUIVALENCE === '1';

describe('the optimized sync stores and emits exactly what the sync before it did', () => {
  const recorded: Record<string, unknown> = RECORD
    ? {}
    : existsSync(FIXTURE)
      ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>)
      : {};
  for (const [name, capabilities] of SYNC_EQUIVALENCE_SCENARIOS)
    for (const [kind, open] of STORE_KINDS)
      it(`${name}, ${kind} store`, async () => {
        const { store, cleanup } = open();
        try {
          const steps = await syncEquivalenceOutcome(store, capabilities);
          if (RECORD) {
            recorded[name] = steps;
            writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 1)}\n`);
          } else expect(steps).toEqual(recorded[name]);
        } finally {
          await store.close();
          cleanup();
        }
      });
});
