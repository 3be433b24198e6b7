import { Employee, EmploymentHistoryEntry, EmploymentTypeRules, TimeOffRequest } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { mapEmployee } from '../src/mapping/employee.js';
import { lifecycleToStatus } from '../src/mapping/employment-status.js';
import { DEFAULT_HIBOB_EMPLOYMENT_TYPES, mapEmploymentType } from '../src/mapping/employment-type.js';
import { FieldCatalog } from '../src/mapping/field-catalog.js';
import { mapHistoryRow } from '../src/mapping/history.js';
import { ListDirectory, listLabels } from '../src/mapping/lists.js';
import { readField, slashKeyOf } from '../src/mapping/read-field.js';
import { dayPortion, mapAbsence, mapTimeOffRequest, timeOffStatus } from '../src/mapping/time-off.js';
import type { MappingContext } from '../src/mapping/context.js';
import { RawNamedListsIndex } from '../src/raw/named-lists.js';
import { RawReadResponse } from '../src/raw/people.js';
import { RawTimeOffRequest } from '../src/raw/time-off.js';
import { changeWindows, latestPerRequest } from '../src/readers/time-off.js';
import { bothForms, EMPLOYMENT_TYPE_FIELD, LISTS, METADATA } from './fixtures/payloads.js';

const ID = '3332883884017713238';
const MANAGER = '3332883884017713999';

function context(overrides: Partial<MappingContext> = {}): MappingContext {
  const catalog = new FieldCatalog(METADATA);
  return {
    catalog,
    lists: new ListDirectory(LISTS),
    employmentTypes: DEFAULT_HIBOB_EMPLOYMENT_TYPES,
    employmentTypeField: catalog.findField('Remotepass Employment Type'),
    includeSensitive: false,
    includeRaw: false,
    ...overrides,
  };
}

function person(values: Record<string, unknown> = {}) {
  return bothForms({
    'root.id': ID,
    'root.email': 'ada@example.com',
    'root.firstName': 'Ada',
    'root.surname': 'Lovelace',
    'root.secondName': null,
    'root.displayName': 'Ada Lovelace',
    'work.title': '1001',
    'work.department': '209192163',
    'work.site': 'London',
    'work.siteId': 2606110,
    'work.reportsTo': { id: MANAGER, displayName: 'Charles Babbage', email: 'cb@example.com' },
    'work.startDate': '2021-03-01',
    'internal.status': 'Active',
    'internal.lifecycleStatus': 'employed',
    'internal.terminationDate': null,
    'payroll.employment.type': 'ft',
    'home.mobilePhone': '+44 20 7946 0000',
    [EMPLOYMENT_TYPE_FIELD]: '390118421',
    ...values,
  });
}

describe('reading a field from both response forms (pitfalls 1, 2, 7)', () => {
  const work = { id: 'work.title', jsonPath: 'work.title' };
  it('reads the nested form, the slash form, and tells an absent key from a null', () => {
    expect(readField({ work: { title: '7' } }, work)).toEqual({ present: true, value: '7' });
    expect(readField({ '/work/title': { value: '7' } }, work)).toEqual({ present: true, value: '7' });
    expect(readField({ work: { title: null } }, work)).toEqual({ present: true, value: null });
    expect(readField({ work: {} }, work).present).toBe(false);
    expect(readField({}, work).present).toBe(false);
  });
  it('prefers a non-null value wherever it is', () => {
    expect(readField({ work: { title: null }, '/work/title': { value: '9' } }, work).value).toBe('9');
  });
  it('root fields have no root. prefix in jsonPath; custom categories nest by their id', () => {
    expect(slashKeyOf({ id: 'root.email', jsonPath: 'email' })).toBe('/root/email');
    expect(readField({ email: 'a@b.c' }, { id: 'root.email', jsonPath: 'email' }).value).toBe('a@b.c');
    const custom = { id: EMPLOYMENT_TYPE_FIELD, jsonPath: EMPLOYMENT_TYPE_FIELD };
    expect(slashKeyOf(custom)).toBe('/category_1720508362305/field_1720508394580');
    expect(readField({ '/category_1720508362305/field_1720508394580': { value: '1' } }, custom).value).toBe('1');
  });
});

