import { describe, expect, it } from 'vitest';
import { changedFields, eventId, fingerprint, stableStringify } from '../src/index.js';
import { employeeFixture } from '../src/testing/index.js';

describe('fingerprint', () => {
  it('ignores key order and volatile fields, and sees every real change', () => {
    const employee = employeeFixture('fake', '1');
    const reordered = Object.fromEntries(Object.entries(employee).reverse());
    expect(fingerprint(reordered)).toBe(fingerprint(employee));
    expect(fingerprint({ ...employee, updatedAt: '2030-01-01T00:00:00.000Z', raw: { any: 1 } })).toBe(
      fingerprint(employee),
    );
    expect(fingerprint({ ...employee, jobTitle: 'CTO' })).not.toBe(fingerprint(employee));
    expect(fingerprint({ ...employee, phones: [{ kind: 'work', number: '1', field: 'x' }] })).not.toBe(
      fingerprint(employee),
    );
    expect(stableStringify({ b: 1, a: [{ d: 1, c: undefined }] })).toBe('{"a":[{"d":1}],"b":1}');
    // Pinned: stores keep fingerprints across versions, so the serialization must never drift.
    expect(stableStringify([undefined, null, { z: 'é"', a: true, m: { y: [], x: {} } }])).toBe(
      '[null,null,{"a":true,"m":{"x":{},"y":[]},"z":"é\\""}]',
    );
  });

  it('names changed model paths, walking objects and comparing arrays whole', () => {
    const before = employeeFixture('fake', '1');
    const after = {
      ...before,
      name: { ...before.name, last: 'New' },
      phones: [{ kind: 'work' as const, number: '1', field: 'x' }],
      manager: { id: 'fake:9', remoteId: '9', displayName: null },
    };
    expect(changedFields(before, after)).toEqual(['manager', 'name.last', 'phones']);
    expect(changedFields(before, before)).toEqual([]);
  });

  it('derives event ids from the change, not from when it was seen', () => {
    const base = {
      connectionId: 'c',
      entity: 'employee' as const,
      entityId: 'fake:1',
      version: 2,
      action: 'updated' as const,
      fingerprint: 'f',
    };
    expect(eventId(base)).toBe(eventId({ ...base }));
    expect(eventId({ ...base, version: 3 })).not.toBe(eventId(base));
    expect(eventId(base)).toMatch(/^evt_[0-9a-f]{32}$/);
  });
});
