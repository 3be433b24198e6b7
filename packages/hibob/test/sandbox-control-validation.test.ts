import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYMENT_TYPE_FIELD_ID, EMPLOYMENT_TYPE_LIST_ID, type HiBobSandbox } from '../src/sandbox/index.js';
import { lifecycleOn } from '../src/sandbox/state/lifecycle.js';
import { call, sandbox } from './sandbox-helpers.js';

let bob: HiBobSandbox;
beforeAll(async () => {
  bob = await sandbox();
});
afterAll(() => bob.close());

const control = (method: string, path: string, body?: unknown) =>
  call<Record<string, unknown>>(bob.connectionConfig(), method, `/_sandbox${path}`, body);

function recordEvents(): string[] {
  const seen: string[] = [];
  bob.state.onEvent((event) => seen.push(`${event.type}:${String(event.data.employeeId)}`));
  return seen;
}

describe('sandbox control API: refused writes change nothing', () => {
  it.each([
    ['a reason label instead of an item id', { reason: 'Resignation' }],
    ['a type label instead of an item id', { type: 'Voluntary' }],
    ['a malformed termination date', { terminationDate: '15/06/2026' }],
  ])(
    'terminate with %s answers 400 and leaves the employee, its lifecycle table and the webhooks untouched',
    async (_, body) => {
      const employee = bob.state.employees.find(
        (candidate) => lifecycleOn(candidate, bob.state.today()) === 'employed' && candidate.terminationDate === null,
      )!;
      const before = structuredClone(employee);
      const events = recordEvents();
      const answer = await control('POST', `/employees/${employee.id}/terminate`, body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/item id|YYYY-MM-DD/);
      expect(employee).toEqual(before);
      expect(lifecycleOn(employee, bob.state.today())).toBe('employed');
      expect(events).toEqual([]);
    },
  );

  it('terminate with item ids still works and fires the lifecycle webhooks', async () => {
    const employee = bob.state.employees.find(
      (candidate) => lifecycleOn(candidate, bob.state.today()) === 'employed' && candidate.terminationDate === null,
    )!;
    const events = recordEvents();
    const answer = await control('POST', `/employees/${employee.id}/terminate`, { reason: '1001', type: '4002' });
    expect(answer.status).toBe(200);
    expect(lifecycleOn(employee, bob.state.today())).toBe('terminated');
    expect(events).toContain(`employee.left:${employee.id}`);
  });
});

describe('sandbox control API: custom-field values outside the list and new list items', () => {
  it('adds a list item, which the metadata serves and the field then accepts by label', async () => {
    const added = await control('POST', `/lists/${EMPLOYMENT_TYPE_LIST_ID}/items`, { name: 'Freelancer' });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'Freelancer' });
    const list = await call<{ items: Array<{ id: string; name: string }> }>(
      bob.connectionConfig(),
      'GET',
      `/v1/company/named-lists/${EMPLOYMENT_TYPE_LIST_ID}`,
    );
    expect(list.body.items.map((item) => item.name)).toContain('Freelancer');
    const employee = bob.state.employees[5]!;
    const update = await control('POST', `/employees/${employee.id}/fields`, {
      fields: { [EMPLOYMENT_TYPE_FIELD_ID]: 'Freelancer' },
    });
    expect(update.status).toBe(200);
    expect(employee.custom[EMPLOYMENT_TYPE_FIELD_ID]).toBe(added.body.id);
    expect((await control('POST', `/lists/${EMPLOYMENT_TYPE_LIST_ID}/items`, { name: 'Freelancer' })).status).toBe(409);
    expect((await control('POST', '/lists/no-such-list/items', { name: 'X' })).status).toBe(404);
  });

  it('stores a value outside the list verbatim (a stale item id) and reports the update', async () => {
    const employee = bob.state.employees[6]!;
    const events = recordEvents();
    const refused = await control('POST', `/employees/${employee.id}/fields`, {
      fields: { [EMPLOYMENT_TYPE_FIELD_ID]: '999999' },
    });
    expect(refused.status).toBe(400);
    const stored = await control('POST', `/employees/${employee.id}/unchecked-fields`, {
      fields: { [EMPLOYMENT_TYPE_FIELD_ID]: '999999' },
    });
    expect(stored.body).toEqual({ fieldUpdates: [EMPLOYMENT_TYPE_FIELD_ID] });
    expect(employee.custom[EMPLOYMENT_TYPE_FIELD_ID]).toBe('999999');
    expect(events).toEqual([`employee.updated:${employee.id}`]);
    expect(
      (await control('POST', `/employees/${employee.id}/unchecked-fields`, { fields: { 'work.title': 'x' } })).status,
    ).toBe(400);
  });
});

describe('sandbox pay data', () => {
  it('no seeded salary row starts before the employee starts; a future hire has one row, on the start date', async () => {
    let futureHires = 0;
    for (const employee of bob.state.employees) {
      const answer = await call<{ values: Array<{ effectiveDate: string }> }>(
        bob.connectionConfig(),
        'GET',
        `/v1/people/${employee.id}/salaries`,
      );
      expect(answer.status).toBe(200);
      const dates = answer.body.values.map((row) => row.effectiveDate).sort();
      expect(dates[0], employee.id).toBe(employee.startDate);
      if (employee.startDate > bob.state.today()) {
        futureHires++;
        expect(dates).toEqual([employee.startDate]);
      } else for (const date of dates) expect(date <= bob.state.today()).toBe(true);
    }
    expect(futureHires).toBeGreaterThan(0);
  });
});