describe('mapEmployee', () => {
  it('maps a full HiBob record: names, list labels, manager, status, employment type', () => {
    const employee = Employee.parse(mapEmployee(person(), context()));
    expect(employee.id).toBe(`hibob:${ID}`);
    expect(employee.remoteId).toBe(ID);
    expect(employee.name).toEqual({
      first: 'Ada',
      middle: null,
      last: 'Lovelace',
      display: 'Ada Lovelace',
      preferred: null,
    });
    expect(employee.emails.work).toBe('ada@example.com');
    expect(employee.jobTitle).toBe('Engineer'); // pitfall 6: work.title is a list item id
    expect(employee.department).toEqual({ id: '209192163', name: 'Account Receivables' });
    expect(employee.workLocation).toMatchObject({ id: '2606110', name: 'London' });
    expect(employee.manager).toEqual({ id: `hibob:${MANAGER}`, remoteId: MANAGER, displayName: 'Charles Babbage' });
    expect(employee.employmentStatus.value).toBe('active');
    expect(employee.employmentStatus.source).toEqual({
      field: 'internal.lifecycleStatus',
      value: 'employed',
      label: 'Employed',
    });
    expect(employee.employmentType.workerKind.value).toBe('contractor');
    expect(employee.employmentType.customerCategory).toEqual({
      label: 'Contractor',
      value: '390118421',
      field: { id: EMPLOYMENT_TYPE_FIELD, name: 'Remotepass Employment Type' },
    });
    expect(employee.employmentType.schedule.value).toBe('full_time'); // from payroll, the custom field owns the kind
    expect(employee.phones).toEqual([{ kind: 'mobile', number: '+44 20 7946 0000', field: 'home.mobilePhone' }]);
    expect(employee.customFields[EMPLOYMENT_TYPE_FIELD]).toMatchObject({
      name: 'Remotepass Employment Type',
      label: 'Contractor',
    });
    expect(employee.raw).toBeUndefined();
  });

  it('keeps 19-digit ids as exact strings (pitfall 8)', () => {
    const employee = mapEmployee(person({ 'root.id': '9007199254740993123' }), context());
    expect(employee.remoteId).toBe('9007199254740993123');
  });

  it.each([
    ['390118422', 'employee'],
    ['390118423', 'eor_worker'],
  ])('maps the custom item %s to %s', (item, kind) => {
    expect(mapEmployee(person({ [EMPLOYMENT_TYPE_FIELD]: item }), context()).employmentType.workerKind.value).toBe(
      kind,
    );
  });

  it('reports a label it cannot map instead of guessing', () => {
    const type = mapEmployee(person({ [EMPLOYMENT_TYPE_FIELD]: '390118424' }), context()).employmentType;
    expect(type.workerKind.value).toBe('unknown');
    expect(type.customerCategory?.label).toBe('Intern');
    expect(type.unmapped).toEqual([{ field: EMPLOYMENT_TYPE_FIELD, value: '390118424', label: 'Intern' }]);
  });

  it('falls back to the payroll employment type when the custom field is absent or empty', () => {
    const withoutField = context({ employmentTypeField: undefined });
    const a = mapEmployee(person({ 'payroll.employment.type': 'ct' }), withoutField).employmentType;
    expect(a.workerKind).toEqual({
      value: 'contractor',
      source: { field: 'payroll.employment.type', value: 'ct', label: 'Contractor' },
    });
    expect(a.customerCategory).toBeNull();
    const b = mapEmployee(
      person({ [EMPLOYMENT_TYPE_FIELD]: null, 'payroll.employment.type': 'ft' }),
      context(),
    ).employmentType;
    expect(b.workerKind.value).toBe('employee');
    expect(b.schedule.value).toBe('full_time');
    const c = mapEmployee(
      person({ [EMPLOYMENT_TYPE_FIELD]: null, 'payroll.employment.type': 'odd' }),
      context(),
    ).employmentType;
    expect(c.workerKind.value).toBe('unknown');
    expect(c.unmapped).toEqual([{ field: 'payroll.employment.type', value: 'odd', label: 'Zero Hours' }]);
  });

  it('uses replaced rules', () => {
    const customerCategories = new EmploymentTypeRules({ Intern: { workerKind: 'intern' } });
    const type = mapEmployee(
      person({ [EMPLOYMENT_TYPE_FIELD]: '390118424' }),
      context({ employmentTypes: { ...DEFAULT_HIBOB_EMPLOYMENT_TYPES, customerCategories } }),
    ).employmentType;
    expect(type.workerKind.value).toBe('intern');
  });

  it('reads sensitive fields only with includeSensitive, and attaches raw only with includeRaw', () => {
    const raw = person({ 'personal.birthDate': '1815-12-10', 'personal.nationality': ['GB', 'FR'] });
    expect(mapEmployee(raw, context()).personal.dateOfBirth).toBeNull();
    const sensitive = Employee.parse(mapEmployee(raw, context({ includeSensitive: true, includeRaw: true })));
    expect(sensitive.personal.dateOfBirth).toBe('1815-12-10');
    expect(sensitive.personal.nationalities).toEqual(['British', 'French']);
    expect(sensitive.raw).toEqual(raw);
  });

  it('resolves labels through humanReadable when a list does not know the item', () => {
    const raw = { ...person({ 'work.title': '4242' }), humanReadable: { work: { title: 'Analyst' } } };
    expect(mapEmployee(raw, context()).jobTitle).toBe('Analyst');
  });

  it('reads a record that has only slash keys, or only nested values', () => {
    const full = person();
    const slashOnly = Object.fromEntries(Object.entries(full).filter(([key]) => key.startsWith('/')));
    const nestedOnly = Object.fromEntries(Object.entries(full).filter(([key]) => !key.startsWith('/')));
    const a = mapEmployee(slashOnly, context());
    const b = mapEmployee(nestedOnly, context());
    expect(a.jobTitle).toBe('Engineer');
    expect(a.employmentType.workerKind.value).toBe('contractor');
    expect(b).toEqual(a);
  });

  it('reads the bare /people/{id} object and the wrapped form', () => {
    const raw = person();
    expect(RawReadResponse.parse(raw)).toEqual(raw);
    expect(RawReadResponse.parse({ employees: [raw] })).toEqual(raw);
  });
});

