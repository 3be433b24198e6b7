import { chunk, type TimeOffBalance, type TimeOffBalancesOptions } from '@hrkit/core';
import { BAMBOOHR } from '../config.js';
import { mapBalance } from '../mapping/time-off-balance.js';
import { type BambooHrReadContext, todayIn } from './context.js';
import { loadPeople } from './people.js';

/** Calculator calls in flight at once during a balances read. */
const BALANCE_CONCURRENCY = 4;

// #region read-time-off-balances
/** The calculator of each current employee (or of `employeeIds`) as of a day, optionally for some policies. */
export async function* listTimeOffBalances(
  context: BambooHrReadContext,
  options: TimeOffBalancesOptions = {},
): AsyncIterable<TimeOffBalance> {
  const today = todayIn(context);
  const asOf = options.asOf ?? today;
  const { people, currentIds } = await loadPeople(context.client, today, options.signal);
  const ids = options.employeeIds ?? currentIds;
  const wanted = options.policies ? new Set(options.policies.map((name) => name.toLowerCase())) : null;
  // One calculator call per employee: a few at a time (order kept); throttling answers carry Retry-After.
  for (const batch of chunk(ids, BALANCE_CONCURRENCY)) {
    const answers = await Promise.all(batch.map((id) => context.client.calculator(id, asOf, options.signal)));
    for (const [index, entries] of answers.entries()) {
      const employeeId = batch[index]!;
      for (const raw of entries) {
        if (wanted && !wanted.has((raw.name ?? '').toLowerCase())) continue;
        yield mapBalance(raw, { provider: BAMBOOHR, people, employeeId, asOf, includeRaw: options.includeRaw });
      }
    }
  }
}
// #endregion read-time-off-balances
