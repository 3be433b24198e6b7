import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMPLOYMENT_TYPE_FIELD_ID,
  EMPLOYMENT_TYPE_FIELD_NAME,
  EMPLOYMENT_TYPE_ITEMS,
  EMPLOYMENT_TYPE_LIST_ID,
  type HiBobSandbox,
} from '../src/sandbox/index.js';
import { call, type Employee, sandbox } from './sandbox-helpers.js';

let bob: HiBobSandbox;
beforeAll(async () => {
  bob = await sandbox();
});
afterAll(() => bob.close());

const search = (body: unknown, config = bob.connectionConfig()) =>
  call<{ employees: Employee[] }>(config, 'POST', '/v1/people/search', body);

describe('auth', () => {
  it('answers 401 with {key, error} for a wrong token, a raw legacy token and no credentials', async () => {
    const bad = await search({}, bob.badConnectionConfig());
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({
      key: 'unauthorized',
      error: 'The request could not be authenticated. Check your service user credentials.',
    });
    const config = bob.connectionConfig();
    expect((await call(config, 'POST', '/v1/people/search', {}, config.token)).status).toBe(401);
    expect((await call(config, 'POST', '/v1/people/search', {}, '')).status).toBe(401);
  });

  it('answers 403 for endpoints the service user was not granted', async () => {
    const noPeople = bob.control.createServiceUser({ features: ['timeoff.whosout'] });
    const response = await search({}, noPeople);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ key: 'forbidden' });
    // Metadata needs no data permission.
    expect((await call(noPeople, 'GET', '/v1/company/people/fields')).status).toBe(200);
  });
});

