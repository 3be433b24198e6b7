import { chunk, type TimeOffBalance, type TimeOffBalancesOptions } from '@hrkit/core';
import type { PersonioClient } from '../client.js';
import type { EmployeeMappingContext } from '../mapping/employee.js';
import { toTimeOffBalance } from '../mapping/time-off-balance.js';
import { listEmployees } from './employees.js';

/** Balance calls in flight at once: one call per employee, Personio has no bulk endpoint. */
const CONCURRENCY = 4;

/** Balances of the asked employees (default: everyone current); Personio counts them as of today only. */
export async function* listTimeOffBalances(
  client: PersonioClient,
  context: EmployeeMappingContext & { today: string },
  options: TimeOffBalancesOptions,
): AsyncIterable<TimeOffBalance> {
  const ids = options.employeeIds ? [...options.employeeIds] : [];
  if (!options.employeeIds)
    for await (const employee of listEmployees(client, context, options)) ids.push(employee.remoteId);
  const types = await client.timeOffTypes(options.signal);
  const wanted = options.policies ? new Set(options.policies) : null;
  for (const batch of chunk(ids, CONCURRENCY)) {
    const answers = await Promise.all(batch.map((id) => client.balances(id, options.signal)));
    for (const [index, entries] of answers.entries())
      for (const raw of entries)
        if (!wanted || wanted.has(raw.id) || wanted.has(raw.name))
          yield toTimeOffBalance(raw, {
            employeeId: batch[index] as string,
            asOf: options.asOf ?? context.today,
            today: context.today,
            type: types.get(raw.id),
            includeRaw: options.includeRaw === true,
          });
  }
}
