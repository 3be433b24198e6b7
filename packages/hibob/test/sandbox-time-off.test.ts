import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURATION_TYPES, type HiBobSandbox } from '../src/sandbox/index.js';
import type { BobEmployee } from '../src/sandbox/state/types.js';
import { call, sandbox } from './sandbox-helpers.js';

let bob: HiBobSandbox;
let person: BobEmployee;
beforeAll(async () => {
  bob = await sandbox({ employees: 80 });
  person = bob.state.employees.find(
    (e) =>
      e.terminationDate === null && e.startDate < '2025-01-01' && e.lifecycle === 'employed' && e.siteId === 2606110,
  )!;
});
afterAll(() => bob.close());

const get = <T = Record<string, unknown>>(path: string, config = bob.connectionConfig()) =>
  call<T>(config, 'GET', path);
type Outs = { outs: Array<Record<string, unknown>> };
type Changes = { changes: Array<Record<string, unknown>> };

describe('policy types and policies', () => {
  it('lists types, reads one, reads policies and names; 404 for unknown; 403 without settings permission', async () => {
    expect((await get('/v1/timeoff/policy-types')).body).toEqual({
      policyTypes: ['Holiday', 'Sick', 'Parental leave', 'Medical appointment', 'Personal hours'],
    });
    expect((await get('/v1/timeoff/policy-types/Medical%20appointment')).body).toEqual({
      name: 'Medical appointment',
      activity: 'paidTimeoff',
      bookingWorkDaysOnly: true,
      unit: 'hours',
    });
    expect((await get('/v1/timeoff/policy-types/Nope')).status).toBe(404);
    expect((await get('/v1/timeoff/policies?policyName=Holiday%20UK')).body).toMatchObject({
      name: 'Holiday UK',
      allowance: 25,
      unit: 'days',
      approvalRequired: true,
    });
    expect((await get('/v1/timeoff/policies')).status).toBe(400);
    expect((await get('/v1/timeoff/policies/names?policyTypeName=Holiday')).body).toEqual({
      policyNames: ['Holiday UK', 'Holiday US', 'Holiday Standard'],
    });
    const noSettings = bob.control.createServiceUser({ features: ['people', 'timeoff.whosout'] });
    expect((await get('/v1/timeoff/policy-types', noSettings)).status).toBe(403);
  });
});

describe('generated requests', () => {
  it('cover every duration type, every status, private policies and edit chains', () => {
    const requests = bob.state.data.requests;
    expect(new Set(requests.map((r) => r.type))).toEqual(new Set(DURATION_TYPES));
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(['approved', 'pending', 'declined', 'canceled', 'deleted']),
    );
    expect(requests.some((r) => r.policyType === 'Medical appointment')).toBe(true);
    const chained = requests.find((r) => r.previousRequestId !== null)!;
    expect(bob.state.request(chained.previousRequestId!)!.status).toBe('canceled');
    expect(requests.find((r) => r.type === 'openEnded')!.endDate).toBeNull();
  });
});

