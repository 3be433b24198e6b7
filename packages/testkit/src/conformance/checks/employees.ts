import { Employee, NotFoundError } from '@hrkit/core';
import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';
import { describeError, expectTypedError, expectUniqueIds, expectValidRecords } from './assertions.js';

/** Every employee validates, appears exactly once, and the set is the sandbox's ground truth — active only by default. */
export async function employeesMatchGroundTruth(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  for (const includeInactive of [false, true]) {
    const what = `employees.list({ includeInactive: ${includeInactive} })`;
    const employees = await drain(connection.employees.list({ includeInactive }));
    expectValidRecords(Employee, employees, context.key, what);
    expectUniqueIds(employees, what);
    const listed = employees.map((employee) => employee.remoteId).sort();
    expect(listed, `${what} must list exactly the sandbox's employees`).toEqual(
      context.expectedEmployeeIds(includeInactive),
    );
  }
}

/** Two reads of the same company give the same ids and the same records (mapping is deterministic). */
export async function employeeIdsAreStable(context: ConformanceContext): Promise<void> {
  const first = await drain(context.connect().employees.list({ includeInactive: true }));
  const second = await drain(context.connect().employees.list({ includeInactive: true }));
  const byId = (employees: Employee[]) => new Map(employees.map((employee) => [employee.id, employee]));
  expect([...byId(second).keys()].sort(), 'ids differ between two reads').toEqual([...byId(first).keys()].sort());
  const again = byId(second);
  for (const employee of first)
    expect(again.get(employee.id), `employee ${employee.id} changed between reads`).toEqual(employee);
}

/** `get` returns what `list` returned for the same employee; an unknown id is a NotFoundError. */
export async function getAgreesWithList(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const listed = await drain(connection.employees.list({ includeInactive: true }));
  expect(listed.length, 'employees.list returned nothing to compare with').toBeGreaterThan(0);
  const sample = [listed[0], listed[Math.floor(listed.length / 2)], listed.at(-1)].filter(
    (employee): employee is Employee => employee !== undefined,
  );
  for (const employee of sample) {
    const fetched = await connection.employees.get(employee.remoteId);
    expect(fetched, `employees.get("${employee.remoteId}") disagrees with employees.list`).toEqual(employee);
  }
  const error = await context.failureOf(() => connection.employees.get('hrkit-conformance-no-such-employee'));
  expectTypedError(error, NotFoundError, `employees.get(unknown id) — ${describeError(error)}`);
}

/** `raw` is the provider's untouched payload: attached when asked with `includeRaw`, absent otherwise. */
export async function rawOnlyWhenAsked(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const plain = await drain(connection.employees.list());
  expect(
    plain.filter((employee) => employee.raw !== undefined).map((employee) => employee.id),
    'employees carry `raw` without includeRaw',
  ).toEqual([]);
  const withRaw = await drain(connection.employees.list({ includeRaw: true }));
  expect(withRaw.length).toBe(plain.length);
  const missing = withRaw.filter((employee) => typeof employee.raw !== 'object' || employee.raw === null);
  expect(
    missing.map((employee) => employee.id),
    'includeRaw: true, but some employees have no `raw`',
  ).toEqual([]);
  const { raw: _raw, ...withoutRaw } = withRaw[0] ?? ({} as Employee);
  if (withRaw[0]) expect(withoutRaw, 'includeRaw must not change the normalized fields').toEqual(plain[0]);
}

/** `signal` aborts the read: an already-aborted signal fails the listing instead of returning data. */
export async function abortedReadFails(context: ConformanceContext): Promise<void> {
  const controller = new AbortController();
  controller.abort(new Error('hrkit conformance: aborted on purpose'));
  const received: Employee[] = [];
  const error = await context.failureOf(async () => {
    for await (const employee of context.connect().employees.list({ signal: controller.signal }))
      received.push(employee);
  });
  expect(error, `employees.list ignored an aborted signal and returned ${received.length} employees`).toBeDefined();
}

/**
 * Paging off-by-one cases: companies of exactly one page, two full pages and two pages plus one (see `pageSize`)
 * are each listed completely and once, with and without leavers. Each size gets its own sandbox.
 */
export async function listingAtPageBoundaries(context: ConformanceContext): Promise<void> {
  for (const employees of context.options.boundaryVolumes) {
    const sandbox = await context.options.startSandbox({
      seed: context.options.seed,
      employees,
      now: context.options.now,
      rateLimits: false,
    });
    try {
      for (const includeInactive of [true, false]) {
        const what = `employees.list({ includeInactive: ${includeInactive} }) of a ${employees}-employee company`;
        const listed = await drain(context.connect(sandbox.connectionConfig()).employees.list({ includeInactive }));
        expectUniqueIds(listed, what);
        expect(listed.map((employee) => employee.remoteId).sort(), what).toEqual(
          [...sandbox.expected.employeeRemoteIds({ includeInactive })].sort(),
        );
      }
    } finally {
      await sandbox.close();
    }
  }
}
