import { InvalidProviderDataError, isCopyFree } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { mapTimeOffRequest } from '../src/mapping/time-off.js';
import { RawBalance, RawChanges, RawOuts, RawTimeOffRequest } from '../src/raw/time-off.js';
import { latestPerRequest } from '../src/readers/time-off.js';

/**
 * The raw time-off schemas keep ids as HiBob sent them, so a feed is checked in place instead of copied, and the
 * mapping turns them into text by core's rule for ids (docs/performance.md › Listing, time-off memory and
 * confirmations): numbers stay exact, and a number that already lost precision is refused, never written rounded.
 */
const change = (values: Record<string, unknown>) =>
  RawTimeOffRequest.parse({
    employeeId: '3332883884017713238',
    policyType: 'Holiday',
    type: 'days',
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    changeType: 'Created',
    createdOn: '2026-01-01T10:00:00',
    ...values,
  });

/** A long id as `JSON.parse` gives it when HiBob sends it unquoted: already rounded. */
const parsed = (digits: string) => JSON.parse(digits) as number;

describe('HiBob time-off ids', () => {
  it('the raw time-off schemas are copy-free: a feed is checked in place, not copied', () => {
    for (const schema of [RawTimeOffRequest, RawChanges, RawOuts, RawBalance]) expect(isCopyFree(schema)).toBe(true);
    const raw = { changes: [{ requestId: 7, employeeId: 12, previousRequestId: 6 }] };
    expect(RawChanges.parse(raw).changes[0]).toEqual(raw.changes[0]);
  });

  it('numeric ids become the same text as before, edit chain included', () => {
    const request = mapTimeOffRequest(
      change({ requestId: 42, employeeId: 7, originalRequestId: 40, previousRequestId: 41 }),
      { includeRaw: false },
    );
    expect([request.remoteId, request.id, request.employee.remoteId]).toEqual(['42', 'hibob:42', '7']);
    expect(request.editChain).toEqual({ originalRequestId: '40', previousRequestId: '41' });
    expect(mapTimeOffRequest(change({ requestId: ' ', id: '43' }), { includeRaw: false }).remoteId).toBe('43');
  });

  it.each([
    ['requestId', { requestId: parsed('12345678901234567890') }],
    ['employeeId', { requestId: 5, employeeId: parsed('3332883884017713238') }],
    ['previousRequestId', { requestId: 5, previousRequestId: parsed('9007199254740993') }],
    ['requestId', { requestId: 5.5 }],
  ])('a %s that is not an exact id is refused with a typed error, never rounded', (field, values) => {
    const read = () => mapTimeOffRequest(change(values), { includeRaw: false });
    expect(read).toThrow(InvalidProviderDataError);
    expect(read).toThrow(new RegExp(`${field} that is not a usable id`));
  });

  it('the feed reports a snapshot whose request id lost precision instead of grouping it under a rounded id', () => {
    const issues: unknown[] = [];
    const latest = latestPerRequest(
      [change({ requestId: parsed('12345678901234567890') }), change({ requestId: 3 })],
      (issue) => issues.push(issue),
    );
    expect(latest.map((raw) => raw.requestId)).toEqual([3]);
    expect(issues).toEqual([
      expect.objectContaining({
        recordIndex: 0,
        field: 'requestId',
        reason: 'no readable request id (id lost precision as a number)',
      }),
    ]);
  });
});
