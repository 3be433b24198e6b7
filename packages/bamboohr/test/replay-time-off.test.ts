import { Absence, TimeOffBalance, TimeOffPolicy, TimeOffRequest } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import {
  mapBalance,
  mapTimeOffRequest,
  mapTimeOffType,
  mapWhosOut,
  PeopleIndex,
  RawBalances,
  RawTimeOffRequests,
  RawTimeOffTypes,
  RawWhosOut,
} from '../src/internal.js';
import { recorded } from './fixtures.js';

const people = new PeopleIndex('bamboohr');
const context = { provider: 'bamboohr', people };

describe('replaying recorded time-off requests (Nango, 2026)', () => {
  const raw = RawTimeOffRequests.parse(recorded('time_off-requests-2026').response.body);
  const requests = raw.map((item) => TimeOffRequest.parse(mapTimeOffRequest(item, context)));
  const byId = (id: string) => requests.find((request) => request.remoteId === id)!;

  it('maps an approved hours request with its per-day amounts as given (string → number, no conversion)', () => {
    const request = byId('1348');
    expect(request.employee).toEqual({ id: 'bamboohr:5', remoteId: '5', displayName: 'Ashley Adams' });
    expect(request.status).toEqual({
      value: 'approved',
      source: { field: 'status.status', value: 'approved', label: null },
    });
    expect(request.type.value).toBe('vacation');
    expect(request.policy).toEqual({ id: '78', name: 'Vacation', typeName: 'Vacation' });
    expect(request.unit).toBe('hours');
    expect(request.amount).toBe(40);
    expect(request.start).toEqual({ date: '2026-03-06', portion: null, time: null });
    expect(request.end?.date).toBe('2026-03-11');
    // Created without per-day detail: BambooHR puts the whole amount on the first day, and so do we.
    expect(request.days).toEqual([{ date: '2026-03-06', amount: 40, unit: 'hours', portion: null }]);
    expect(request.note).toBe('manager: Going out of town for my birthday!');
    expect(request.requestedAt).toBeNull(); // "created" is a date only: no invented time of day
  });

  it('keeps day units and maps canceled and requested statuses', () => {
    expect(byId('1659').unit).toBe('days');
    expect(byId('1659').amount).toBe(5);
    expect(byId('1659').type.value).toBe('bereavement');
    expect(byId('1659').days).toHaveLength(5);
    expect(byId('1468').status.value).toBe('cancelled');
    expect(byId('1468').status.source?.value).toBe('canceled');
    expect(byId('1437').status.value).toBe('requested');
    expect(byId('1437').note).toBe('employee: Disneyland with my family.');
  });

  it('maps BambooHR’s "superceded" spelling and keeps the source word', () => {
    const first = raw[0]!;
    const superseded = mapTimeOffRequest({ ...first, status: { ...first.status, status: 'superceded' } }, context);
    expect(superseded.status).toEqual({
      value: 'cancelled',
      source: { field: 'status.status', value: 'superceded', label: null },
    });
  });

  it('reads the single request fetched by id', () => {
    const [item] = RawTimeOffRequests.parse(recorded('time_off-requests-by-id').response.body);
    const request = mapTimeOffRequest(item!, context);
    expect(request.id).toBe('bamboohr:1659');
    expect(request.employee.displayName).toBe('Eric Asture');
  });
});

describe('replaying recorded balances, types and who’s out', () => {
  it('maps the calculator, keeping negative balances and the unit of each type', () => {
    const raw = RawBalances.parse(recorded('time_off-calculator-emp4').response.body);
    const balances = raw.map((item) =>
      TimeOffBalance.parse(mapBalance(item, { ...context, employeeId: '4', asOf: '2026-05-29' })),
    );
    expect(balances[0]).toMatchObject({
      id: 'bamboohr:4:78:2026-05-29',
      policy: { id: '78', name: 'Vacation', typeName: 'accruing' },
      unit: 'hours',
      balance: -26.36,
      used: 168,
      asOf: '2026-05-29',
    });
    expect(balances.find((b) => b.policy.name === 'Bereavement')?.unit).toBe('days');
  });

  it('maps time-off types into policies, with units and a type class', () => {
    const raw = RawTimeOffTypes.parse(recorded('meta-time_off-types').response.body);
    const policies = raw.timeOffTypes.map((type) =>
      TimeOffPolicy.parse(
        mapTimeOffType(type, {
          provider: 'bamboohr',
          policies: [{ id: '9', timeOffTypeId: '78', name: 'Vacation Full-Time', type: 'accruing' }],
        }),
      ),
    );
    expect(policies.map((p) => [p.remoteId, p.name, p.type.value, p.unit])).toEqual([
      ['78', 'Vacation', 'vacation', 'hours'],
      ['79', 'Sick', 'sick', 'hours'],
      ['77', 'Bereavement', 'bereavement', 'days'],
      ['80', 'FMLA', 'parental', 'hours'],
      ['82', 'COVID-19 Related Absence', 'sick', 'hours'],
      ['81', 'Comp/In Lieu Time', 'in_lieu', 'hours'],
    ]);
    expect(policies[0]?.typeName).toBe('accruing');
  });

  it('maps whos_out rows (integer ids), skips holidays and enriches from the matching request', () => {
    // Shape as documented and observed (no recording in our set): integer ids, holiday rows without employeeId.
    const raw = RawWhosOut.parse([
      { id: 1348, type: 'timeOff', employeeId: 5, name: 'Ashley Adams', start: '2026-03-06', end: '2026-03-11' },
      { id: 2255, type: 'holiday', name: 'New Year Day', start: '2026-01-01', end: '2026-01-01' },
    ]);
    const [request] = RawTimeOffRequests.parse(recorded('time_off-requests-2026').response.body).filter(
      (r) => r.id === '1348',
    );
    const absences = raw
      .map((entry) => mapWhosOut(entry, { ...context, request: mapTimeOffRequest(request!, context) }))
      .filter((a) => a !== null)
      .map((a) => Absence.parse(a));
    expect(absences).toHaveLength(1);
    expect(absences[0]).toMatchObject({
      requestId: 'bamboohr:1348',
      employee: { remoteId: '5', displayName: 'Ashley Adams' },
      unit: 'hours',
      amount: 40,
      type: { value: 'vacation' },
    });
  });
});