describe('POST /v1/people/search', () => {
  it('returns active people only by default, everyone with showInactive, with 19-digit string ids', async () => {
    const active = await search({ fields: ['root.id'] });
    const all = await search({ fields: ['root.id'], showInactive: true });
    expect(active.status).toBe(200);
    expect(active.body.employees.map((e) => e.id).sort()).toEqual(
      bob.expected.employeeRemoteIds({ includeInactive: false }).sort(),
    );
    expect(all.body.employees.map((e) => e.id).sort()).toEqual(
      bob.expected.employeeRemoteIds({ includeInactive: true }).sort(),
    );
    expect(all.body.employees.length).toBe(60);
    expect(active.body.employees.length).toBeLessThan(60);
    for (const employee of all.body.employees) expect(employee.id).toMatch(/^[1-9]\d{18}$/);
  });

  it('emits slash keys for non-null values only and the nested form with nulls', async () => {
    const employee = bob.state.employees.find((e) => e.managerId === null)!;
    const response = await search({
      fields: ['root.id', 'root.email', 'work.title', 'work.reportsTo', 'home.privatePhone', '/work/department'],
      filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employee.id] }],
      showInactive: true,
    });
    const [view] = response.body.employees;
    expect(view).toEqual({
      '/root/id': { value: employee.id },
      '/root/email': { value: employee.email },
      '/work/title': { value: employee.title },
      '/work/department': { value: employee.department },
      id: employee.id,
      email: employee.email,
      work: { title: employee.title, reportsTo: null, department: employee.department },
      home: { privatePhone: null },
    });
  });

  it('adds humanReadable with APPEND and replaces values with REPLACE', async () => {
    const employee = bob.state.employees[3]!;
    const body = {
      fields: ['root.id', 'root.firstName', 'work.title', 'work.startDate', 'work.isManager'],
      filters: [{ fieldPath: 'root.email', operator: 'equals', values: [employee.email.toUpperCase()] }],
      showInactive: true,
    };
    const titleName = bob.state.listItemName('title', employee.title!)!;
    const [appended] = (await search({ ...body, humanReadable: 'APPEND' })).body.employees;
    const isManager = bob.state.directReports(employee.id) > 0;
    expect(appended!.humanReadable).toEqual({
      id: employee.id,
      firstName: employee.firstName,
      work: {
        title: titleName,
        startDate: `${employee.startDate.slice(8, 10)}/${employee.startDate.slice(5, 7)}/${employee.startDate.slice(0, 4)}`,
        isManager: isManager ? 'Yes' : 'No',
      },
    });
    expect(appended!.work).toEqual({ title: employee.title, startDate: employee.startDate, isManager });
    const [replaced] = (await search({ ...body, humanReadable: 'REPLACE' })).body.employees;
    expect(replaced!.humanReadable).toBeUndefined();
    expect(replaced!.work).toMatchObject({ title: titleName, isManager: isManager ? 'Yes' : 'No' });
    expect(replaced!['/work/title']).toEqual({ value: titleName });
  });

  it('silently omits unknown fields and fields of ungranted categories (absent, not null)', async () => {
    const restricted = bob.restrictedConnection();
    expect(restricted.expectedMissingCheck).toBe('fields.work');
    const response = await search(
      { fields: ['root.id', 'work.title', 'work.department', 'nope.field'] },
      restricted.config,
    );
    expect(response.status).toBe(200);
    for (const employee of response.body.employees) {
      expect(Object.keys(employee).sort()).toEqual(['/root/id', 'id']);
    }
    const defaults = await search({}, restricted.config);
    expect(defaults.body.employees[0]).not.toHaveProperty('work');
    expect(defaults.body.employees[0]).toHaveProperty('firstName');
  });

  it('default fields are root, about, employment and work, never custom fields', async () => {
    const [first] = (await search({})).body.employees;
    expect(first).toHaveProperty('work.title');
    expect(first).toHaveProperty('payroll.employment.type');
    expect(first).toHaveProperty('about');
    expect(first).not.toHaveProperty('internal');
    expect(first).not.toHaveProperty('category_1720508362305');
    expect(Object.keys((first!.work as Record<string, unknown>) ?? {})).not.toContain('custom');
  });

  it('limits people to the service user audience', async () => {
    const engineers = bob.control.createServiceUser({
      audience: { departments: ['209192161'], includeInactive: false },
    });
    const response = await search({ fields: ['root.id', 'work.department'], showInactive: true }, engineers);
    const expected = bob.state.employees
      .filter(
        (e) =>
          e.department === '209192161' && bob.expected.employeeRemoteIds({ includeInactive: false }).includes(e.id),
      )
      .map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.employees.map((e) => e.id).sort()).toEqual(expected.sort());
    const outsider = bob.state.employees.find((e) => e.department !== '209192161')!;
    expect((await call(engineers, 'POST', `/v1/people/${outsider.id}`, {})).status).toBe(404);
  });

  it.each([
    [{ filters: [] }, '"filters" must not be empty; omit it to read everyone.'],
    [
      {
        filters: [
          { fieldPath: 'root.id', operator: 'equals', values: ['1'] },
          { fieldPath: 'root.id', operator: 'equals', values: ['2'] },
        ],
      },
      'Only one filter is supported.',
    ],
    [
      { filters: [{ fieldPath: 'work.title', operator: 'equals', values: ['1'] }] },
      'filters[0].fieldPath must be "root.id" or "root.email", got "work.title".',
    ],
    [
      { filters: [{ fieldPath: 'root.id', operator: 'contains', values: ['1'] }] },
      'filters[0].operator must be "equals", got "contains".',
    ],
    [
      { filters: [{ fieldPath: 'root.id', operator: 'equals', values: [] }] },
      'filters[0].values must be a non-empty array of strings.',
    ],
    [
      { fields: Array.from({ length: 401 }, (_, i) => `root.f${i}`) },
      '"fields" may hold at most 400 field ids, got 401.',
    ],
    [{ showInactive: 'yes' }, '"showInactive" must be a boolean.'],
    [{ humanReadable: 'append' }, '"humanReadable" must be "APPEND" or "REPLACE", got "append".'],
  ])('rejects %j with 400', async (body, error) => {
    const response = await search(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ key: 'bad_request', error });
  });
});