describe('GET /v1/timeoff/requests/changes', () => {
  it.each([
    ['', 'The query parameter "since" is required (ISO-8601 date-time).'],
    ['?since=yesterday', '"since" must be an ISO-8601 date-time, got "yesterday".'],
    ['?since=2025-12-01T00:00:00Z', '"since" must be at most 6 months in the past when "to" is not given.'],
    ['?since=2025-01-01T00:00:00Z&to=2025-07-02T00:00:00Z', '"to" must be at most 6 months after "since".'],
    ['?since=2026-01-01T00:00:00Z&to=2025-12-01T00:00:00Z', '"to" must be later than "since".'],
  ])('rejects %s with 400', async (query, error) => {
    const response = await get(`/v1/timeoff/requests/changes${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ key: 'bad_request', error });
  });

  it('accepts an old window when `to` is within six months of `since`, with offsets', async () => {
    const response = await get<Changes>(
      '/v1/timeoff/requests/changes?since=2025-11-01T00:00:00%2B02:00&to=2026-04-30T00:00:00Z',
    );
    expect(response.status).toBe(200);
    expect(response.body.changes.length).toBeGreaterThan(0);
    expect(
      response.body.changes.every(
        (c) => String(c.createdOn) >= '2025-10-31T22' && String(c.createdOn) <= '2026-04-30T00',
      ),
    ).toBe(true);
  });

  it('shows Pending entries only with includePending, and the change field names', async () => {
    const plain = await get<Changes>('/v1/timeoff/requests/changes?since=2026-01-01T00:00:00Z');
    const pending = await get<Changes>('/v1/timeoff/requests/changes?since=2026-01-01T00:00:00Z&includePending=true');
    expect(plain.body.changes.some((c) => c.changeType === 'Pending')).toBe(false);
    expect(pending.body.changes.some((c) => c.changeType === 'Pending')).toBe(true);
    const first = plain.body.changes[0]!;
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'changeType',
        'requestId',
        'employeeId',
        'employeeDisplayName',
        'employeeEmail',
        'policyTypeDisplayName',
        'type',
        'startDate',
        'startPortion',
        'endDate',
        'endPortion',
        'durationUnit',
        'totalDuration',
        'totalCost',
        'originalRequestId',
        'previousRequestId',
        'createdOn',
      ]),
    );
    expect(first).not.toHaveProperty('startDatePortion');
    expect(String(first.createdOn)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
  });

  it('a hard edit creates a new id: old Canceled, new Created pointing back', async () => {
    const created = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Sick',
      type: 'days',
      startDate: '2026-07-01',
      endDate: '2026-07-02',
    });
    expect(created.status).toBe('approved');
    const edited = bob.control.editTimeOffRequest(created.requestId, {
      startDate: '2026-07-02',
      endDate: '2026-07-03',
    });
    const again = bob.control.editTimeOffRequest(edited.requestId, { endDate: '2026-07-06' });
    const since = new Date(bob.state.now() - 60_000).toISOString();
    const feed = await get<Changes>(`/v1/timeoff/requests/changes?since=${since}`);
    const ours = feed.body.changes
      .filter((c) => [created.requestId, edited.requestId, again.requestId].includes(c.requestId as number))
      .map((c) => [c.requestId, c.changeType, c.originalRequestId, c.previousRequestId]);
    expect(ours).toEqual([
      [created.requestId, 'Created', null, null],
      [created.requestId, 'Canceled', null, null],
      [edited.requestId, 'Created', created.requestId, created.requestId],
      [edited.requestId, 'Canceled', created.requestId, created.requestId],
      [again.requestId, 'Created', created.requestId, edited.requestId],
    ]);
    const old = await get(`/v1/timeoff/employees/${person.id}/requests/${created.requestId}`);
    expect(old.body).toMatchObject({ status: 'canceled', approved: false });
  });
});

describe('who is out, out today, one request, balance', () => {
  it('whosout uses OAS names, needs from/to, hides private policies and masks custom names', async () => {
    expect((await get('/v1/timeoff/whosout?from=2026-06-15')).body).toEqual({
      key: 'bad_request',
      error: 'The query parameter "to" is required (YYYY-MM-DD).',
    });
    const holiday = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Holiday',
      type: 'days',
      startDate: '2026-06-15',
      endDate: '2026-06-16',
      status: 'approved',
    });
    const medical = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Medical appointment',
      type: 'hours',
      startDate: '2026-06-15',
      hours: 2,
    });
    const parental = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Parental leave',
      type: 'days',
      startDate: '2026-06-15',
      endDate: '2026-06-15',
      status: 'approved',
    });
    const find = (outs: Outs, id: number) => outs.outs.find((o) => o.requestId === id);

    const basic = (await get<Outs>('/v1/timeoff/whosout?from=2026-06-15&to=2026-06-15&includeHourly=true')).body;
    expect(find(basic, holiday.requestId)).toMatchObject({
      employeeId: person.id,
      policyType: 'Holiday',
      policyTypeDisplayName: 'Holiday',
      type: 'days',
      startDate: '2026-06-15',
      startPortion: 'all_day',
      endDate: '2026-06-16',
      endPortion: 'all_day',
      status: 'approved',
      totalCost: 2,
    });
    expect(find(basic, holiday.requestId)).not.toHaveProperty('startDatePortion');
    expect(find(basic, medical.requestId)).toBeUndefined();
    expect(find(basic, parental.requestId)).toMatchObject({
      policyType: 'Family time',
      policyTypeDisplayName: 'Family time',
      visibility: 'Custom name',
    });

    const privileged = (
      await get<Outs>('/v1/timeoff/whosout?from=2026-06-15&to=2026-06-15&includeHourly=true&includePrivate=true')
    ).body;
    expect(find(privileged, medical.requestId)).toMatchObject({
      policyType: 'Medical appointment',
      type: 'hours',
      hoursOnDate: 2,
      visibility: 'Private',
    });
    expect(find(privileged, parental.requestId)).toMatchObject({ policyTypeDisplayName: 'Parental leave' });
    const noHourly = (await get<Outs>('/v1/timeoff/whosout?from=2026-06-15&to=2026-06-15&includePrivate=true')).body;
    expect(find(noHourly, medical.requestId)).toBeUndefined();

    const noPrivatePermission = bob.control.createServiceUser({ features: ['people', 'timeoff.whosout'] });
    const limited = (
      await get<Outs>(
        '/v1/timeoff/whosout?from=2026-06-15&to=2026-06-15&includeHourly=true&includePrivate=true',
        noPrivatePermission,
      )
    ).body;
    expect(find(limited, medical.requestId)).toBeUndefined();
    expect(find(limited, parental.requestId)).toMatchObject({ policyTypeDisplayName: 'Family time' });

    const leaverIds = new Set(
      bob.state.employees
        .filter((e) => e.terminationDate !== null && e.terminationDate <= '2026-06-15')
        .map((e) => e.id),
    );
    const wide = (await get<Outs>('/v1/timeoff/whosout?from=2025-01-01&to=2026-12-31&includeHourly=true')).body;
    expect(wide.outs.length).toBeGreaterThan(10);
    expect(wide.outs.some((o) => leaverIds.has(String(o.employeeId)))).toBe(false);
  });

  it('pending requests show in whosout only with includePending', async () => {
    const pending = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Holiday',
      type: 'portionOnRange',
      startDate: '2026-06-22',
      endDate: '2026-06-23',
      dayPortion: 'afternoon',
    });
    expect(pending.status).toBe('pending');
    const url = '/v1/timeoff/whosout?from=2026-06-22&to=2026-06-22';
    expect((await get<Outs>(url)).body.outs.some((o) => o.requestId === pending.requestId)).toBe(false);
    const withPending = (await get<Outs>(`${url}&includePending=true`)).body.outs.find(
      (o) => o.requestId === pending.requestId,
    );
    expect(withPending).toMatchObject({ status: 'pending', type: 'portionOnRange', dayPortion: 'afternoon' });
  });

  it('outtoday uses its own names and no requestId', async () => {
    const response = await get<Outs>('/v1/timeoff/outtoday?today=2026-06-15');
    const mine = response.body.outs.find((o) => o.employeeId === person.id && o.requestRangeType === 'days')!;
    expect(mine).toEqual({
      employeeId: person.id,
      employeeDisplayName: `${person.firstName} ${person.surname}`,
      employeeEmail: person.email,
      policyTypeDisplayName: 'Holiday',
      requestRangeType: 'days',
      startDate: '2026-06-15',
      startDatePortion: 'all_day',
      endDate: '2026-06-16',
      endDatePortion: 'all_day',
      dayPortion: null,
      dailyHours: null,
      date: null,
      hours: null,
      minutes: null,
    });
    expect(
      (await get<Outs>('/v1/timeoff/outtoday?today=2026-06-15&siteId=2606111')).body.outs.some(
        (o) => o.employeeId === person.id,
      ),
    ).toBe(false);
  });

  it('reads one request with startDatePortion and daily durations; 404 for unknown or mismatched ids', async () => {
    const request = bob.control.createTimeOffRequest({
      employeeId: person.id,
      policyType: 'Personal hours',
      type: 'hoursOnRange',
      startDate: '2026-06-19',
      endDate: '2026-06-22',
      dailyHours: 3,
      status: 'approved',
    });
    const response = await get(`/v1/timeoff/employees/${person.id}/requests/${request.requestId}`);
    expect(response.body).toMatchObject({
      requestId: request.requestId,
      type: 'hoursOnRange',
      startDatePortion: 'all_day',
      dailyHours: 3,
      durationUnit: 'hours',
      totalDuration: 12,
      totalCost: 6,
      status: 'approved',
      approved: true,
    });
    expect((response.body.dailyDurations as unknown[]).length).toBe(4);
    const without = await get(
      `/v1/timeoff/employees/${person.id}/requests/${request.requestId}?includeDailyDurations=false`,
    );
    expect(without.body).not.toHaveProperty('dailyDurations');
    expect((await get(`/v1/timeoff/employees/${person.id}/requests/1`)).status).toBe(404);
    const other = bob.state.employees.find((e) => e.id !== person.id)!;
    expect((await get(`/v1/timeoff/employees/${other.id}/requests/${request.requestId}`)).status).toBe(404);
  });

  it('balance needs policyType and date', async () => {
    const base = `/v1/timeoff/employees/${person.id}/balance`;
    expect((await get(base)).body).toEqual({
      key: 'bad_request',
      error: 'The query parameter "policyType" is required.',
    });
    expect((await get(`${base}?policyType=Holiday`)).body).toEqual({
      key: 'bad_request',
      error: 'The query parameter "date" is required (YYYY-MM-DD).',
    });
    const balance = await get(`${base}?policyType=Holiday&date=2026-12-31`);
    expect(balance.status).toBe(200);
    expect(balance.body).toMatchObject({
      employeeId: person.id,
      policy: 'Holiday UK',
      pointInTime: '2026-12-31',
      startingBalanceAsOf: '2026-01-01',
    });
    const body = balance.body as { annualAllowance: number; totalTaken: number; totalBalanceAsOfDate: number };
    expect(body.totalBalanceAsOfDate).toBeCloseTo(body.annualAllowance - body.totalTaken, 5);
    expect(body.totalTaken).toBeGreaterThanOrEqual(2);
  });
});
