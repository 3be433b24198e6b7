import { describe, expect, it } from 'vitest';
import type { CapabilityName } from '@hrkit/core';
import type { SyncStore } from '../src/index.js';
import { BAMBOO_LIKE, FakeCompany, HIBOB_LIKE } from '../src/testing/index.js';
import { harness } from './harness.js';
import { STORE_KINDS } from './stores.js';

const HOUR = 3_600_000;

/** A company, synced once, then changed in every way a sync must notice. */
function scenario(): { company: FakeCompany; change: (company: FakeCompany) => void } {
  const company = new FakeCompany();
  for (let i = 1; i <= 8; i += 1) company.addEmployee(String(i));
  for (let i = 1; i <= 4; i += 1)
    company.addRequest(`r${i}`, String(i), { status: { value: i % 2 ? 'requested' : 'approved', source: null } });
  return {
    company,
    change: (c) => {
      c.advance(HOUR);
      c.updateEmployee('1', (e) => ({ ...e, jobTitle: 'Lead' }));
      c.terminate('2', '2026-06-01');
      c.removeEmployee('3');
      c.addEmployee('9');
      c.addEmployee('10');
      c.setRequestStatus('r1', 'approved');
      c.setRequestStatus('r2', 'cancelled');
      c.requests.delete('r4');
      c.addRequest('r5', '9');
    },
  };
}

async function snapshot(store: SyncStore) {
  return {
    employees: await store.listRecords('fake', 'employee', { includeDeleted: true }),
    requests: await store.listRecords('fake', 'time_off_request', { includeDeleted: true }),
    events: (await store.listEvents('fake')).map((stored) => stored.event),
    state: await store.getState('fake'),
  };
}

/** Run the scenario's second sync, crashing after `crashAfter` records (null: never), then resume once. */
async function run(
  open: () => { store: SyncStore; cleanup: () => void },
  capabilities: CapabilityName[],
  crashAfter: number | null,
) {
  const { store, cleanup } = open();
  try {
    const { company, change } = scenario();
    const h = harness(store, capabilities, company);
    await h.sync();
    change(company);
    let processed = 0;
    let crashed = false;
    const onProgress = () => {
      processed += 1;
      if (processed === crashAfter) {
        crashed = true;
        throw new Error(`crash after ${crashAfter}`);
      }
    };
    await h.sync({ onProgress }).catch((error: Error) => {
      if (!crashed) throw error;
    });
    if (crashed) await h.sync();
    return { crashed, processed, result: await snapshot(store) };
  } finally {
    await store.close();
    cleanup();
  }
}

describe.each(STORE_KINDS)('crash and resume (%s store)', (_kind, open) => {
  for (const [name, capabilities] of [
    ['feed-based time off, full employee listing', HIBOB_LIKE],
    ['employee changes feed, range-read time off', BAMBOO_LIKE],
  ] as const) {
    it(`ends in the same state with the same events as an uninterrupted run, wherever it crashes (${name})`, async () => {
      const reference = await run(open, [...capabilities], null);
      expect(reference.crashed).toBe(false);
      expect(reference.result.events.length).toBeGreaterThan(12);
      // Every progress point of the second run, including the final deletion pass.
      for (let crashAfter = 1; crashAfter <= reference.processed; crashAfter += 1) {
        const resumed = await run(open, [...capabilities], crashAfter);
        expect(resumed.crashed, `crash point ${crashAfter}`).toBe(true);
        expect(resumed.result, `crash point ${crashAfter}`).toEqual(reference.result);
      }
    });
  }
});