describe('employment status', () => {
  it.each([
    ['Hired', 'pending'],
    ['Hired - not started', 'pending'],
    ['Employed', 'active'],
    ['Terminated', 'terminated'],
    ['Garden leave', 'on_leave'],
    ['On leave', 'on_leave'],
    ['Parental leave', 'on_leave'],
    ['Something else', null],
  ])('%s → %s', (label, expected) => expect(lifecycleToStatus(label)).toBe(expected));

  it('keeps the source and uses the termination date for leavers', () => {
    const employee = mapEmployee(
      person({
        'internal.lifecycleStatus': 'terminated',
        'internal.terminationDate': '2025-01-31',
        'internal.status': 'Inactive',
      }),
      context(),
    );
    expect(employee.employmentStatus).toEqual({
      value: 'terminated',
      source: { field: 'internal.lifecycleStatus', value: 'terminated', label: 'Terminated' },
      effectiveDate: '2025-01-31',
    });
    expect(employee.terminationDate).toBe('2025-01-31');
  });

  it('falls back to internal.status when lifecycle is not readable', () => {
    const raw = person();
    delete (raw.internal as Record<string, unknown>).lifecycleStatus;
    delete raw['/internal/lifecycleStatus'];
    expect(mapEmployee(raw, context()).employmentStatus.value).toBe('active');
  });
});

describe('named lists', () => {
  it('reads the name-keyed index and the array form, flattening hierarchy children', () => {
    const item = (id: string | number, value: string, children: unknown[] = []) => ({
      id,
      value,
      name: value,
      archived: false,
      children,
    });
    const keyed = RawNamedListsIndex.parse({
      department: {
        name: 'department',
        values: [item(1, 'R&D', [item(2, 'Platform')])],
        items: [item(1, 'R&D', [item(2, 'Platform')])],
      },
    });
    const labels = listLabels(keyed.get('department')!);
    expect([...labels]).toEqual([
      ['1', 'R&D'],
      ['2', 'Platform'],
    ]);
    const array = RawNamedListsIndex.parse([{ name: 'site', items: [item('a', 'Paris')] }]);
    expect(listLabels(array.get('site')!).get('a')).toBe('Paris');
  });
  it('is case-sensitive on list names (pitfall 5)', () => {
    const lists = new ListDirectory(LISTS);
    expect(lists.label('title', '1001')).toBe('Engineer');
    expect(lists.label('Title', '1001')).toBeNull();
  });
});

