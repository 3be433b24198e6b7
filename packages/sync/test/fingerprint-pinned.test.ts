import type { Employee } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { applyRecord, fingerprint, stableStringify } from '../src/index.js';
import { employeeFixture, requestFixture } from '../src/testing/index.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

// Stores keep fingerprints across hrkit versions (an unchanged record must never look changed after an upgrade), and
// event ids are derived from them. These values were computed once by main before the single-serialization change of
// issue 17 (docs/performance.md, "Sync (issue 17)"): the same records run through `fingerprint` and `applyRecord`
// into a MemorySyncStore with the @hrkit/sync build of commit 4ca08ce. They must never change; if the canonical
// serialization ever has to, a store migration rewrites the stored fingerprints.
const PINNED = {
  employee: '33499f7172f632571e7db1129925196726329f5d025ce0b81f4cbc05bd63b04b',
  request: '8aace29219331c5639be02327dc5b33c3c5541df47fa890903861266c1aea7f3',
  employeeEvent: 'evt_93a42202ba030b048d81eff4bbbb8079',
  requestEvent: 'evt_b083f3dbb8db7ffcbede924ae13bb00c',
};

const employee = {
  ...employeeFixture('fake', '1'),
  jobTitle: 'Ingénieure "données" \u2028 ✓',
  customFields: { b: [3, 1.5, -0, 1e21], a: { z: null, y: true } },
  raw: { x: 1 },
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const request = {
  ...requestFixture('fake', 'r1', '1'),
  employee: { id: 'fake:1', remoteId: '1', displayName: 'Ada' },
};
const context = { connectionId: 'c', provider: 'fake', now: '2026-06-01T09:00:00.000Z', origin: 'sync' as const };

/** stableStringify as main wrote it (commit 4ca08ce), the reference the faster one must match byte for byte. */
function mainStableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++)
      out += `${index === 0 ? '' : ','}${mainStableStringify(value[index])}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${mainStableStringify(item)}`;
    first = false;
  }
  return `${out}}`;
}

describe('fingerprints are byte-identical to the ones stores already hold', () => {
  it('stableStringify writes what main wrote, for every kind of value', () => {
    const values: unknown[] = [
      employee,
      request,
      null,
      undefined,
      0,
      -0,
      1e21,
      1e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1.5,
      true,
      false,
      '',
      'a"b\\c\n\u0000\u2028é😀',
      [undefined, () => 1, Symbol('s'), null, [[]], {}],
      { é: 1, e: 2, E: 3, '10': 4, '9': 5, '': 6, 'a"': 7, z: undefined, f: () => 1 },
      { b: { d: [1, { y: 2, x: 1 }], c: null }, a: [] },
      new Date(0),
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ];
    for (const value of values) expect(stableStringify(value)).toBe(mainStableStringify(value));
  });

  it('fingerprint() of a fixed record', () => {
    expect(fingerprint(employee)).toBe(PINNED.employee);
  });

  for (const [kind, open] of STORE_KINDS)
    describe(`${kind} store`, () => {
      let store: Parameters<Parameters<typeof freshStorePerTest>[1]>[0];
      freshStorePerTest(open, (opened) => {
        store = opened;
      });

      it('stores the pinned fingerprints and derives the pinned event ids', async () => {
        const events = await store.transaction(async (unit) => [
          // Not a valid model record on purpose (odd custom field values): the fingerprint takes any JSON.
          await applyRecord(unit, context, { entity: 'employee', record: employee as unknown as Employee }),
          await applyRecord(unit, context, { entity: 'time_off_request', record: request }),
        ]);
        expect(events.map((event) => event?.id)).toEqual([PINNED.employeeEvent, PINNED.requestEvent]);
        expect((await store.getRecord('c', 'employee', employee.id))?.fingerprint).toBe(PINNED.employee);
        expect((await store.getRecord('c', 'time_off_request', request.id))?.fingerprint).toBe(PINNED.request);
        // The stored data is the record minus volatile fields, as JSON keeps it (-0 reads back as 0).
        const { raw: _, updatedAt: __, ...kept } = employee;
        expect((await store.getRecord('c', 'employee', employee.id))?.data).toEqual(JSON.parse(JSON.stringify(kept)));
      });
    });
});
