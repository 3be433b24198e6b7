import { describe, expect, it } from 'vitest';
import { expectedEmploymentType } from './helpers/ground-truth.js';
import { connect, useSandbox } from './helpers/sandbox.js';

const EMPLOYEES = 10_000;
const sandbox = useSandbox({ employees: EMPLOYEES, seed: 42 });

describe('a 10,000-employee company', () => {
  it('lists everyone with the right employment type, nothing dropped, in a handful of requests', async () => {
    const box = await sandbox();
    const { bob, connector } = connect(box.connectionConfig(), { plugin: { searchBatchSize: 1000 } });
    const started = performance.now();
    const seen = new Map<string, string>();
    let wrong = 0;
    for await (const employee of bob.employees.list({ includeInactive: true })) {
      const expected = expectedEmploymentType(box, employee.remoteId);
      if (employee.employmentType.workerKind.value !== expected.kind) wrong++;
      if ((employee.employmentType.customerCategory?.label ?? null) !== expected.label) wrong++;
      seen.set(employee.remoteId, employee.employmentType.workerKind.value);
    }
    const elapsed = performance.now() - started;
    const truth = box.expected.employeeRemoteIds({ includeInactive: true });
    expect(truth.length).toBe(EMPLOYEES);
    expect(seen.size).toBe(EMPLOYEES);
    expect([...seen.keys()].sort()).toEqual([...truth].sort());
    expect(wrong).toBe(0);
    const kinds = new Set(seen.values());
    for (const kind of ['contractor', 'employee', 'eor_worker']) expect(kinds.has(kind)).toBe(true);
    // fields + named lists + one id search + 10 batches of 1,000: well under HiBob's 50 searches/minute.
    expect(connector.client.http.stats.requests).toBe(13);
    console.log(
      `10k employees listed and validated in ${Math.round(elapsed)} ms, ${connector.client.http.stats.requests} requests`,
    );
  });
});