describe('POST /v1/people/{identifier}', () => {
  it('returns the bare employee by id or email, and 404 for unknown ones', async () => {
    const employee = bob.state.employees[5]!;
    const byId = await call<Employee>(bob.connectionConfig(), 'POST', `/v1/people/${employee.id}`, {
      fields: ['root.id', 'root.email'],
    });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({
      '/root/id': { value: employee.id },
      '/root/email': { value: employee.email },
      id: employee.id,
      email: employee.email,
    });
    const byEmail = await call<Employee>(
      bob.connectionConfig(),
      'POST',
      `/v1/people/${encodeURIComponent(employee.email)}`,
      {
        fields: ['root.id'],
      },
    );
    expect(byEmail.body.id).toBe(employee.id);
    const missing = await call(bob.connectionConfig(), 'POST', '/v1/people/1234567890123456789', {});
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ key: 'not_found' });
  });

  it('serves the Remotepass custom field in the user category, nested and slash-keyed', async () => {
    const employee = bob.state.employees.find((e) => e.custom[EMPLOYMENT_TYPE_FIELD_ID] === EMPLOYMENT_TYPE_ITEMS.EOR)!;
    const response = await call<Employee>(bob.connectionConfig(), 'POST', `/v1/people/${employee.id}`, {
      fields: [EMPLOYMENT_TYPE_FIELD_ID],
      humanReadable: 'APPEND',
    });
    expect(response.body).toEqual({
      '/category_1720508362305/field_1720508394580': { value: EMPLOYMENT_TYPE_ITEMS.EOR },
      category_1720508362305: { field_1720508394580: EMPLOYMENT_TYPE_ITEMS.EOR },
      id: employee.id,
      humanReadable: { category_1720508362305: { field_1720508394580: 'EOR' } },
    });
    const noCategory = bob.control.createServiceUser({ categories: ['root', 'work'] });
    const hidden = await call<Employee>(noCategory, 'POST', `/v1/people/${employee.id}`, {
      fields: [EMPLOYMENT_TYPE_FIELD_ID],
    });
    expect(hidden.body).toEqual({ id: employee.id });
  });
});

describe('metadata', () => {
  it('serves ~200 fields as a bare array, including the Work Eligibility list field', async () => {
    const response = await call<Array<Record<string, unknown>>>(
      bob.connectionConfig(),
      'GET',
      '/v1/company/people/fields',
    );
    expect(Array.isArray(response.body)).toBe(true);
    expect(response.body.length).toBeGreaterThanOrEqual(200);
    expect(response.body.find((f) => f.name === EMPLOYMENT_TYPE_FIELD_NAME)).toEqual({
      id: 'category_1720508362305.field_1720508394580',
      category: 'category_1720508362305',
      categoryId: 'category_1720508362305',
      categoryDisplayName: 'Work Eligibility',
      name: 'Remotepass Employment Type',
      description: null,
      jsonPath: 'category_1720508362305.field_1720508394580',
      type: 'list',
      typeData: { listId: EMPLOYMENT_TYPE_LIST_ID },
      historical: false,
    });
    expect(response.body.find((f) => f.id === 'root.email')).toMatchObject({ jsonPath: 'email', categoryId: 'root' });
    expect(response.body.find((f) => f.id === 'work.department')).toMatchObject({
      typeData: { listId: 'department' },
      historical: true,
    });
    expect(response.body.some((f) => String(f.id).startsWith('work.custom.field_'))).toBe(true);
  });

  it('serves named lists keyed by name, single lists with values and items, case-sensitive names', async () => {
    const config = bob.connectionConfig();
    const index = await call<Record<string, { name: string; items: unknown[] }>>(
      config,
      'GET',
      '/v1/company/named-lists',
    );
    expect(Object.keys(index.body)).toContain('terminationreason');
    expect(index.body[EMPLOYMENT_TYPE_LIST_ID]!.name).toBe(EMPLOYMENT_TYPE_LIST_ID);
    const list = await call<{ name: string; values: unknown[]; items: unknown[] }>(
      config,
      'GET',
      `/v1/company/named-lists/${EMPLOYMENT_TYPE_LIST_ID}`,
    );
    expect(list.body).toEqual({
      name: EMPLOYMENT_TYPE_LIST_ID,
      values: list.body.items,
      items: [
        { id: '390118421', value: 'Contractor', name: 'Contractor', archived: false, children: [] },
        { id: '390118422', value: 'Direct Employee', name: 'Direct Employee', archived: false, children: [] },
        { id: '390118423', value: 'EOR', name: 'EOR', archived: false, children: [] },
      ],
    });
    expect((await call(config, 'GET', '/v1/company/named-lists/terminationReason')).status).toBe(404);
    const departments = await call<{ items: Array<{ name: string; children: unknown[] }> }>(
      config,
      'GET',
      '/v1/company/named-lists/department',
    );
    expect(departments.body.items.map((i) => i.name)).not.toContain('Legacy Operations');
    expect(departments.body.items[0]!.children.length).toBe(3);
    const archived = await call<{ items: Array<{ name: string }> }>(
      config,
      'GET',
      '/v1/company/named-lists/department?includeArchived=true',
    );
    expect(archived.body.items.map((i) => i.name)).toContain('Legacy Operations');
  });
});
