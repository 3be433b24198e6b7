import { type DataIssue, InvalidProviderDataError } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, connect, NOW, useSandbox } from './helpers/sandbox.js';
import { startRewriteProxy } from '@hrkit/testkit/faults';

const sandbox = useSandbox({ employees: 30, seed: 4 });
const TODAY = NOW.slice(0, 10);

type People = { employees: Array<Record<string, unknown>> };
type Outs = { outs: Array<Record<string, unknown>> };

let proxy: Awaited<ReturnType<typeof startRewriteProxy>>;
let repeated = '';
beforeAll(async () => {
  const box = await sandbox();
  // The id listing (fields: ['root.id']) loses one person's id, gives another a number, and repeats a third; who's
  // out loses the employee id of its first absence.
  proxy = await startRewriteProxy(box.connectionConfig().baseUrl, ({ path }, body) => {
    if (path === '/v1/people/search' && !body.includes('"/work/')) {
      const answer = JSON.parse(body) as People;
      const [, second, third] = answer.employees;
      for (const key of ['id', '/root/id']) delete second![key];
      delete second!.humanReadable;
      third!.id = 42.5;
      third!['/root/id'] = { value: 42.5 };
      repeated = String(answer.employees[0]!.id);
      answer.employees.push(answer.employees[0]!);
      return JSON.stringify(answer);
    }
    if (path === '/v1/timeoff/whosout') {
      const answer = JSON.parse(body) as Outs;
      if (answer.outs[0]) delete answer.outs[0].employeeId;
      return JSON.stringify(answer);
    }
    return body;
  });
});
afterAll(() => proxy.close());

describe('HiBob records without a usable id are reported, never dropped in silence', () => {
  it('the employee listing hands each unreadable or repeated person to onDataIssue', async () => {
    const box = await sandbox();
    const issues: DataIssue[] = [];
    const { bob } = connect({ ...box.connectionConfig(), baseUrl: proxy.url });
    const employees = await collect(bob.employees.list({ includeInactive: true, onDataIssue: (i) => issues.push(i) }));
    expect(employees).toHaveLength(box.state.employees.length - 2);
    expect(issues).toEqual([
      { recordIndex: 1, field: 'id', value: null, reason: 'no readable id' },
      { recordIndex: 2, field: 'id', value: 42.5, reason: 'no readable id' },
      {
        recordIndex: box.state.employees.length,
        recordId: repeated,
        field: 'id',
        value: repeated,
        reason: 'duplicate id in the listing',
      },
    ]);
  });

  it('without a handler the listing fails with InvalidProviderDataError instead of losing a person', async () => {
    const box = await sandbox();
    const { bob } = connect({ ...box.connectionConfig(), baseUrl: proxy.url });
    const error = await collect(bob.employees.list({ includeInactive: true })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidProviderDataError);
    expect((error as Error).message).toMatch(/record 1\): id: no readable id/);
  });

  it('a who’s-out absence without an employee id is reported', async () => {
    const box = await sandbox();
    const issues: DataIssue[] = [];
    const { bob } = connect({ ...box.connectionConfig(), baseUrl: proxy.url });
    const from = new Date(Date.parse(NOW) - 30 * 86_400_000).toISOString().slice(0, 10);
    await collect(bob.timeOff.whosOut({ from, to: TODAY, onDataIssue: (issue) => issues.push(issue) }));
    expect(issues).toEqual([{ recordIndex: 0, field: 'employeeId', reason: 'no readable employee id (missing id)' }]);
  });
});
