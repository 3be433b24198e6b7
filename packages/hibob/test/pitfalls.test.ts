import { createHrKit } from '@hrkit/core';
import { VirtualClock } from '@hrkit/core/testing';
import { describe, expect, it } from 'vitest';
import { type HiBobConnector, hibob } from '../src/internal.js';
import { FieldCatalog } from '../src/mapping/field-catalog.js';
import { readField } from '../src/mapping/read-field.js';
import { RawFieldsResponse } from '../src/raw/fields.js';
import { EMPLOYMENT_TYPE_FIELD_ID, startHiBobSandbox } from '../src/sandbox/index.js';
import { field } from './fixtures/payloads.js';
import { collect, connect, NOW, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox({ employees: 30, seed: 21 });

describe('hibob-api.md §9 pitfalls not covered elsewhere', () => {
  it('4: leavers stay hidden when the audience excludes them, even with includeInactive', async () => {
    const box = await sandbox();
    const config = box.control.createServiceUser({ audience: { includeInactive: false } });
    const { bob } = connect(config);
    const listed = await collect(bob.employees.list({ includeInactive: true }));
    expect(listed.map((e) => e.remoteId).sort()).toEqual(
      box.expected.employeeRemoteIds({ includeInactive: false }).sort(),
    );
  });

  it('7: a field moved to another category keeps its id; the category comes from metadata', () => {
    const moved = field('root.email', 'about', { categoryName: 'About', jsonPath: 'email' });
    const catalog = new FieldCatalog([moved, field('root.id', 'root')]);
    expect(catalog.role('email')?.categoryId).toBe('about');
    expect(readField({ email: 'a@b.example' }, catalog.role('email')!).value).toBe('a@b.example');
  });

  it('16: fields metadata as a bare array, or wrapped', () => {
    const entry = field('root.id', 'root');
    expect(RawFieldsResponse.parse([entry])).toHaveLength(1);
    expect(RawFieldsResponse.parse({ fields: [entry] })).toHaveLength(1);
  });

  it('10: pending requests appear only with includePending', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const [employee] = await collect(bob.employees.list());
    const pending = box.control.createTimeOffRequest({
      employeeId: employee!.remoteId,
      policyType: 'Holiday',
      type: 'days',
      startDate: '2026-04-06',
      endDate: '2026-04-07',
      status: 'pending',
    } as never);
    const since = new Date(Date.parse(NOW) - 86_400_000).toISOString();
    const until = new Date(Date.now() + 400 * 86_400_000).toISOString();
    const without = await collect(bob.timeOff.requestChanges({ since, until }));
    const withPending = await collect(bob.timeOff.requestChanges({ since, until, includePending: true }));
    expect(without.some((r) => r.remoteId === String(pending.requestId))).toBe(false);
    expect(withPending.find((r) => r.remoteId === String(pending.requestId))?.status.value).toBe('requested');
  });

  it('the employment-type field can be named by its id instead of its name', async () => {
    const box = await sandbox();
    const byName = await collect(connect(box.connectionConfig()).bob.employees.list());
    const byId = await collect(
      connect(box.connectionConfig(), {
        plugin: { employmentTypeField: EMPLOYMENT_TYPE_FIELD_ID },
      }).bob.employees.list(),
    );
    expect(byId.map((e) => e.employmentType)).toEqual(byName.map((e) => e.employmentType));
  });
});

describe('rate limits: a large sync waits instead of tripping 429 storms', () => {
  it('with HiBob-style limits enforced by the server, the client-side limiter keeps every search under 50/min', async () => {
    const clock = new VirtualClock(Date.parse(NOW));
    const box = await startHiBobSandbox({ seed: 3, employees: 120, now: NOW, rateLimits: true, clock });
    try {
      const kit = createHrKit({ providers: [hibob({ searchBatchSize: 2 })] });
      const bob = kit.connect('hibob', box.connectionConfig(), { clock, rateLimits: true });
      const started = clock.now();
      const employees = await collect(bob.employees.list({ includeInactive: true }));
      expect(employees).toHaveLength(120);
      const counters = box.control.rateLimitCounters();
      expect(counters.tooManyRequests).toBe(0);
      expect(counters.requestsByEndpoint['people.search']).toBe(61);
      expect(clock.now() - started).toBeGreaterThanOrEqual(60_000); // the 51st search waited a window
    } finally {
      await box.close();
    }
  });

  it('without the client limiter the server answers 429 and the search (a read) is retried after the reset', async () => {
    const clock = new VirtualClock(Date.parse(NOW));
    const box = await startHiBobSandbox({ seed: 3, employees: 60, now: NOW, rateLimits: true, clock });
    try {
      const kit = createHrKit({ providers: [hibob({ searchBatchSize: 1 })] });
      const bob = kit.connect('hibob', box.connectionConfig(), { clock, rateLimits: false, retryLimit: 2 });
      const employees = await collect(bob.employees.list({ includeInactive: true }));
      const counters = box.control.rateLimitCounters();
      expect(counters.tooManyRequests).toBeGreaterThan(0);
      expect(employees).toHaveLength(60); // every 429 was waited out (X-RateLimit-Reset) and retried
      expect((bob.connector as HiBobConnector).client.http.stats.retries).toBeGreaterThan(0);
    } finally {
      await box.close();
    }
  });
});

describe('UNKNOWN shapes are tolerated', () => {
  it('bulk tables: results, employees or data arrays; next_cursor nested or top-level', async () => {
    const { RawBulkTableResponse } = await import('../src/raw/tables.js');
    const rows = [{ employeeId: 3332883884017713238n.toString(), values: [{ id: 1, effectiveDate: '2024-01-01' }] }];
    for (const body of [
      { results: rows, response_metadata: { next_cursor: 'abc' } },
      { employees: rows, next_cursor: 'abc' },
      { data: rows, response_metadata: { next_cursor: 'abc' } },
    ]) {
      const parsed = RawBulkTableResponse.parse(body);
      expect(parsed.results).toHaveLength(1);
      expect(parsed.response_metadata.next_cursor).toBe('abc');
    }
    expect(RawBulkTableResponse.parse({}).results).toEqual([]);
  });
});
