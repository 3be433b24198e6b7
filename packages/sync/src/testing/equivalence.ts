import { createHash } from 'node:crypto';
import type { CapabilityName, TimeOffRequest } from '@hrkit/core';
import type { SyncResult } from '../engine.js';
import type { SyncStore } from '../store.js';
import { BAMBOO_LIKE, FakeCompany, HIBOB_LIKE } from './fake-company.js';
import { syncHarness as harness } from './harness.js';

// The generated company of the sync equivalence tests (issue 17, docs/performance.md "Sync (issue 17)"): synced,
// changed in every way a sync must notice, synced again. `syncEquivalenceOutcome` runs it on a store and describes
// every run's result, stored record and outbox event, so two implementations (or two stores) can be compared.

const STATUSES: TimeOffRequest['status']['value'][] = ['requested', 'approved', 'declined', 'cancelled'];
const DAY = 86_400_000;

/** A small seeded generator (mulberry32): the same company on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generatedCompany(): FakeCompany {
  const next = random(17);
  const company = new FakeCompany();
  for (let i = 1; i <= 60; i += 1) {
    const remoteId = String(i);
    company.addEmployee(remoteId, {
      jobTitle: ['Engineer', 'Designer', 'Lead', null][Math.floor(next() * 4)] ?? null,
      weeklyHours: next() < 0.2 ? null : Math.round(next() * 40 * 10) / 10,
      customFields:
        next() < 0.3 ? { level: { name: 'Level', category: null, value: Math.floor(next() * 5), label: null } } : {},
      manager: i > 1 ? { id: `fake:${1 + Math.floor(next() * (i - 1))}`, remoteId: '1', displayName: 'Boss' } : null,
    } as never);
  }
  for (let i = 1; i <= 90; i += 1) {
    const start = new Date(company.now + Math.floor(next() * 120 - 60) * DAY).toISOString().slice(0, 10);
    company.addRequest(`r${i}`, String(1 + Math.floor(next() * 60)), {
      status: { value: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'approved', source: null },
      start: { date: start, portion: 'all_day', time: null },
      end: { date: start, portion: 'all_day', time: null },
      amount: Math.ceil(next() * 3),
    });
  }
  return company;
}

/** Every kind of change, seeded: updates, values the adapter could not read, terminations, leavers, new hires. */
function change(company: FakeCompany, round: number): void {
  const next = random(100 + round);
  company.advance(3_600_000);
  for (let i = 1; i <= 60; i += 1) {
    const remoteId = String(i);
    if (!company.employees.has(remoteId)) continue;
    const roll = next();
    if (roll < 0.1) company.updateEmployee(remoteId, (e) => ({ ...e, jobTitle: `Title ${round}` }));
    else if (roll < 0.15)
      // The adapter could not read the job title: the stored value is kept and no `updated` event is emitted.
      company.updateEmployee(remoteId, (e) => ({
        ...e,
        jobTitle: null,
        dataIssues: [{ field: 'jobTitle', value: 42, reason: 'not a string' }],
      }));
    else if (roll < 0.18) company.terminate(remoteId, '2026-06-01');
    else if (roll < 0.2) company.removeEmployee(remoteId);
  }
  for (let i = 1; i <= 90; i += 1) {
    const remoteId = `r${i}`;
    if (!company.requests.has(remoteId)) continue;
    const roll = next();
    if (roll < 0.15) company.setRequestStatus(remoteId, STATUSES[Math.floor(next() * STATUSES.length)] ?? 'approved');
    else if (roll < 0.2) company.requests.delete(remoteId);
  }
  company.addEmployee(`new${round}`);
  company.addRequest(`new-r${round}`, `new${round}`);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}

async function outcome(store: SyncStore, result: SyncResult) {
  const { startedAt: _, finishedAt: __, ...rest } = result;
  const records = [];
  for (const entity of ['employee', 'time_off_request'] as const)
    for (const record of await store.listRecords('fake', entity, { includeDeleted: true }))
      records.push(
        `${record.id} v${record.version} ${record.deleted ? 'deleted' : 'live'} ${record.fingerprint.slice(0, 16)} ` +
          `${record.employeeId} ${record.syncedAt} ${sha(JSON.stringify(sorted(record.data)))}`,
      );
  const events = (await store.listEvents('fake')).map(
    ({ seq, event }) =>
      `${seq} ${event.id} ${event.entity} ${event.entityId} ${event.action} [${event.changedFields.join(',')}] ` +
      `${event.occurredAt} ${event.detectedAt} ${event.previousRemoteId}`,
  );
  return { result: sorted(rest), records, events };
}

/** Runs the scenario on an empty store: per sync, its result and one line per stored record and outbox event. */
export async function syncEquivalenceOutcome(store: SyncStore, capabilities: readonly CapabilityName[]) {
  const company = generatedCompany();
  company.unreadableEmployees = [{ recordIndex: 3, field: 'id', value: null, reason: 'no id' }];
  const run = harness(store, capabilities, company);
  const steps = [];
  // Small batches: many of them, so the listing's read-ahead runs ahead of the writes.
  steps.push(await outcome(store, await run.sync({ batchSize: 7 })));
  company.unreadableEmployees = [];
  for (const round of [1, 2]) {
    change(company, round);
    steps.push(await outcome(store, await run.sync({ batchSize: 7, full: true })));
  }
  // Nothing changed at the provider (the fake still lists the requests of removed people, so those come back).
  company.advance(3_600_000);
  steps.push(await outcome(store, await run.sync({ batchSize: 7, full: true })));
  return steps;
}

/** The capability sets the scenario runs with, named as in the recorded fixture. */
export const SYNC_EQUIVALENCE_SCENARIOS: [string, readonly CapabilityName[]][] = [
  ['HiBob-like (full listing, time-off feed)', HIBOB_LIKE],
  ['BambooHR-like (changes feed, range-read time off)', BAMBOO_LIKE],
];