describe('history rows', () => {
  const ctx = context();
  it('maps a work row with list ids and a manager', () => {
    const entry = mapHistoryRow(
      'work',
      ID,
      {
        id: 1000020260906,
        effectiveDate: '2026-09-06',
        endEffectiveDate: null,
        isCurrent: true,
        change: { reason: null, changedById: '1' },
        title: '1001',
        department: '209192163',
        site: 'London',
        siteId: 2606110,
        reportsTo: { id: MANAGER, displayName: 'Charles Babbage' },
        workChangeType: 'New Employee',
      } as never,
      ctx,
    );
    const parsed = EmploymentHistoryEntry.parse(entry);
    expect(parsed).toMatchObject({
      remoteId: 'work:1000020260906',
      table: 'work',
      kind: 'job',
      effectiveDate: '2026-09-06',
      jobTitle: 'Engineer',
      department: { id: '209192163', name: 'Account Receivables' },
      manager: { remoteId: MANAGER },
      reason: 'New Employee',
    });
  });
  it('maps employment rows holding display strings, and lifecycle rows', () => {
    const employment = mapHistoryRow(
      'employment',
      ID,
      { id: 5, effectiveDate: '2024-01-01', type: 'Contractor', contract: 'Part time', weeklyHours: 20 } as never,
      ctx,
    );
    expect(employment?.employmentType?.workerKind.value).toBe('contractor');
    expect(employment?.weeklyHours).toBe(20);
    const lifecycle = mapHistoryRow(
      'lifecycle',
      ID,
      { id: 6, effectiveDate: '2024-06-01', status: 'garden' } as never,
      ctx,
    );
    expect(lifecycle?.employmentStatus?.value).toBe('on_leave');
    expect(mapHistoryRow('lifecycle', ID, { id: 7, effectiveDate: null } as never, ctx)).toBeNull();
  });
});

