import { type DataIssue, InvalidProviderDataError } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, sandboxFixture } from './helpers.js';
import { startRewriteProxy } from '@hrkit/testkit/faults';

const LONG_ID = '1234567890123456789'; // beyond 2^53: JSON.parse alone would make it 1234567890123456800

let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
let proxy: Awaited<ReturnType<typeof startRewriteProxy>>;
let firstId = '';
let whosOutId = '';
beforeAll(async () => {
  fixture = await sandboxFixture();
  // The custom report with four rows corrupted the way a provider bug would: a 19-digit numeric id, no id, a
  // fractional id, and the first row's id repeated.
  proxy = await startRewriteProxy(fixture.sandbox.url, ({ path }, body) => {
    if (path.endsWith('/v1/time_off/whos_out')) {
      const entries = JSON.parse(body) as Array<Record<string, unknown>>;
      const first = entries.find((entry) => entry.type === 'timeOff');
      if (first) {
        whosOutId = String(first.id);
        delete first.employeeId;
      }
      return JSON.stringify(entries);
    }
    if (!path.endsWith('/v1/reports/custom')) return body;
    const report = JSON.parse(body) as { employees: Array<Record<string, unknown>> };
    const [first, second, third, fourth, fifth] = report.employees;
    second!.id = '__LONG__';
    delete third!.id;
    fourth!.id = 1.5;
    firstId = String(first!.id);
    fifth!.id = first!.id;
    return JSON.stringify(report).replace('"__LONG__"', LONG_ID);
  });
});
afterAll(async () => {
  await proxy.close();
  await fixture.sandbox.close();
});

describe('BambooHR ids are read losslessly, and unreadable rows are reported, never dropped', () => {
  it('a 19-digit numeric id keeps every digit; rows without a usable id go to onDataIssue', async () => {
    const issues: DataIssue[] = [];
    const connection = fixture.connect({ ...fixture.sandbox.connectionConfig(), baseUrl: proxy.url });
    const employees = await drain(
      connection.employees.list({ includeInactive: true, onDataIssue: (issue) => issues.push(issue) }),
    );
    expect(employees.map((employee) => employee.remoteId)).toContain(LONG_ID);
    expect(employees).toHaveLength(fixture.sandbox.company.employees.size - 3);
    expect(issues).toEqual([
      { recordIndex: 2, field: 'id', reason: 'missing id' },
      { recordIndex: 3, field: 'id', reason: 'id is not an integer', value: 1.5 },
      { recordIndex: 4, recordId: firstId, field: 'id', reason: 'duplicate id in the listing', value: firstId },
    ]);
  });

  it('without a handler the read fails with InvalidProviderDataError naming the record', async () => {
    const connection = fixture.connect({ ...fixture.sandbox.connectionConfig(), baseUrl: proxy.url });
    const error = await drain(connection.employees.list({ includeInactive: true })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidProviderDataError);
    expect((error as InvalidProviderDataError).path).toBe('id');
    expect((error as Error).message).toMatch(/record 2.*missing id/);
  });

  it('a whos_out time-off row without an employee is reported, not skipped', async () => {
    const issues: DataIssue[] = [];
    const connection = fixture.connect({ ...fixture.sandbox.connectionConfig(), baseUrl: proxy.url });
    await drain(
      connection.timeOff.whosOut({ from: '2026-01-01', to: '2026-04-30', onDataIssue: (i) => issues.push(i) }),
    );
    expect(whosOutId).not.toBe('');
    expect(issues).toEqual([
      { recordIndex: expect.any(Number), recordId: whosOutId, field: 'employeeId', reason: 'missing employee id' },
    ]);
  });
});