describe('time off (pitfalls 9, 11)', () => {
  const change = (values: Record<string, unknown>) =>
    RawTimeOffRequest.parse({
      employeeId: ID,
      employeeDisplayName: 'Ada Lovelace',
      policyType: 'Holiday',
      policyTypeDisplayName: 'Holiday',
      type: 'portionOnRange',
      startDate: '2026-03-02',
      startPortion: 'morning',
      endDate: '2026-03-04',
      endPortion: 'afternoon',
      durationUnit: 'days',
      totalDuration: 1.5,
      totalCost: 1.5,
      ...values,
    });

  it('maps a changes-feed snapshot with startPortion/type', () => {
    const request = TimeOffRequest.parse(
      mapTimeOffRequest(change({ requestId: 32832853, changeType: 'Created' }), { includeRaw: false }),
    );
    expect(request).toMatchObject({
      remoteId: '32832853',
      type: { value: 'vacation' },
      status: { value: 'approved' },
      unit: 'days',
      amount: 1.5,
      cost: 1.5,
      rangeType: 'portionOnRange',
      start: { date: '2026-03-02', portion: 'morning' },
      end: { date: '2026-03-04', portion: 'afternoon' },
    });
  });

  it('maps request details with startDatePortion/requestRangeType and any status casing', () => {
    const raw = change({
      requestId: 7,
      type: null,
      requestRangeType: 'days',
      startPortion: null,
      startDatePortion: 'all_day',
      endPortion: null,
      endDatePortion: 'morning',
      status: 'Canceled',
    });
    const request = mapTimeOffRequest(raw, { includeRaw: true });
    expect(request.start.portion).toBe('all_day');
    expect(request.end?.portion).toBe('morning');
    expect(request.rangeType).toBe('days');
    expect(request.status.value).toBe('cancelled');
    expect(request.raw).toBeDefined();
    expect(['APPROVED', 'pending', 'Declined', 'cancelled', 'deleted'].map(timeOffStatus)).toEqual([
      'approved',
      'requested',
      'declined',
      'cancelled',
      'deleted',
    ]);
    expect(dayPortion('allDay')).toBe('all_day');
  });

  it('keeps hours as hours, and open-ended requests without an end', () => {
    const hours = mapTimeOffRequest(
      change({
        requestId: 8,
        type: 'hours',
        startDate: null,
        endDate: null,
        date: '2026-03-05',
        hoursOnDate: 3,
        durationUnit: 'hours',
        totalDuration: null,
      }),
      { includeRaw: false },
    );
    expect(hours).toMatchObject({ unit: 'hours', amount: 3, start: { date: '2026-03-05' } });
    const open = mapTimeOffRequest(change({ requestId: 9, type: 'openEnded', endDate: null, endPortion: null }), {
      includeRaw: false,
    });
    expect(open.end).toBeNull();
  });

  it('keeps the latest snapshot per request and both ends of an edit chain', () => {
    const feed = [
      change({ requestId: 1, changeType: 'Created', createdOn: '2026-01-01T10:00:00.000001' }),
      change({ requestId: 1, changeType: 'Canceled', createdOn: '2026-01-02T10:00:00' }),
      change({
        requestId: 2,
        changeType: 'Created',
        originalRequestId: 1,
        previousRequestId: 1,
        createdOn: '2026-01-02T10:00:00',
      }),
      change({ requestId: 1, changeType: 'Created', createdOn: '2026-01-01T09:00:00' }), // older snapshot arriving late
    ];
    const latest = latestPerRequest(feed).map((raw) => mapTimeOffRequest(raw, { includeRaw: false }));
    expect(latest.map((request) => [request.remoteId, request.status.value])).toEqual([
      ['1', 'cancelled'],
      ['2', 'approved'],
    ]);
    expect(latest[1]?.editChain).toEqual({ originalRequestId: '1', previousRequestId: '1' });
  });

  it('never orders snapshots by arrival: a timestamped one beats one without, two without keep the first and are reported', () => {
    const issues: unknown[] = [];
    const feed = [
      change({ requestId: 1, changeType: 'Canceled', createdOn: '2026-01-02T10:00:00' }),
      change({ requestId: 1, changeType: 'Created', createdOn: null }),
      change({ requestId: 3, changeType: 'Pending', createdOn: null }),
      change({ requestId: 3, changeType: 'Created', createdOn: null }),
      change({ requestId: null, changeType: 'Created', createdOn: '2026-01-02T10:00:00' }),
    ];
    const latest = latestPerRequest(feed, (issue) => issues.push(issue)).map((raw) =>
      mapTimeOffRequest(raw, { includeRaw: false }),
    );
    expect(latest.map((request) => [request.remoteId, request.status.value])).toEqual([
      ['1', 'cancelled'],
      ['3', 'requested'],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ recordIndex: 3, recordId: '3', field: 'createdOn' }),
      expect.objectContaining({ recordIndex: 4, field: 'requestId', reason: 'no readable request id' }),
    ]);
  });

  it('splits a long changes range into windows within six months', () => {
    const since = Date.parse('2025-01-01T00:00:00Z');
    const until = Date.parse('2026-03-01T00:00:00Z');
    const windows = changeWindows(since, until);
    expect(windows.length).toBe(3);
    expect(windows[0]?.since).toBe('2025-01-01T00:00:00.000Z');
    expect(windows.at(-1)?.to).toBe('2026-03-01T00:00:00.000Z');
    for (const window of windows)
      expect(Date.parse(window.to) - Date.parse(window.since)).toBeLessThanOrEqual(181 * 86_400_000);
  });

  it('maps who is out entries (with or without request ids) to absences', () => {
    const absence = mapAbsence(change({ requestId: 5, status: 'approved', visibility: 'Custom name' }), {
      includeRaw: false,
      window: 'x',
    });
    expect(absence).toMatchObject({ requestId: 'hibob:5', visibility: 'custom_name', status: { value: 'approved' } });
    const today = mapAbsence(
      change({ startPortion: null, startDatePortion: 'afternoon', type: null, requestRangeType: 'days' }),
      { includeRaw: false, window: 'y' },
    );
    expect(today).toMatchObject({ requestId: null, start: { portion: 'afternoon' } });
  });
});

describe('employment type mapping', () => {
  it('compares labels without case or punctuation', () => {
    const result = mapEmploymentType(
      {
        custom: { field: { id: 'f', name: 'F' }, value: 'x', label: 'direct-employee' },
        payrollType: null,
        payrollContract: null,
      },
      DEFAULT_HIBOB_EMPLOYMENT_TYPES,
    );
    expect(result.workerKind.value).toBe('employee');
  });
});
